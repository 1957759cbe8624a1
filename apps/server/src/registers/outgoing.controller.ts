import {
  Body,
  Controller,
  HttpCode,
  Param,
  Patch,
  Post,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import { FileFieldsInterceptor } from '@nestjs/platform-express';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequireAgencyRole } from '@vanthu/identity';
import {
  CreateOutgoingDraftUseCase,
  DecideOutgoingUseCase,
  IssueOutgoingUseCase,
  RecallOutgoingUseCase,
  ReplaceOutgoingUseCase,
  SignOutgoingUseCase,
  UpdateIssuedOutgoingUseCase,
  UpdateOutgoingDraftUseCase,
  UploadOutgoingVersionUseCase,
} from '@vanthu/registers';
import type { z } from 'zod';
import { type PdfParts, pdfParts } from './pdf-parts';
import {
  decisionBody,
  draftChangesBody,
  draftUploadBody,
  entryIdParam,
  issueBody,
  recallBody,
  replaceBody,
  signBody,
  updateIssuedBody,
  versionUploadBody,
} from './outgoing.schemas';
import { MultipartBody, MultipartFields } from '../http/multipart-body.decorator';
import { ZodResponse } from '../http/zod-response.decorator';
import { documentVersionSchema, entryViewSchema, signResultSchema } from './entry.responses';

const entryId = { schema: entryIdParam };
const PDF_FIELDS = FileFieldsInterceptor([
  { name: 'file', maxCount: 1 },
  { name: 'attachments', maxCount: 20 },
]);
const ATTACHMENTS_PART = { name: 'attachments', description: 'Phụ lục (PDF, tối đa 20)', many: true };

/** Outgoing documents: draft → review → approval → personal signature → issue (number, seal, release). */
@ApiTags('outgoing')
@Controller('api/v1/agencies/:agencyId/outgoing')
export class OutgoingController {
  constructor(
    private readonly createDraft: CreateOutgoingDraftUseCase,
    private readonly updateDraft: UpdateOutgoingDraftUseCase,
    private readonly uploadVersion: UploadOutgoingVersionUseCase,
    private readonly decide: DecideOutgoingUseCase,
    private readonly sign: SignOutgoingUseCase,
    private readonly issue: IssueOutgoingUseCase,
    private readonly recall: RecallOutgoingUseCase,
    private readonly replace: ReplaceOutgoingUseCase,
    private readonly updateIssued: UpdateIssuedOutgoingUseCase,
  ) {}

  @ZodResponse(entryViewSchema)
  @Post()
  @RequireAgencyRole('specialist', 'leader', 'clerk')
  @UseInterceptors(PDF_FIELDS)
  @MultipartBody(
    [{ name: 'file', description: 'Văn bản chính (PDF)', required: true }, ATTACHMENTS_PART],
    draftUploadBody,
  )
  @ApiOperation({ summary: 'Tạo dự thảo văn bản đi (tệp PDF, phụ lục, nơi nhận)' })
  create(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @UploadedFiles() files: PdfParts | undefined,
    @MultipartFields(draftUploadBody) body: z.infer<typeof draftUploadBody>,
  ) {
    const { file, attachments } = pdfParts(files);
    return this.createDraft.execute({ principal, agencyId, metadata: body.metadata, file, attachments });
  }

  @ZodResponse(entryViewSchema)
  @Patch(':entryId')
  @RequireAgencyRole('specialist', 'leader', 'clerk')
  @ApiOperation({ summary: 'Sửa thông tin, nơi nhận của dự thảo (kèm version để tránh ghi đè)' })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('entryId', entryId) id: string,
    @Body({ schema: draftChangesBody }) body: z.infer<typeof draftChangesBody>,
  ) {
    const { version, ...changes } = body;
    return this.updateDraft.execute({ principal, agencyId, entryId: id, version, changes });
  }

  @ZodResponse(documentVersionSchema)
  @Post(':entryId/files')
  @RequireAgencyRole('specialist', 'leader', 'clerk')
  @UseInterceptors(PDF_FIELDS)
  @MultipartBody([{ name: 'file', description: 'Phiên bản mới (PDF)', required: true }], versionUploadBody)
  @ApiOperation({ summary: 'Tải lên phiên bản mới của văn bản chính (0) hoặc phụ lục' })
  upload(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('entryId', entryId) id: string,
    @UploadedFiles() files: PdfParts | undefined,
    @MultipartFields(versionUploadBody) body: z.infer<typeof versionUploadBody>,
  ) {
    const { file } = pdfParts(files);
    return this.uploadVersion.execute({ principal, agencyId, entryId: id, ...body, file });
  }

  @ZodResponse(entryViewSchema)
  @Post(':entryId/decisions')
  @HttpCode(200)
  @RequireAgencyRole()
  @ApiOperation({ summary: 'Trình, chuyển người ký, duyệt hoặc trả lại dự thảo (kèm ý kiến)' })
  decision(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('entryId', entryId) id: string,
    @Body({ schema: decisionBody }) body: z.infer<typeof decisionBody>,
  ) {
    return this.decide.execute({ principal, agencyId, entryId: id, ...body });
  }

  @ZodResponse(signResultSchema)
  @Post(':entryId/sign')
  @HttpCode(200)
  @RequireAgencyRole('leader')
  @ApiOperation({ summary: 'Người ký ký số cá nhân (mật khẩu chứng thư không được lưu)' })
  signDocument(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('entryId', entryId) id: string,
    @Body({ schema: signBody }) body: z.infer<typeof signBody>,
  ) {
    return this.sign.execute({ principal, agencyId, entryId: id, ...body });
  }

  @ZodResponse(entryViewSchema)
  @Post(':entryId/issue')
  @HttpCode(200)
  @RequireAgencyRole('clerk')
  @ApiOperation({ summary: 'Văn thư cấp số, ngày, ký số cơ quan (đóng dấu) và phát hành tới nơi nhận' })
  issueDocument(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('entryId', entryId) id: string,
    @Body({ schema: issueBody }) body: z.infer<typeof issueBody>,
  ) {
    return this.issue.execute({ principal, agencyId, entryId: id, version: body.version });
  }

  @ZodResponse(entryViewSchema)
  @Post(':entryId/recall')
  @HttpCode(200)
  @RequireAgencyRole('clerk')
  @ApiOperation({ summary: 'Thu hồi văn bản đã phát hành' })
  recallDocument(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('entryId', entryId) id: string,
    @Body({ schema: recallBody }) body: z.infer<typeof recallBody>,
  ) {
    return this.recall.execute({ principal, agencyId, entryId: id, ...body });
  }

  @ZodResponse(entryViewSchema)
  @Post(':entryId/replace')
  @HttpCode(200)
  @RequireAgencyRole('clerk')
  @ApiOperation({ summary: 'Thay thế văn bản đã phát hành bằng một văn bản đã phát hành khác' })
  replaceDocument(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('entryId', entryId) id: string,
    @Body({ schema: replaceBody }) body: z.infer<typeof replaceBody>,
  ) {
    return this.replace.execute({ principal, agencyId, entryId: id, ...body });
  }

  @ZodResponse(entryViewSchema)
  @Post(':entryId/update')
  @HttpCode(200)
  @RequireAgencyRole('clerk')
  @ApiOperation({ summary: 'Cập nhật thông tin văn bản đã phát hành (gửi tới nơi nhận)' })
  updateIssuedDocument(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('entryId', entryId) id: string,
    @Body({ schema: updateIssuedBody }) body: z.infer<typeof updateIssuedBody>,
  ) {
    return this.updateIssued.execute({ principal, agencyId, entryId: id, ...body });
  }
}
