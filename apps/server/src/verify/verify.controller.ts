import { Controller, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { VerifyDocumentUseCase } from '@vanthu/certificates';
import { multipartSchema, requiredFile } from '../certificates/uploaded-file';

@ApiTags('verify')
@Controller('api/v1/verify')
export class VerifyController {
  constructor(private readonly verifyDocument: VerifyDocumentUseCase) {}

  @Post()
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: multipartSchema({}) })
  @ApiOperation({
    summary: 'Kiểm tra chữ ký số của một tệp PDF theo chứng thư gốc tin cậy và CRL của hệ thống',
  })
  verify(@UploadedFile(requiredFile) pdf: Buffer) {
    return this.verifyDocument.execute({ pdf });
  }
}
