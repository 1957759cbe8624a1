/**
 * Raised on bytes that are not PDF syntax, by the signer's lazy reader (`pdf/io`, which turns it into
 * PDF_MALFORMED) and by the verifier's per-revision reader (`verify/pdf-reader`, which reports the
 * document as malformed): one error type for both.
 */
export class PdfSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at byte ${offset}`);
    this.name = 'PdfSyntaxError';
  }
}
