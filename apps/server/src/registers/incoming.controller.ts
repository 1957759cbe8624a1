import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import { FileFieldsInterceptor } from '@nestjs/platform-express';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequireAgencyRole } from '@vanthu/identity';
import {
  AddProgressNoteUseCase,
  CloseIncomingUseCase,
  ListInboxUseCase,
  RegisterFromInboxUseCase,
  RegisterIncomingUseCase,
  ReturnIncomingUseCase,
} from '@vanthu/registers';
import { z } from 'zod';
import {
  closeIncomingBody,
  entryIdParam,
  inboxQuery,
  INCOMING_FILE_FIELDS,
  IncomingFilesPipe,
  type IncomingUpload,
  progressNoteBody,
  registerFromInboxBody,
  returnIncomingBody,
  uploadIncomingBody,
} from './incoming.schemas';
import { MultipartBody, MultipartFields } from '../http/multipart-body.decorator';
import { pageOf } from '../http/response-fields';
import { ZodResponse } from '../http/zod-response.decorator';
import { entryViewSchema, incomingEntrySchema, progressNoteResultSchema } from './entry.responses';

const entryId = { schema: entryIdParam };

/**
 * Incoming documents (văn bản đến): registration from an upload or the inbox, return to sender,
 * progress and opinions, closing. Multipart file names are read as UTF-8 (Vietnamese names).
 */
@ApiTags('incoming')
@Controller('api/v1/agencies/:agencyId/incoming')
export class IncomingController {
  constructor(
    private readonly registerIncoming: RegisterIncomingUseCase,
    private readonly listInbox: ListInboxUseCase,
    private readonly registerFromInbox: RegisterFromInboxUseCase,
    private readonly returnIncoming: ReturnIncomingUseCase,
    private readonly addNote: AddProgressNoteUseCase,
    private readonly closeIncoming: CloseIncomingUseCase,
  ) {}

  @ZodResponse(incomingEntrySchema)
  @Post()
  @RequireAgencyRole('clerk')
  @UseInterceptors(FileFieldsInterceptor(INCOMING_FILE_FIELDS))
  @MultipartBody(
    [
      { name: 'file', description: 'Văn bản (PDF)', required: true },
      { name: 'attachments', description: 'Phụ lục (PDF, tối đa 20)', many: true },
    ],
    uploadIncomingBody,
  )
  @ApiOperation({ summary: 'Vào sổ văn bản đến từ tệp tải lên (kiểm tra chữ ký số, cấp số đến)' })
  upload(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @UploadedFiles(new IncomingFilesPipe()) files: IncomingUpload,
    @MultipartFields(uploadIncomingBody) body: z.infer<typeof uploadIncomingBody>,
  ) {
    return this.registerIncoming.execute({ principal, agencyId, ...files, ...body });
  }

  @ZodResponse(pageOf(incomingEntrySchema, 'IncomingEntryPage'))
  @Get('inbox')
  @RequireAgencyRole('clerk', 'leader')
  @ApiOperation({ summary: 'Văn bản điện tử đã nhận, chờ vào sổ' })
  inbox(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Query({ schema: inboxQuery }) query: z.infer<typeof inboxQuery>,
  ) {
    return this.listInbox.execute({ principal, agencyId, ...query });
  }

  @ZodResponse(incomingEntrySchema)
  @Post(':entryId/register')
  @HttpCode(200)
  @RequireAgencyRole('clerk')
  @ApiOperation({ summary: 'Vào sổ văn bản đến từ hộp thư (được sửa thông tin, cấp số đến)' })
  register(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('entryId', entryId) id: string,
    @Body({ schema: registerFromInboxBody }) body: z.infer<typeof registerFromInboxBody>,
  ) {
    const { version, confirmDuplicate, overrideVerification, ...changes } = body;
    return this.registerFromInbox.execute({
      principal,
      agencyId,
      entryId: id,
      version,
      changes,
      confirmDuplicate,
      overrideVerification,
    });
  }

  @ZodResponse(entryViewSchema)
  @Post(':entryId/return')
  @HttpCode(200)
  @RequireAgencyRole('clerk')
  @ApiOperation({ summary: 'Trả lại văn bản cho nơi gửi (gửi nhầm, chữ ký số không hợp lệ) kèm lý do' })
  returnToSender(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('entryId', entryId) id: string,
    @Body({ schema: returnIncomingBody }) body: z.infer<typeof returnIncomingBody>,
  ) {
    return this.returnIncoming.execute({ principal, agencyId, entryId: id, ...body });
  }

  @ZodResponse(progressNoteResultSchema)
  @Post(':entryId/notes')
  @RequireAgencyRole('clerk', 'leader', 'specialist')
  @ApiOperation({ summary: 'Cập nhật tiến độ hoặc ý kiến xử lý văn bản đến' })
  note(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('entryId', entryId) id: string,
    @Body({ schema: progressNoteBody }) body: z.infer<typeof progressNoteBody>,
  ) {
    return this.addNote.execute({ principal, agencyId, entryId: id, ...body });
  }

  @ZodResponse(entryViewSchema)
  @Post(':entryId/close')
  @HttpCode(200)
  @RequireAgencyRole('clerk', 'leader', 'specialist')
  @ApiOperation({ summary: 'Kết thúc xử lý: gắn văn bản trả lời, hoặc lãnh đạo kết thúc kèm ghi chú' })
  close(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('entryId', entryId) id: string,
    @Body({ schema: closeIncomingBody }) body: z.infer<typeof closeIncomingBody>,
  ) {
    return this.closeIncoming.execute({ principal, agencyId, entryId: id, ...body });
  }
}
