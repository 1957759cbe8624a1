import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListAuditEventsUseCase } from '@vanthu/audit';
import { RequireAgencyRole } from '@vanthu/identity';
import { z } from 'zod';
import { ZodResponse } from '../http/zod-response.decorator';
import { auditEventSchema } from './audit.responses';

const querySchema = z.object({
  before: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

@ApiTags('audit')
@Controller('api/v1/agencies/:agencyId/audit-events')
export class AuditController {
  constructor(private readonly list: ListAuditEventsUseCase) {}

  @ZodResponse(z.array(auditEventSchema))
  @Get()
  @RequireAgencyRole('admin')
  @ApiOperation({ summary: 'Nhật ký kiểm toán của cơ quan (mới nhất trước)' })
  events(
    @Param('agencyId') agencyId: string,
    @Query({ schema: querySchema }) q: z.infer<typeof querySchema>,
  ) {
    return this.list.execute({ agencyId, beforeSeq: q.before, limit: q.limit });
  }
}
