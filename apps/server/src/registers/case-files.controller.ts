import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequireAgencyRole } from '@vanthu/identity';
import {
  AddCaseFileEntryUseCase,
  CreateCaseFileUseCase,
  ExportCaseFileUseCase,
  GetCaseFileUseCase,
  ListCaseFilesUseCase,
  RemoveCaseFileEntryUseCase,
} from '@vanthu/registers';
import type { Response } from 'express';
import { z } from 'zod';
import { addCaseFileEntryBody, caseFileListQuery, createCaseFileBody, uuidParam } from './case-files.schemas';
import { FileResponse } from '../http/file-response.decorator';
import { sendDownload } from './file-download';
import { BY_ID, pageInMemory } from '../http/page-in-memory';
import { pageOf } from '../http/response-fields';
import { ZodResponse } from '../http/zod-response.decorator';
import { caseFileDetailSchema, caseFileMembershipSchema, caseFileSchema } from './registers.responses';

const id = { schema: uuidParam };

/** Case files (hồ sơ): documents linked, never copied; exported in date order. */
@ApiTags('case-files')
@Controller('api/v1/agencies/:agencyId/case-files')
export class CaseFilesController {
  constructor(
    private readonly createFile: CreateCaseFileUseCase,
    private readonly listFiles: ListCaseFilesUseCase,
    private readonly getFile: GetCaseFileUseCase,
    private readonly addEntry: AddCaseFileEntryUseCase,
    private readonly removeEntry: RemoveCaseFileEntryUseCase,
    private readonly exportFile: ExportCaseFileUseCase,
  ) {}

  @ZodResponse(caseFileSchema)
  @Post()
  @RequireAgencyRole('admin', 'clerk', 'leader', 'specialist')
  @ApiOperation({ summary: 'Lập hồ sơ (số, ký hiệu hồ sơ; tiêu đề; năm; người lập hồ sơ)' })
  create(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Body({ schema: createCaseFileBody }) body: z.infer<typeof createCaseFileBody>,
  ) {
    return this.createFile.execute({ principal, agencyId, ...body });
  }

  @ZodResponse(pageOf(caseFileSchema, 'CaseFilePage'))
  @Get()
  @RequireAgencyRole('admin', 'clerk', 'leader', 'specialist')
  @ApiOperation({ summary: 'Danh sách hồ sơ của cơ quan (lọc theo năm)' })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Query({ schema: caseFileListQuery }) query: z.infer<typeof caseFileListQuery>,
  ) {
    const { year, ...page } = query;
    return pageInMemory(await this.listFiles.execute({ principal, agencyId, year }), page, BY_ID);
  }

  @ZodResponse(caseFileDetailSchema)
  @Get(':caseFileId')
  @RequireAgencyRole('admin', 'clerk', 'leader', 'specialist')
  @ApiOperation({ summary: 'Hồ sơ và các văn bản trong hồ sơ theo thứ tự ngày' })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('caseFileId', id) caseFileId: string,
  ) {
    return this.getFile.execute({ principal, agencyId, caseFileId });
  }

  @ZodResponse(caseFileMembershipSchema)
  @Post(':caseFileId/entries')
  @HttpCode(200)
  @RequireAgencyRole('admin', 'clerk', 'leader', 'specialist')
  @ApiOperation({ summary: 'Đưa văn bản vào hồ sơ (liên kết, không sao chép; thêm lại không thay đổi gì)' })
  add(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('caseFileId', id) caseFileId: string,
    @Body({ schema: addCaseFileEntryBody }) body: z.infer<typeof addCaseFileEntryBody>,
  ) {
    return this.addEntry.execute({ principal, agencyId, caseFileId, entryId: body.entryId });
  }

  @Delete(':caseFileId/entries/:entryId')
  @HttpCode(204)
  @RequireAgencyRole('admin', 'clerk', 'leader', 'specialist')
  @ApiOperation({ summary: 'Đưa văn bản ra khỏi hồ sơ (văn bản và các hồ sơ khác không đổi)' })
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('caseFileId', id) caseFileId: string,
    @Param('entryId', id) entryId: string,
  ): Promise<void> {
    await this.removeEntry.execute({ principal, agencyId, caseFileId, entryId });
  }

  @Get(':caseFileId/export.pdf')
  @RequireAgencyRole('admin', 'clerk', 'leader', 'specialist')
  @FileResponse('application/pdf', 'Mục lục hồ sơ (PDF)')
  @ApiOperation({ summary: 'Xuất mục lục văn bản của hồ sơ ra PDF (theo thứ tự ngày)' })
  async exportPdf(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('caseFileId', id) caseFileId: string,
    @Res() res: Response,
  ): Promise<void> {
    sendDownload(res, await this.exportFile.execute({ principal, agencyId, caseFileId, format: 'pdf' }));
  }

  @Get(':caseFileId/export.xml')
  @RequireAgencyRole('admin', 'clerk', 'leader', 'specialist')
  @FileResponse('application/xml', 'Hồ sơ (XML)')
  @ApiOperation({ summary: 'Xuất hồ sơ ra XML (các trường theo Nghị định 30, theo thứ tự ngày)' })
  async exportXml(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('caseFileId', id) caseFileId: string,
    @Res() res: Response,
  ): Promise<void> {
    sendDownload(res, await this.exportFile.execute({ principal, agencyId, caseFileId, format: 'xml' }));
  }
}
