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
import type { z } from 'zod';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { createUnitSchema, updateUnitSchema, uuidParam } from './identity.schemas';

@ApiTags('units')
@Controller('api/v1/agencies/:agencyId/units')
export class UnitsController {
  constructor(
    private readonly listUnits: ListUnitsUseCase,
    private readonly createUnit: CreateUnitUseCase,
    private readonly updateUnit: UpdateUnitUseCase,
  ) {}

  @Get()
  @RequireAgencyRole()
  @ApiOperation({ summary: 'Đơn vị (phòng, ban) của cơ quan' })
  list(@CurrentPrincipal() principal: Principal, @Param('agencyId') agencyId: string) {
    return this.listUnits.execute({ principal, agencyId });
  }

  @Post()
  @RequireAgencyRole('admin')
  create(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Body(new ZodValidationPipe(createUnitSchema)) body: z.infer<typeof createUnitSchema>,
  ) {
    return this.createUnit.execute({ principal, agencyId, ...body });
  }

  @Patch(':unitId')
  @RequireAgencyRole('admin')
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('unitId', new ZodValidationPipe(uuidParam)) unitId: string,
    @Body(new ZodValidationPipe(updateUnitSchema)) body: z.infer<typeof updateUnitSchema>,
  ) {
    const { expectedVersion, ...changes } = body;
    return this.updateUnit.execute({ principal, agencyId, unitId, expectedVersion, changes });
  }
}
