import { Injectable } from '@nestjs/common';
import { VerifyDocumentUseCase } from '@vanthu/certificates';
import { AppException, isAppException } from '@vanthu/shared';
import type { VerificationReport } from '@vanthu/signing';

export interface IncomingFile {
  fileName: string;
  bytes: Buffer;
}

export interface VerifiedFile extends IncomingFile {
  /** 0 the main document, 1.. attachments. */
  fileIndex: number;
  pageCount: number;
  report: VerificationReport;
}

/** One line per file of what the signature check found, for the clerk's screen. */
export interface FileVerificationSummary {
  fileIndex: number;
  fileName: string;
  verdict: string;
  signatures: { signer: string | null; verdict: string; reasons: string[] }[];
  /**
   * What the check found about the file as a whole, to be shown beside the verdict: ACTIVE_CONTENT
   * (scripts, embedded files, automatic actions …, the message names them), UNCOVERED_TAIL.
   */
  warnings: { code: string; message: string }[];
}

export function summarizeVerification(
  file: Pick<VerifiedFile, 'fileIndex' | 'fileName' | 'report'>,
): FileVerificationSummary {
  return {
    fileIndex: file.fileIndex,
    fileName: file.fileName,
    verdict: file.report.verdict,
    signatures: file.report.signatures.map((s) => ({
      signer: s.signer?.commonName ?? s.signerName ?? null,
      verdict: s.verdict,
      reasons: s.reasons.map((r) => r.code),
    })),
    // reports stored by older versions may lack the document's reasons
    warnings: (file.report.documentReasons ?? []).map((r) => ({ code: r.code, message: r.message })),
  };
}

/**
 * Checks every uploaded file before anything is written: a non-PDF, malformed or encrypted file is
 * refused (PDF_NOT_PDF, PDF_MALFORMED, PDF_ENCRYPTED, naming the file), and every PDF's signatures
 * are verified against this node's trust anchors (ND30: check authenticity on receipt).
 */
@Injectable()
export class IncomingFilesVerifier {
  constructor(private readonly verifyDocument: VerifyDocumentUseCase) {}

  async verifyAll(main: IncomingFile, attachments: readonly IncomingFile[]): Promise<VerifiedFile[]> {
    const verified: VerifiedFile[] = [];
    for (const [i, f] of [main, ...attachments].entries()) {
      const { pageCount, report } = await this.verifyDocument
        .inspectAndExecute({ pdf: f.bytes })
        .catch((error: unknown) => Promise.reject(this.naming(error, f, i)));
      verified.push({ ...f, fileIndex: i, pageCount, report });
    }
    return verified;
  }

  private naming(error: unknown, file: IncomingFile, fileIndex: number): unknown {
    if (!isAppException(error)) return error;
    return new AppException(error.code, `Tệp "${file.fileName}": ${error.message}`, error.status, {
      ...error.details,
      fileIndex,
      fileName: file.fileName,
    });
  }
}
