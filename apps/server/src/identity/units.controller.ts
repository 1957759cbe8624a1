import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
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

  @ZodResponse(z.array(unitViewSchema))
  @Get()
  @RequireAgencyRole()
  @ApiOperation({ summary: 'Đơn vị (phòng, ban) của cơ quan' })
  list(@CurrentPrincipal() principal: Principal, @Param('agencyId') agencyId: string) {
    return this.listUnits.execute({ principal, agencyId });
  }

  @ZodResponse(unitViewSchema)
  @Post()
  @RequireAgencyRole('admin')
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
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('unitId', { schema: uuidParam }) unitId: string,
    @Body({ schema: updateUnitSchema }) body: z.infer<typeof updateUnitSchema>,
  ) {
    const { expectedVersion, ...changes } = body;
    return this.updateUnit.execute({ principal, agencyId, unitId, expectedVersion, changes });
  }
}
