import { Body, Controller, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequireAgencyRole } from '@vanthu/identity';
import { ListDocumentTypesUseCase, ListRegistersUseCase, SetOutgoingSeriesUseCase } from '@vanthu/registers';
import { z } from 'zod';
import { pageInMemory } from '../http/page-in-memory';
import { requestYearQuery } from '../http/request-fields';
import { listQuery, pageOf } from '../http/response-fields';
import { ZodResponse } from '../http/zod-response.decorator';
import { documentTypeSchema, registersOfAgencySchema } from './registers.responses';

const yearQuery = z.object({ year: requestYearQuery.optional() });
/** The ND30 types, paged by code like every list (one page holds them all by default). */
const BY_CODE = { defaultLimit: 100, key: (t: { code: string }) => t.code };
const seriesBody = z.object({ outgoingSeries: z.enum(['single', 'per_type']) });

@ApiTags('registers')
@Controller('api/v1')
export class RegistersController {
  constructor(
    private readonly listTypes: ListDocumentTypesUseCase,
    private readonly listRegisters: ListRegistersUseCase,
    private readonly setSeries: SetOutgoingSeriesUseCase,
  ) {}

  @ZodResponse(pageOf(documentTypeSchema, 'DocumentTypePage'))
  @Get('document-types')
  @ApiOperation({ summary: 'Danh mục loại văn bản (Nghị định 30/2020/NĐ-CP) và chữ viết tắt' })
  async documentTypes(@Query({ schema: listQuery }) query: z.infer<typeof listQuery>) {
    return pageInMemory(await this.listTypes.execute(), query, BY_CODE);
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
