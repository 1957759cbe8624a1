import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequireAgencyRole } from '@vanthu/identity';
import { AssignIncomingUseCase, ListDueSoonUseCase, ListOverdueUseCase } from '@vanthu/registers';
import type { z } from 'zod';
import { openApiSchema } from '../directory/directory.schemas';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { assignIncomingBody, deadlineQuery, dueSoonQuery } from './assignments.schemas';
import { entryIdParam } from './incoming.schemas';

/** Assignment of incoming documents by leaders, and the deadlines that follow from it. */
@ApiTags('incoming')
@Controller('api/v1/agencies/:agencyId/incoming')
export class AssignmentsController {
  constructor(
    private readonly assignIncoming: AssignIncomingUseCase,
    private readonly listOverdue: ListOverdueUseCase,
    private readonly listDueSoon: ListDueSoonUseCase,
  ) {}

  @Post(':entryId/assign')
  @HttpCode(200)
  @RequireAgencyRole('leader')
  @ApiBody({ schema: openApiSchema(assignIncomingBody) })
  @ApiOperation({ summary: 'Phân công xử lý: chủ trì, phối hợp, để biết, hạn xử lý và ý kiến chỉ đạo' })
  assign(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('entryId', new ZodValidationPipe(entryIdParam)) entryId: string,
    @Body(new ZodValidationPipe(assignIncomingBody)) body: z.infer<typeof assignIncomingBody>,
  ) {
    return this.assignIncoming.execute({ principal, agencyId, entryId, ...body });
  }

  @Get('overdue')
  @RequireAgencyRole()
  @ApiOperation({ summary: 'Văn bản đến quá hạn xử lý (theo đơn vị hoặc cá nhân)' })
  overdue(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Query(new ZodValidationPipe(deadlineQuery)) query: z.infer<typeof deadlineQuery>,
  ) {
    return this.listOverdue.execute({ principal, agencyId, ...query });
  }

  @Get('due-soon')
  @RequireAgencyRole()
  @ApiOperation({ summary: 'Văn bản đến sắp đến hạn xử lý trong N ngày (mặc định 3)' })
  dueSoon(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Query(new ZodValidationPipe(dueSoonQuery)) query: z.infer<typeof dueSoonQuery>,
  ) {
    return this.listDueSoon.execute({ principal, agencyId, ...query });
  }
}
