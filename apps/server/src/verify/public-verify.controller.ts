import { Controller, HttpCode, Post, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { VerifyDocumentUseCase } from '@vanthu/certificates';
import { Public } from '@vanthu/identity';
import { requiredFile } from '../certificates/uploaded-file';
import { MultipartBody } from '../http/multipart-body.decorator';
import { ZodResponse } from '../http/zod-response.decorator';
import { PublicVerifyRateGuard } from './public-verify-rate.guard';
import { verificationReportSchema } from './verify.responses';

/**
 * Xác thực văn bản for anyone, without a session: the PDF is verified in memory against the node's
 * trust anchors and CRLs and the report returned; nothing is stored and no audit row is written
 * (there is no actor, and keeping a citizen's upload is what this page promises not to do).
 */
@ApiTags('verify')
@Controller('api/v1/public/verify')
export class PublicVerifyController {
  constructor(private readonly verifyDocument: VerifyDocumentUseCase) {}

  @Public()
  @ZodResponse(verificationReportSchema)
  @Post()
  @HttpCode(200)
  @UseGuards(PublicVerifyRateGuard)
  @UseInterceptors(FileInterceptor('file'))
  @MultipartBody([
    {
      name: 'file',
      description: 'Tệp PDF cần xác thực (tối đa VANTHU_PUBLIC_VERIFY_LIMIT_MB)',
      required: true,
    },
  ])
  @ApiOperation({
    summary:
      'Xác thực văn bản công khai (không cần đăng nhập): báo cáo chữ ký số của tệp PDF; không lưu tệp; giới hạn kích thước và số lần mỗi phút',
  })
  verify(@UploadedFile(requiredFile) pdf: Buffer) {
    return this.verifyDocument.execute({ pdf });
  }
}
