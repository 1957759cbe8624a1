import { Body, Controller, Get, Param, Post, Res, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { FileFieldsInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequireAgencyRole } from '@vanthu/identity';
import { DownloadCopyUseCase, ListCopiesUseCase, MakeCopyUseCase } from '@vanthu/registers';
import type { Response } from 'express';
import type { z } from 'zod';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { copyIdParam, makeCopyBody } from './copies.schemas';
import { sendDownload } from './file-download';
import { entryIdParam } from './outgoing.schemas';
import { type PdfParts, pdfParts } from './pdf-parts';

const entryId = new ZodValidationPipe(entryIdParam);

/** Electronic copies (sao y, sao lục, trích sao) of an agency's documents, numbered in its copy register. */
@ApiTags('copies')
@Controller('api/v1/agencies/:agencyId')
export class CopiesController {
  constructor(
    private readonly makeCopy: MakeCopyUseCase,
    private readonly listCopies: ListCopiesUseCase,
    private readonly downloadCopy: DownloadCopyUseCase,
  ) {}

  @Post('entries/:entryId/copies')
  @RequireAgencyRole('clerk')
  @UseInterceptors(FileFieldsInterceptor([{ name: 'file', maxCount: 1 }]))
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['copyType'],
      properties: {
        copyType: { type: 'string', enum: ['sao-y', 'sao-luc', 'trich-sao'] },
        toPlaces: { type: 'string', maxLength: 1000, description: 'Nơi nhận bản sao' },
        file: { type: 'string', format: 'binary', description: 'Trích sao: tệp PDF phần được trích' },
      },
    },
  })
  @ApiOperation({
    summary: 'Văn thư sao văn bản điện tử (sao y, sao lục, trích sao): cấp số bản sao, ký số cơ quan',
  })
  make(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('entryId', entryId) id: string,
    @UploadedFiles() parts: PdfParts | undefined,
    @Body(new ZodValidationPipe(makeCopyBody)) body: z.infer<typeof makeCopyBody>,
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

  @Get('entries/:entryId/copies')
  @RequireAgencyRole()
  @ApiOperation({ summary: 'Các bản sao đã làm từ một văn bản' })
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('entryId', entryId) id: string,
  ) {
    return this.listCopies.execute({ principal, agencyId, entryId: id });
  }

  @Get('copies/:copyId/content')
  @RequireAgencyRole()
  @ApiOperation({ summary: 'Tải tệp PDF của bản sao (đã ký số cơ quan)' })
  async content(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('copyId', new ZodValidationPipe(copyIdParam)) copyId: string,
    @Res() res: Response,
  ) {
    const file = await this.downloadCopy.execute({ principal, agencyId, copyId });
    sendDownload(res, { fileName: file.fileName, mediaType: 'application/pdf', bytes: file.bytes });
  }
}
