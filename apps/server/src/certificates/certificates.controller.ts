import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CountCertificatesByLevelUseCase,
  ImportOrganisationCertificateUseCase,
  ImportPersonalCertificateUseCase,
  ListCertificatesUseCase,
  ReplaceCertificateUseCase,
  RevokeCertificateUseCase,
  SetCertificateAppearanceUseCase,
} from '@vanthu/certificates';
import { CurrentPrincipal, type Principal, RequireAgencyRole } from '@vanthu/identity';
import { z } from 'zod';
import {
  organisationUploadBody,
  personalUploadBody,
  replaceUploadBody,
  revokeBody,
  uuidParam,
} from './certificates.schemas';
import { requiredFile, SMALL_UPLOAD } from './uploaded-file';
import { MultipartBody, MultipartFields } from '../http/multipart-body.decorator';
import { BY_ID, pageInMemory } from '../http/page-in-memory';
import { listQuery, pageOf } from '../http/response-fields';
import { ZodResponse } from '../http/zod-response.decorator';
import { certificateViewSchema, levelCountSchema } from './certificates.responses';

const certificateId = { schema: uuidParam };
const P12_PART = { name: 'file', description: 'Tệp PKCS#12 (.p12, .pfx)', required: true };

/** Certificates of one agency. Key material never appears in any answer. */
@ApiTags('certificates')
@Controller('api/v1/agencies/:agencyId')
export class CertificatesController {
  constructor(
    private readonly listCertificates: ListCertificatesUseCase,
    private readonly importOrganisation: ImportOrganisationCertificateUseCase,
    private readonly importPersonal: ImportPersonalCertificateUseCase,
    private readonly revokeCertificate: RevokeCertificateUseCase,
    private readonly replaceCertificate: ReplaceCertificateUseCase,
    private readonly countByLevel: CountCertificatesByLevelUseCase,
    private readonly setAppearance: SetCertificateAppearanceUseCase,
  ) {}

  @ZodResponse(pageOf(certificateViewSchema, 'CertificatePage'))
  @Get('certificates')
  @RequireAgencyRole()
  @ApiOperation({ summary: 'Chứng thư số của cơ quan (hạn dùng, cảnh báo sắp hết hạn trong 30 ngày)' })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Query({ schema: listQuery }) query: z.infer<typeof listQuery>,
  ) {
    return pageInMemory(await this.listCertificates.execute({ principal, agencyId }), query, BY_ID);
  }

  @ZodResponse(certificateViewSchema)
  @Post('certificates/organisation')
  @RequireAgencyRole('admin', 'clerk')
  @UseInterceptors(FileInterceptor('file', SMALL_UPLOAD))
  @MultipartBody([P12_PART], organisationUploadBody)
  @ApiOperation({ summary: 'Nhập chứng thư số của cơ quan, tổ chức (tệp .p12; văn thư dùng để đóng dấu)' })
  createOrganisation(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @UploadedFile(requiredFile) p12: Buffer,
    @MultipartFields(organisationUploadBody) body: z.infer<typeof organisationUploadBody>,
  ) {
    return this.importOrganisation.execute({ actor: principal, agencyId, p12, passphrase: body.passphrase });
  }

  @ZodResponse(certificateViewSchema)
  @Post('certificates/personal')
  @RequireAgencyRole()
  @UseInterceptors(FileInterceptor('file', SMALL_UPLOAD))
  @MultipartBody([P12_PART], personalUploadBody)
  @ApiOperation({ summary: 'Nhập chứng thư số cá nhân (mật khẩu không lưu; nhập lại mỗi lần ký)' })
  createPersonal(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @UploadedFile(requiredFile) p12: Buffer,
    @MultipartFields(personalUploadBody) body: z.infer<typeof personalUploadBody>,
  ) {
    return this.importPersonal.execute({
      actor: principal,
      agencyId,
      userId: body.userId,
      p12,
      passphrase: body.passphrase,
    });
  }

  @ZodResponse(certificateViewSchema)
  @Post('certificates/:id/revoke')
  @HttpCode(200)
  @RequireAgencyRole()
  @ApiOperation({ summary: 'Thu hồi chứng thư số trên hệ thống (xóa khóa bí mật đã lưu)' })
  revoke(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('id', certificateId) id: string,
    @Body({ schema: revokeBody }) body: z.infer<typeof revokeBody>,
  ) {
    return this.revokeCertificate.execute({ principal, agencyId, certificateId: id, reason: body.reason });
  }

  @ZodResponse(certificateViewSchema)
  @Post('certificates/:id/replace')
  @RequireAgencyRole()
  @UseInterceptors(FileInterceptor('file', SMALL_UPLOAD))
  @MultipartBody([P12_PART], replaceUploadBody)
  @ApiOperation({ summary: 'Thay chứng thư số bằng chứng thư mới (gia hạn)' })
  replace(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('id', certificateId) id: string,
    @UploadedFile(requiredFile) p12: Buffer,
    @MultipartFields(replaceUploadBody) body: z.infer<typeof replaceUploadBody>,
  ) {
    return this.replaceCertificate.execute({
      principal,
      agencyId,
      certificateId: id,
      p12,
      passphrase: body.passphrase,
    });
  }

  @Put('certificates/:id/appearance')
  @HttpCode(204)
  @RequireAgencyRole()
  @UseInterceptors(FileInterceptor('file', SMALL_UPLOAD))
  @MultipartBody([{ name: 'file', description: 'Ảnh PNG nền trong suốt', required: true }])
  @ApiOperation({
    summary:
      'Ảnh dùng khi ký: chữ ký (màu xanh) của cá nhân hoặc con dấu (màu đỏ) của cơ quan, PNG nền trong suốt',
  })
  async appearance(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('id', certificateId) id: string,
    @UploadedFile(requiredFile) png: Buffer,
  ): Promise<void> {
    await this.setAppearance.execute({ actor: principal, agencyId, certificateId: id, png });
  }

  @ZodResponse(z.array(levelCountSchema))
  @Get('reports/certificates-by-level')
  @RequireAgencyRole('admin', 'leader')
  @ApiOperation({ summary: 'Số tổ chức và cá nhân có chứng thư số còn hiệu lực, theo cấp' })
  certificatesByLevel(@CurrentPrincipal() principal: Principal, @Param('agencyId') agencyId: string) {
    return this.countByLevel.execute({ principal, agencyId });
  }
}
