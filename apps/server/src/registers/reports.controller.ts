import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequireAgencyRole } from '@vanthu/identity';
import { GetReportSummaryUseCase } from '@vanthu/registers';
import type { z } from 'zod';
import { reportSummaryQuery } from './reports.schemas';
import { ZodResponse } from '../http/zod-response.decorator';
import { reportSummarySchema } from './registers.responses';

@ApiTags('reports')
@Controller('api/v1/agencies/:agencyId/reports')
export class ReportsController {
  constructor(private readonly summary: GetReportSummaryUseCase) {}

  @ZodResponse(reportSummarySchema)
  @Get('summary')
  @RequireAgencyRole('leader', 'admin', 'clerk')
  @ApiOperation({
    summary:
      'Báo cáo theo kỳ: số văn bản đến, đi theo tháng, loại, đơn vị; tỷ lệ giải quyết đúng hạn; tỷ lệ ký số; ' +
      'tỷ lệ gửi nhận điện tử; chứng thư số theo cấp (includeSubordinates: cộng cả các cơ quan cấp dưới, ' +
      'chỉ lãnh đạo và quản trị)',
  })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Query({ schema: reportSummaryQuery }) query: z.infer<typeof reportSummaryQuery>,
  ) {
    return this.summary.execute({ principal, agencyId, ...query });
  }
}
