import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AddCrlUseCase,
  AddTrustAnchorsUseCase,
  ListCrlsUseCase,
  ListTrustAnchorsUseCase,
  RemoveTrustAnchorUseCase,
} from '@vanthu/certificates';
import { CurrentPrincipal, type Principal } from '@vanthu/identity';
import type { z } from 'zod';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { trustAnchorUploadBody, uuidParam } from './certificates.schemas';
import { multipartSchema, requiredFile, SMALL_UPLOAD } from './uploaded-file';

/** The node's trust store (CA certificates and CRLs), kept by the node's administrators. */
@ApiTags('trust')
@Controller('api/v1/trust')
export class TrustController {
  constructor(
    private readonly listAnchors: ListTrustAnchorsUseCase,
    private readonly addAnchors: AddTrustAnchorsUseCase,
    private readonly removeAnchor: RemoveTrustAnchorUseCase,
    private readonly listCrls: ListCrlsUseCase,
    private readonly addCrl: AddCrlUseCase,
  ) {}

  @Get('anchors')
  @ApiOperation({ summary: 'Chứng thư gốc tin cậy của hệ thống' })
  anchors(@CurrentPrincipal() principal: Principal) {
    return this.listAnchors.execute({ actor: principal });
  }

  @Post('anchors')
  @UseInterceptors(FileInterceptor('file', SMALL_UPLOAD))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: multipartSchema({ label: { description: 'Tên hiển thị (mặc định: CN)' } }) })
  @ApiOperation({ summary: 'Thêm chứng thư gốc tin cậy (DER, hoặc PEM có thể gồm nhiều chứng thư)' })
  createAnchors(
    @CurrentPrincipal() principal: Principal,
    @UploadedFile(requiredFile) data: Buffer,
    @Body(new ZodValidationPipe(trustAnchorUploadBody)) body: z.infer<typeof trustAnchorUploadBody>,
  ) {
    return this.addAnchors.execute({ actor: principal, data, label: body.label });
  }

  @Delete('anchors/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Bỏ một chứng thư gốc khỏi danh sách tin cậy' })
  async deleteAnchor(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ZodValidationPipe(uuidParam)) id: string,
  ) {
    await this.removeAnchor.execute({ actor: principal, id });
  }

  @Get('crls')
  @ApiOperation({ summary: 'Danh sách chứng thư bị thu hồi (CRL) đã nạp' })
  crls(@CurrentPrincipal() principal: Principal) {
    return this.listCrls.execute({ actor: principal });
  }

  @Post('crls')
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: multipartSchema({}) })
  @ApiOperation({ summary: 'Nạp CRL (DER hoặc PEM) để kiểm tra thu hồi khi không có mạng' })
  createCrl(@CurrentPrincipal() principal: Principal, @UploadedFile(requiredFile) data: Buffer) {
    return this.addCrl.execute({ actor: principal, data });
  }
}
