import { Controller, Get, Param, Post, Query, Res, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { FileFieldsInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequireAgencyRole } from '@vanthu/identity';
import { DownloadCopyUseCase, ListCopiesUseCase, MakeCopyUseCase } from '@vanthu/registers';
import type { Response } from 'express';
import { z } from 'zod';
import { copyIdParam, makeCopyBody } from './copies.schemas';
import { FileResponse } from '../http/file-response.decorator';
import { sendDownload } from './file-download';
import { entryIdParam } from './outgoing.schemas';
import { type PdfParts, pdfParts } from './pdf-parts';
import { MultipartBody, MultipartFields } from '../http/multipart-body.decorator';
import { BY_ID, pageInMemory } from '../http/page-in-memory';
import { listQuery, pageOf } from '../http/response-fields';
import { ZodResponse } from '../http/zod-response.decorator';
import { copyViewSchema } from './entry.responses';

const entryId = { schema: entryIdParam };

/** Electronic copies (sao y, sao lục, trích sao) of an agency's documents, numbered in its copy register. */
@ApiTags('copies')
@Controller('api/v1/agencies/:agencyId')
export class CopiesController {
  constructor(
    private readonly makeCopy: MakeCopyUseCase,
    private readonly listCopies: ListCopiesUseCase,
    private readonly downloadCopy: DownloadCopyUseCase,
  ) {}

  @ZodResponse(copyViewSchema)
  @Post('entries/:entryId/copies')
  @RequireAgencyRole('clerk')
  @UseInterceptors(FileFieldsInterceptor([{ name: 'file', maxCount: 1 }]))
  @ApiConsumes('application/json', 'multipart/form-data')
  @MultipartBody([{ name: 'file', description: 'Trích sao: tệp PDF phần được trích' }], makeCopyBody)
  @ApiOperation({
    summary: 'Văn thư sao văn bản điện tử (sao y, sao lục, trích sao): cấp số bản sao, ký số cơ quan',
  })
  make(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('entryId', entryId) id: string,
    @UploadedFiles() parts: PdfParts | undefined,
    @MultipartFields(makeCopyBody) body: z.infer<typeof makeCopyBody>,
  ) {
    const { file } = pdfParts(parts);
    return this.makeCopy.execute({
      principal,
      agencyId,
      entryId: id,
      copyType: body.copyType,
      extract: file,
      toPlaces: body.toPlaces,
    });
  }

  @ZodResponse(pageOf(copyViewSchema, 'CopyPage'))
  @Get('entries/:entryId/copies')
  @RequireAgencyRole()
  @ApiOperation({ summary: 'Các bản sao đã làm từ một văn bản' })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('entryId', entryId) id: string,
    @Query({ schema: listQuery }) query: z.infer<typeof listQuery>,
  ) {
    return pageInMemory(await this.listCopies.execute({ principal, agencyId, entryId: id }), query, BY_ID);
  }

  @FileResponse('application/pdf', 'Tệp PDF của bản sao')
  @Get('copies/:copyId/content')
  @RequireAgencyRole()
  @ApiOperation({ summary: 'Tải tệp PDF của bản sao (đã ký số cơ quan)' })
  async content(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('copyId', { schema: copyIdParam }) copyId: string,
    @Res() res: Response,
  ) {
    const file = await this.downloadCopy.execute({ principal, agencyId, copyId });
    sendDownload(res, { fileName: file.fileName, mediaType: 'application/pdf', bytes: file.bytes });
  }
}
