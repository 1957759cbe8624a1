import { Controller, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { VerifyDocumentUseCase } from '@vanthu/certificates';
import { requiredFile } from '../certificates/uploaded-file';
import { MultipartBody } from '../http/multipart-body.decorator';
import { ZodResponse } from '../http/zod-response.decorator';
import { verificationReportSchema } from './verify.responses';

@ApiTags('verify')
@Controller('api/v1/verify')
export class VerifyController {
  constructor(private readonly verifyDocument: VerifyDocumentUseCase) {}

  @ZodResponse(verificationReportSchema)
  @Post()
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file'))
  @MultipartBody([{ name: 'file', description: 'Tệp PDF cần kiểm tra', required: true }])
  @ApiOperation({
    summary: 'Kiểm tra chữ ký số của một tệp PDF theo chứng thư gốc tin cậy và CRL của hệ thống',
  })
  verify(@UploadedFile(requiredFile) pdf: Buffer) {
    return this.verifyDocument.execute({ pdf });
  }
}
