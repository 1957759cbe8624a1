import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AddCrlUseCase,
  AddTrustAnchorsUseCase,
  ListCrlsUseCase,
  ListTrustAnchorsUseCase,
  RemoveTrustAnchorUseCase,
} from '@vanthu/certificates';
import { CurrentPrincipal, type Principal } from '@vanthu/identity';
import { z } from 'zod';
import { trustAnchorUploadBody, uuidParam } from './certificates.schemas';
import { requiredFile, SMALL_UPLOAD } from './uploaded-file';
import { MultipartBody, MultipartFields } from '../http/multipart-body.decorator';
import { BY_ID, pageInMemory } from '../http/page-in-memory';
import { listQuery, pageOf } from '../http/response-fields';
import { ZodResponse } from '../http/zod-response.decorator';
import { crlViewSchema, trustAnchorViewSchema } from './certificates.responses';

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

  @ZodResponse(pageOf(trustAnchorViewSchema, 'TrustAnchorPage'))
  @Get('anchors')
  @ApiOperation({ summary: 'Chứng thư gốc tin cậy của hệ thống' })
  async anchors(
    @CurrentPrincipal() principal: Principal,
    @Query({ schema: listQuery }) query: z.infer<typeof listQuery>,
  ) {
    return pageInMemory(await this.listAnchors.execute({ actor: principal }), query, BY_ID);
  }

  @ZodResponse(z.array(trustAnchorViewSchema))
  @Post('anchors')
  @UseInterceptors(FileInterceptor('file', SMALL_UPLOAD))
  @MultipartBody(
    [{ name: 'file', description: 'Chứng thư CA (DER hoặc PEM, có thể nhiều)', required: true }],
    trustAnchorUploadBody,
  )
  @ApiOperation({ summary: 'Thêm chứng thư gốc tin cậy (DER, hoặc PEM có thể gồm nhiều chứng thư)' })
  createAnchors(
    @CurrentPrincipal() principal: Principal,
    @UploadedFile(requiredFile) data: Buffer,
    @MultipartFields(trustAnchorUploadBody) body: z.infer<typeof trustAnchorUploadBody>,
  ) {
    return this.addAnchors.execute({ actor: principal, data, label: body.label });
  }

  @Delete('anchors/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Bỏ một chứng thư gốc khỏi danh sách tin cậy' })
  async deleteAnchor(
    @CurrentPrincipal() principal: Principal,
    @Param('id', { schema: uuidParam }) id: string,
  ) {
    await this.removeAnchor.execute({ actor: principal, id });
  }

  @ZodResponse(pageOf(crlViewSchema, 'CrlPage'))
  @Get('crls')
  @ApiOperation({ summary: 'Danh sách chứng thư bị thu hồi (CRL) đã nạp' })
  async crls(
    @CurrentPrincipal() principal: Principal,
    @Query({ schema: listQuery }) query: z.infer<typeof listQuery>,
  ) {
    return pageInMemory(await this.listCrls.execute({ actor: principal }), query, BY_ID);
  }

  @ZodResponse(crlViewSchema)
  @Post('crls')
  @UseInterceptors(FileInterceptor('file'))
  @MultipartBody([{ name: 'file', description: 'CRL (DER hoặc PEM)', required: true }])
  @ApiOperation({ summary: 'Nạp CRL (DER hoặc PEM) để kiểm tra thu hồi khi không có mạng' })
  createCrl(@CurrentPrincipal() principal: Principal, @UploadedFile(requiredFile) data: Buffer) {
    return this.addCrl.execute({ actor: principal, data });
  }
}
