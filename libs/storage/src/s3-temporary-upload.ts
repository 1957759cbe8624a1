import { createHash, randomUUID } from 'node:crypto';
import type { Client } from 'minio';

/**
 * Where streamed writes land before they are published. `~` is outside the key alphabet
 * (object-key.ts), so no caller's key can ever collide with, or see, a temporary.
 */
export const S3_TEMPORARY_PREFIX = '~tmp/';

/**
 * A multipart upload to a fresh temporary key, one part at a time. The caller reuses its part buffer
 * after each `sendPart`, which is what bounds memory to one part per write.
 */
export class S3TemporaryUpload {
  readonly key = `${S3_TEMPORARY_PREFIX}${randomUUID()}`;
  private readonly parts: { part: number; etag: string }[] = [];
  private uploadId: string | undefined;
  private completed = false;

  constructor(
    private readonly client: Client,
    private readonly bucket: string,
    private readonly contentType: string,
  ) {}

  get partCount(): number {
    return this.parts.length;
  }

  async sendPart(bytes: Buffer): Promise<void> {
    this.uploadId ??= await this.client.initiateNewMultipartUpload(this.bucket, this.key, {
      'Content-Type': this.contentType,
    });
    const partNumber = this.parts.length + 1;
    const { etag } = await this.client.uploadPart(
      {
        bucketName: this.bucket,
        objectName: this.key,
        uploadID: this.uploadId,
        partNumber,
        // The server checks each part against this, so bytes damaged in transit are refused.
        headers: { 'Content-MD5': createHash('md5').update(bytes).digest('base64') },
      },
      bytes,
    );
    this.parts.push({ part: partNumber, etag });
  }

  /** Assembles the parts into the temporary object. */
  async complete(): Promise<void> {
    if (!this.uploadId) throw new Error('no part was sent');
    await this.client.completeMultipartUpload(this.bucket, this.key, this.uploadId, this.parts);
    this.completed = true;
  }

  /**
   * Removes whatever exists of this upload. Best effort: a leftover is invisible to callers and
   * `purgeIncompleteWrites` (or a bucket lifecycle rule for incomplete multipart uploads) clears it.
   */
  async discard(): Promise<void> {
    try {
      if (this.completed) await this.client.removeObject(this.bucket, this.key);
      else if (this.uploadId) await this.client.abortMultipartUpload(this.bucket, this.key, this.uploadId);
    } catch {
      // See above; s3rver, for one, does not implement aborting an upload.
    }
  }
}
