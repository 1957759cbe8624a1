import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequireAgencyRole } from '@vanthu/identity';
import { DownloadVersionUseCase, GetEntryUseCase } from '@vanthu/registers';
import type { Response } from 'express';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { sendDownload } from './file-download';
import { entryIdParam } from './outgoing.schemas';

const uuid = new ZodValidationPipe(entryIdParam);

/** One register entry (incoming or outgoing) with its files, notes, assignments and deliveries. */
@ApiTags('entries')
@Controller('api/v1/agencies/:agencyId/entries/:entryId')
export class EntriesController {
  constructor(
    private readonly getEntry: GetEntryUseCase,
    private readonly download: DownloadVersionUseCase,
  ) {}

  @Get()
  @RequireAgencyRole()
  @ApiOperation({
    summary: 'Chi tiết văn bản: tệp, phiên bản, kết quả kiểm tra chữ ký, ý kiến, phân công, nơi nhận',
  })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('entryId', uuid) id: string,
  ) {
    return this.getEntry.execute({ principal, agencyId, entryId: id });
  }

  @Get('versions/:versionId/content')
  @RequireAgencyRole()
  @ApiOperation({ summary: 'Tải tệp PDF của một phiên bản' })
  async content(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('entryId', uuid) id: string,
    @Param('versionId', uuid) versionId: string,
    @Res() res: Response,
  ) {
    const file = await this.download.execute({ principal, agencyId, entryId: id, versionId });
    sendDownload(res, { fileName: file.fileName, mediaType: 'application/pdf', bytes: file.bytes });
  }
}
