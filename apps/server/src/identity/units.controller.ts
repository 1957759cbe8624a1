import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateUnitUseCase,
  CurrentPrincipal,
  ListUnitsUseCase,
  type Principal,
  RequireAgencyRole,
  UpdateUnitUseCase,
} from '@vanthu/identity';
import { z } from 'zod';
import { createUnitSchema, updateUnitSchema, uuidParam } from './identity.schemas';
import { BY_ID, pageInMemory } from '../http/page-in-memory';
import { listQuery, pageOf } from '../http/response-fields';
import { ZodResponse } from '../http/zod-response.decorator';
import { unitViewSchema } from './identity.responses';

@ApiTags('units')
@Controller('api/v1/agencies/:agencyId/units')
export class UnitsController {
  constructor(
    private readonly listUnits: ListUnitsUseCase,
    private readonly createUnit: CreateUnitUseCase,
    private readonly updateUnit: UpdateUnitUseCase,
  ) {}

  @ZodResponse(pageOf(unitViewSchema, 'UnitPage'))
  @Get()
  @RequireAgencyRole()
  @ApiOperation({ summary: 'Đơn vị (phòng, ban) của cơ quan' })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Query({ schema: listQuery }) query: z.infer<typeof listQuery>,
  ) {
    return pageInMemory(await this.listUnits.execute({ principal, agencyId }), query, BY_ID);
  }

  @ZodResponse(unitViewSchema)
  @Post()
  @RequireAgencyRole('admin')
  @ApiOperation({ summary: 'Tạo đơn vị (phòng, ban) của cơ quan (quản trị)' })
  create(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Body({ schema: createUnitSchema }) body: z.infer<typeof createUnitSchema>,
  ) {
    return this.createUnit.execute({ principal, agencyId, ...body });
  }

  @ZodResponse(unitViewSchema)
  @Patch(':unitId')
  @RequireAgencyRole('admin')
  @ApiOperation({ summary: 'Sửa hoặc ngừng dùng đơn vị (quản trị; kèm version)' })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('unitId', { schema: uuidParam }) unitId: string,
    @Body({ schema: updateUnitSchema }) body: z.infer<typeof updateUnitSchema>,
  ) {
    const { version: expectedVersion, ...changes } = body;
    return this.updateUnit.execute({ principal, agencyId, unitId, expectedVersion, changes });
  }
}
