import { Body, Controller, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequireAgencyRole } from '@vanthu/identity';
import { ListDocumentTypesUseCase, ListRegistersUseCase, SetOutgoingSeriesUseCase } from '@vanthu/registers';
import { z } from 'zod';
import { ZodResponse } from '../http/zod-response.decorator';
import { documentTypeSchema, registersOfAgencySchema } from './registers.responses';

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

  @ZodResponse(z.array(documentTypeSchema))
  @Get('document-types')
  @ApiOperation({ summary: 'Danh mục loại văn bản (Nghị định 30/2020/NĐ-CP) và chữ viết tắt' })
  documentTypes() {
    return this.listTypes.execute();
  }

  @ZodResponse(registersOfAgencySchema)
  @Get('agencies/:agencyId/registers')
  @RequireAgencyRole()
  @ApiOperation({ summary: 'Sổ đăng ký văn bản đến, đi, bản sao của cơ quan theo năm, số tiếp theo' })
  registers(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Query({ schema: yearQuery }) query: z.infer<typeof yearQuery>,
  ) {
    return this.listRegisters.execute({ principal, agencyId, year: query.year });
  }

  @Put('agencies/:agencyId/register-settings')
  @HttpCode(204)
  @RequireAgencyRole('admin')
  @ApiOperation({ summary: 'Một sổ văn bản đi chung hoặc một sổ cho mỗi loại văn bản' })
  async settings(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Body({ schema: seriesBody }) body: z.infer<typeof seriesBody>,
  ) {
    await this.setSeries.execute({ principal, agencyId, series: body.outgoingSeries });
  }
}
