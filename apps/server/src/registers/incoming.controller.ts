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
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequireAgencyRole } from '@vanthu/identity';
import {
  AddProgressNoteUseCase,
  CloseIncomingUseCase,
  ListInboxUseCase,
  RegisterFromInboxUseCase,
  RegisterIncomingUseCase,
  ReturnIncomingUseCase,
} from '@vanthu/registers';
import type { z } from 'zod';
import { openApiSchema } from '../directory/directory.schemas';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import {
  closeIncomingBody,
  entryIdParam,
  inboxQuery,
  INCOMING_FILE_FIELDS,
  IncomingFilesPipe,
  type IncomingUpload,
  incomingMetadata,
  progressNoteBody,
  registerFromInboxBody,
  returnIncomingBody,
  uploadIncomingBody,
} from './incoming.schemas';

const entryId = new ZodValidationPipe(entryIdParam);

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

  @Post()
  @RequireAgencyRole('clerk')
  @UseInterceptors(FileFieldsInterceptor(INCOMING_FILE_FIELDS, { defParamCharset: 'utf8' } as object))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'metadata'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'Văn bản (PDF)' },
        attachments: {
          type: 'array',
          items: { type: 'string', format: 'binary' },
          description: 'Phụ lục (PDF, tối đa 20)',
        },
        metadata: { ...openApiSchema(incomingMetadata), description: 'JSON: các trường văn bản đến (NĐ 30)' },
      },
    },
  })
  @ApiOperation({ summary: 'Vào sổ văn bản đến từ tệp tải lên (kiểm tra chữ ký số, cấp số đến)' })
  upload(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @UploadedFiles(new IncomingFilesPipe()) files: IncomingUpload,
    @Body(new ZodValidationPipe(uploadIncomingBody)) body: z.infer<typeof uploadIncomingBody>,
  ) {
    const { confirmDuplicate, overrideVerification, ...metadata } = body.metadata;
    return this.registerIncoming.execute({
      principal,
      agencyId,
      ...files,
      metadata,
      confirmDuplicate,
      overrideVerification,
    });
  }

  @Get('inbox')
  @RequireAgencyRole('clerk', 'leader')
  @ApiOperation({ summary: 'Văn bản điện tử đã nhận, chờ vào sổ' })
  inbox(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Query(new ZodValidationPipe(inboxQuery)) query: z.infer<typeof inboxQuery>,
  ) {
    return this.listInbox.execute({ principal, agencyId, limit: query.limit });
  }

  @Post(':entryId/register')
  @HttpCode(200)
  @RequireAgencyRole('clerk')
  @ApiBody({ schema: openApiSchema(registerFromInboxBody) })
  @ApiOperation({ summary: 'Vào sổ văn bản đến từ hộp thư (được sửa thông tin, cấp số đến)' })
  register(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('entryId', entryId) id: string,
    @Body(new ZodValidationPipe(registerFromInboxBody)) body: z.infer<typeof registerFromInboxBody>,
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

  @Post(':entryId/return')
  @HttpCode(200)
  @RequireAgencyRole('clerk')
  @ApiBody({ schema: openApiSchema(returnIncomingBody) })
  @ApiOperation({ summary: 'Trả lại văn bản cho nơi gửi (gửi nhầm, chữ ký số không hợp lệ) kèm lý do' })
  returnToSender(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('entryId', entryId) id: string,
    @Body(new ZodValidationPipe(returnIncomingBody)) body: z.infer<typeof returnIncomingBody>,
  ) {
    return this.returnIncoming.execute({ principal, agencyId, entryId: id, ...body });
  }

  @Post(':entryId/notes')
  @RequireAgencyRole('clerk', 'leader', 'specialist')
  @ApiBody({ schema: openApiSchema(progressNoteBody) })
  @ApiOperation({ summary: 'Cập nhật tiến độ hoặc ý kiến xử lý văn bản đến' })
  note(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('entryId', entryId) id: string,
    @Body(new ZodValidationPipe(progressNoteBody)) body: z.infer<typeof progressNoteBody>,
  ) {
    return this.addNote.execute({ principal, agencyId, entryId: id, ...body });
  }

  @Post(':entryId/close')
  @HttpCode(200)
  @RequireAgencyRole('clerk', 'leader', 'specialist')
  @ApiBody({ schema: openApiSchema(closeIncomingBody) })
  @ApiOperation({ summary: 'Kết thúc xử lý: gắn văn bản trả lời, hoặc lãnh đạo kết thúc kèm ghi chú' })
  close(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('entryId', entryId) id: string,
    @Body(new ZodValidationPipe(closeIncomingBody)) body: z.infer<typeof closeIncomingBody>,
  ) {
    return this.closeIncoming.execute({ principal, agencyId, entryId: id, ...body });
  }
}
