/** Raised by the parser on bytes that are not PDF syntax; the reader turns it into PDF_MALFORMED. */
export class PdfSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at byte ${offset}`);
    this.name = 'PdfSyntaxError';
  }
}
