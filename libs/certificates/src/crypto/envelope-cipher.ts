import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { CertificateErrors } from '../certificates.errors';
import type { MasterKey } from './master-key';

const FORMAT_VERSION = 1;
const KEY_ID_BYTES = 4;
const HEADER_BYTES = 1 + KEY_ID_BYTES;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM envelope under the master key:
 *
 *     version (1) | master key id (4) | nonce (12) | ciphertext | tag (16)
 *
 * The nonce is random per seal (96 bits: GCM's native size; far below the birthday bound for the
 * few thousand keys a node seals). The associated data is the header plus a caller-given label
 * naming the row the value belongs to, so a sealed key copied into another row, agency or owner
 * does not open: the tag covers where it may be used, not only what it says.
 */
export class EnvelopeCipher {
  constructor(private readonly masterKey: MasterKey) {}

  seal(plaintext: Buffer, associatedData: string): Buffer {
    const header = this.header();
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.masterKey.key, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.concat([header, Buffer.from(associatedData, 'utf8')]));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([header, nonce, body, cipher.getAuthTag()]);
  }

  /** SEALED_KEY_INVALID when the value was altered or belongs elsewhere; MASTER_KEY_INVALID under another key. */
  open(sealed: Buffer, associatedData: string): Buffer {
    if (sealed.length < HEADER_BYTES + NONCE_BYTES + TAG_BYTES || sealed[0] !== FORMAT_VERSION) {
      throw CertificateErrors.sealedKeyInvalid();
    }
    const header = sealed.subarray(0, HEADER_BYTES);
    if (!header.subarray(1).equals(this.masterKey.id)) {
      throw CertificateErrors.masterKeyInvalid(
        'dữ liệu được mã hóa bằng một khóa chính khác với khóa đang dùng (VANTHU_MASTER_KEY hoặc tệp master.key đã bị thay).',
      );
    }
    const nonce = sealed.subarray(HEADER_BYTES, HEADER_BYTES + NONCE_BYTES);
    const body = sealed.subarray(HEADER_BYTES + NONCE_BYTES, sealed.length - TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.masterKey.key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.concat([header, Buffer.from(associatedData, 'utf8')]));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(body), decipher.final()]);
    } catch {
      throw CertificateErrors.sealedKeyInvalid();
    }
  }

  private header(): Buffer {
    return Buffer.concat([Buffer.from([FORMAT_VERSION]), this.masterKey.id]);
  }
}
