import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateAgencyUseCase,
  type DirectoryUserActor,
  ExportAgenciesUseCase,
  GetAgencyUseCase,
  ImportAgenciesUseCase,
  ResolveSuccessorUseCase,
  SearchAgenciesUseCase,
  UpdateAgencyUseCase,
} from '@vanthu/directory';
import { agenciesWithRole, CurrentPrincipal, type Principal } from '@vanthu/identity';
import type { Response } from 'express';
import type { z } from 'zod';
import {
  agencyCodeParam,
  createAgencyBody,
  exportAgenciesQuery,
  importAgenciesBody,
  searchAgenciesQuery,
  updateAgencyBody,
} from './directory.schemas';
import { FileResponse } from '../http/file-response.decorator';
import { ZodResponse } from '../http/zod-response.decorator';
import {
  agencyDetailsSchema,
  agencyPageSchema,
  agencySchema,
  importAgenciesResultSchema,
  successorChainSchema,
} from './directory.responses';

/** Directory writes are authorised in the use cases: node administrators = admins of a hosted root. */
function actorOf(principal: Principal): DirectoryUserActor {
  return {
    userId: principal.userId,
    name: principal.fullName,
    adminAgencyIds: agenciesWithRole(principal, 'admin'),
  };
}

const codeParam = { schema: agencyCodeParam };

/** The agency directory: read by every signed-in user (choosing recipients), kept by node admins. */
@ApiTags('directory')
@Controller('api/v1/directory')
export class DirectoryController {
  constructor(
    private readonly searchAgencies: SearchAgenciesUseCase,
    private readonly getAgency: GetAgencyUseCase,
    private readonly resolveSuccessor: ResolveSuccessorUseCase,
    private readonly createAgency: CreateAgencyUseCase,
    private readonly updateAgency: UpdateAgencyUseCase,
    private readonly importAgencies: ImportAgenciesUseCase,
    private readonly exportAgencies: ExportAgenciesUseCase,
  ) {}

  @ZodResponse(agencyPageSchema)
  @Get('agencies')
  @ApiOperation({
    summary: 'Tìm cơ quan (không dấu cũng được), theo cấp trên, theo cơ quan do hệ thống vận hành',
  })
  search(@Query({ schema: searchAgenciesQuery }) query: z.infer<typeof searchAgenciesQuery>) {
    return this.searchAgencies.execute(query);
  }

  @ZodResponse(agencyDetailsSchema)
  @Get('agencies/:code')
  @ApiOperation({ summary: 'Thông tin một cơ quan và các cơ quan cấp trên' })
  get(@Param('code', codeParam) code: string) {
    return this.getAgency.execute({ code });
  }

  @ZodResponse(successorChainSchema)
  @Get('agencies/:code/resolve')
  @ApiOperation({ summary: 'Cơ quan hiện hành của một mã đã sáp nhập hoặc đổi tên (theo mã kế thừa)' })
  resolve(@Param('code', codeParam) code: string) {
    return this.resolveSuccessor.execute({ code });
  }

  @ZodResponse(agencySchema)
  @Post('agencies')
  @ApiOperation({ summary: 'Thêm cơ quan vào danh bạ (quản trị hệ thống)' })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body({ schema: createAgencyBody }) body: z.infer<typeof createAgencyBody>,
  ) {
    return this.createAgency.execute({ actor: actorOf(principal), agency: body });
  }

  @ZodResponse(agencySchema)
  @Patch('agencies/:code')
  @ApiOperation({ summary: 'Sửa thông tin cơ quan; cần version (phiên bản đã đọc)' })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('code', codeParam) code: string,
    @Body({ schema: updateAgencyBody }) body: z.infer<typeof updateAgencyBody>,
  ) {
    const { version: expectedVersion, ...changes } = body;
    return this.updateAgency.execute({ actor: actorOf(principal), code, expectedVersion, changes });
  }

  /**
   * A JSON body `{ format: 'json' | 'csv', content: '<the file as text>' }` rather than a multipart
   * upload: the browser reads the file and sends its text, one validation path serves both formats,
   * and the size is bounded by the JSON body limit (VANTHU_JSON_LIMIT_KB). All or nothing; on
   * problems, 422 DIRECTORY_IMPORT_INVALID lists each bad row in `details.problems`.
   */
  @ZodResponse(importAgenciesResultSchema)
  @Post('import')
  @ApiOperation({
    summary: 'Nhập danh bạ từ JSON hoặc CSV (cập nhật theo mã; lỗi một dòng thì không ghi gì)',
  })
  import(
    @CurrentPrincipal() principal: Principal,
    @Body({ schema: importAgenciesBody }) body: z.infer<typeof importAgenciesBody>,
  ) {
    return this.importAgencies.execute({ actor: actorOf(principal), ...body });
  }

  @FileResponse(['application/json', 'text/csv'], 'Danh bạ (JSON, hoặc CSV có BOM)')
  @Get('export')
  @ApiOperation({ summary: 'Xuất toàn bộ danh bạ (JSON, hoặc CSV có BOM để mở bằng Excel)' })
  async export(
    @Query({ schema: exportAgenciesQuery }) query: z.infer<typeof exportAgenciesQuery>,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    // A string body keeps the Content-Type set here (a StreamableFile would work too, but is not
    // recognised when Jest loads Nest twice, once as ESM).
    const file = await this.exportAgencies.execute(query);
    res.setHeader('Content-Type', file.mediaType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    return file.content;
  }
}
