import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequireAgencyRole } from '@vanthu/identity';
import { ListDocumentTypesUseCase, ListRegistersUseCase, SetOutgoingSeriesUseCase } from '@vanthu/registers';
import { z } from 'zod';
import { ZodValidationPipe } from '../http/zod-validation.pipe';

const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2999).optional() });
const seriesBody = z.object({ outgoingSeries: z.enum(['single', 'per_type']) });

@ApiTags('registers')
@Controller('api/v1')
export class RegistersController {
  constructor(
    private readonly listTypes: ListDocumentTypesUseCase,
    private readonly listRegisters: ListRegistersUseCase,
    private readonly setSeries: SetOutgoingSeriesUseCase,
  ) {}

  @Get('document-types')
  @ApiOperation({ summary: 'Danh mục loại văn bản (Nghị định 30/2020/NĐ-CP) và chữ viết tắt' })
  documentTypes() {
    return this.listTypes.execute();
  }

  @Get('agencies/:agencyId/registers')
  @RequireAgencyRole()
  @ApiOperation({ summary: 'Sổ đăng ký văn bản đến, đi, bản sao của cơ quan theo năm, số tiếp theo' })
  registers(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Query(new ZodValidationPipe(yearQuery)) query: z.infer<typeof yearQuery>,
  ) {
    return this.listRegisters.execute({ principal, agencyId, year: query.year });
  }

  @Put('agencies/:agencyId/register-settings')
  @RequireAgencyRole('admin')
  @ApiOperation({ summary: 'Một sổ văn bản đi chung hoặc một sổ cho mỗi loại văn bản' })
  settings(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Body(new ZodValidationPipe(seriesBody)) body: z.infer<typeof seriesBody>,
  ) {
    return this.setSeries.execute({ principal, agencyId, series: body.outgoingSeries });
  }
}
