import type { PipeTransform } from '@nestjs/common';
import type { MulterOptions } from '@nestjs/platform-express/multer/interfaces/multer-options.interface';
import { AppException } from '@vanthu/shared';

/** The part of multer's file object the controllers use (multer keeps uploads in memory here). */
export interface UploadedBytes {
  buffer: Buffer;
  size: number;
}

/**
 * PKCS#12 files and CA certificates are a few kilobytes; a small limit keeps key uploads from
 * tying up memory. (PDFs and CRLs use the module default, VANTHU_UPLOAD_LIMIT_MB.) Uploads stay in
 * memory: a key file never touches the disk unencrypted.
 */
export const SMALL_UPLOAD: MulterOptions = {
  limits: { fileSize: 1024 * 1024, files: 1, fields: 10, fieldSize: 8192 },
};

/** `@UploadedFile(requiredFile)`: the bytes of the `file` part, or FILE_REQUIRED. */
export class RequiredFilePipe implements PipeTransform<UploadedBytes | undefined, Buffer> {
  transform(file: UploadedBytes | undefined): Buffer {
    if (!file || !Buffer.isBuffer(file.buffer) || file.size === 0) {
      throw new AppException('FILE_REQUIRED', 'Vui lòng chọn tệp để tải lên (trường "file").', 400);
    }
    return file.buffer;
  }
}

export const requiredFile = new RequiredFilePipe();
