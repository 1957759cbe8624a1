import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AUDIT_EVENTS_DEFAULT_LIMIT, AUDIT_EVENTS_MAX_LIMIT, ListAuditEventsUseCase } from '@vanthu/audit';
import { RequireAgencyRole } from '@vanthu/identity';
import { z } from 'zod';
import { pageOf, pageQuery } from '../http/response-fields';
import { ZodResponse } from '../http/zod-response.decorator';
import { auditEventSchema } from './audit.responses';

const querySchema = z.object(pageQuery(AUDIT_EVENTS_MAX_LIMIT, AUDIT_EVENTS_DEFAULT_LIMIT));

@ApiTags('audit')
@Controller('api/v1/agencies/:agencyId/audit-events')
export class AuditController {
  constructor(private readonly list: ListAuditEventsUseCase) {}

  @ZodResponse(pageOf(auditEventSchema, 'AuditEventPage'))
  @Get()
  @RequireAgencyRole('admin')
  @ApiOperation({ summary: 'Nhật ký kiểm toán của cơ quan (mới nhất trước)' })
  events(
    @Param('agencyId') agencyId: string,
    @Query({ schema: querySchema }) q: z.infer<typeof querySchema>,
  ) {
    return this.list.execute({ agencyId, ...q });
  }
}
