import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequireAgencyRole } from '@vanthu/identity';
import { DownloadVersionUseCase, GetEntryUseCase } from '@vanthu/registers';
import type { Response } from 'express';
import { SERVED_MEDIA_TYPES } from '@vanthu/documents';
import { FileResponse } from '../http/file-response.decorator';
import { sendDownload } from './file-download';
import { entryIdParam } from './outgoing.schemas';
import { ZodResponse } from '../http/zod-response.decorator';
import { entryDetailsSchema } from './entry.responses';

const uuid = { schema: entryIdParam };
/** Names the version a `main-file` answer is (the viewer matches it with the entry's files). */
const MAIN_VERSION_HEADER = 'X-Version-Id';

/** One register entry (incoming or outgoing) with its files, notes, assignments and deliveries. */
@ApiTags('entries')
@Controller('api/v1/agencies/:agencyId/entries/:entryId')
export class EntriesController {
  constructor(
    private readonly getEntry: GetEntryUseCase,
    private readonly download: DownloadVersionUseCase,
  ) {}

  @ZodResponse(entryDetailsSchema)
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

  @FileResponse(
    SERVED_MEDIA_TYPES,
    'Tệp của phiên bản: PDF, hoặc tệp đính kèm khác của văn bản nhận qua liên thông (Word, Excel, ảnh…) với kiểu của nó',
  )
  @Get('versions/:versionId/content')
  @RequireAgencyRole()
  @ApiOperation({ summary: 'Tải tệp của một phiên bản' })
  async content(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('entryId', uuid) id: string,
    @Param('versionId', uuid) versionId: string,
    @Res() res: Response,
  ) {
    const file = await this.download.execute({ principal, agencyId, entryId: id, versionId });
    sendDownload(res, { fileName: file.fileName, mediaType: file.mediaType, bytes: file.bytes });
  }

  /**
   * The viewer's first request on a document's address, sent together with the entry's (one round
   * trip instead of two before the first page): the version it is names itself in a header.
   */
  @FileResponse('application/pdf', 'Tệp PDF của phiên bản mới nhất của văn bản chính', {
    [MAIN_VERSION_HEADER]: {
      description: 'Mã phiên bản của tệp trả về',
      schema: { type: 'string', format: 'uuid' },
    },
  })
  @Get('main-file/content')
  @RequireAgencyRole()
  @ApiOperation({ summary: 'Tải tệp PDF mới nhất của văn bản chính (tệp đầu tiên)' })
  async mainContent(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('entryId', uuid) id: string,
    @Res() res: Response,
  ) {
    const file = await this.download.execute({ principal, agencyId, entryId: id, versionId: 'main' });
    res.setHeader(MAIN_VERSION_HEADER, file.versionId);
    sendDownload(res, { fileName: file.fileName, mediaType: file.mediaType, bytes: file.bytes });
  }
}
