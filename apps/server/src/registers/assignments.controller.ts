import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequireAgencyRole } from '@vanthu/identity';
import { AssignIncomingUseCase, ListDueSoonUseCase, ListOverdueUseCase } from '@vanthu/registers';
import { z } from 'zod';
import { assignIncomingBody, deadlineQuery, dueSoonQuery } from './assignments.schemas';
import { entryIdParam } from './incoming.schemas';
import { pageOf } from '../http/response-fields';
import { ZodResponse } from '../http/zod-response.decorator';
import { assignedEntrySchema, deadlineItemSchema } from './entry.responses';

const deadlinePageSchema = pageOf(deadlineItemSchema, 'DeadlineItemPage');

/** Assignment of incoming documents by leaders, and the deadlines that follow from it. */
@ApiTags('incoming')
@Controller('api/v1/agencies/:agencyId/incoming')
export class AssignmentsController {
  constructor(
    private readonly assignIncoming: AssignIncomingUseCase,
    private readonly listOverdue: ListOverdueUseCase,
    private readonly listDueSoon: ListDueSoonUseCase,
  ) {}

  @ZodResponse(assignedEntrySchema)
  @Post(':entryId/assign')
  @HttpCode(200)
  @RequireAgencyRole('leader')
  @ApiOperation({ summary: 'Phân công xử lý: chủ trì, phối hợp, để biết, hạn xử lý và ý kiến chỉ đạo' })
  assign(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('entryId', { schema: entryIdParam }) entryId: string,
    @Body({ schema: assignIncomingBody }) body: z.infer<typeof assignIncomingBody>,
  ) {
    return this.assignIncoming.execute({ principal, agencyId, entryId, ...body });
  }

  @ZodResponse(deadlinePageSchema)
  @Get('overdue')
  @RequireAgencyRole()
  @ApiOperation({ summary: 'Văn bản đến quá hạn xử lý (theo đơn vị hoặc cá nhân)' })
  overdue(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Query({ schema: deadlineQuery }) query: z.infer<typeof deadlineQuery>,
  ) {
    return this.listOverdue.execute({ principal, agencyId, ...query });
  }

  @ZodResponse(deadlinePageSchema)
  @Get('due-soon')
  @RequireAgencyRole()
  @ApiOperation({ summary: 'Văn bản đến sắp đến hạn xử lý trong N ngày (mặc định 3)' })
  dueSoon(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Query({ schema: dueSoonQuery }) query: z.infer<typeof dueSoonQuery>,
  ) {
    return this.listDueSoon.execute({ principal, agencyId, ...query });
  }
}
