import { Injectable } from '@nestjs/common';
import { Clock } from '@vanthu/shared';
import { inspectAndVerifyPdf, type VerificationReport, verifyPdf } from '@vanthu/signing';
import { TrustMaterial } from '../trust/trust-material';

/**
 * Verifies any signed PDF against this node's trust anchors and CRLs, offline (no fetching of CRLs
 * or OCSP from the URLs in certificates). Input errors are the engine's (PDF_NOT_PDF, …).
 */
@Injectable()
export class VerifyDocumentUseCase {
  constructor(
    private readonly trust: TrustMaterial,
    private readonly clock: Clock,
  ) {}

  execute(input: { pdf: Buffer }): Promise<VerificationReport> {
    // read only for a signed PDF: an unsigned scan, the usual paper letter, costs no query
    return verifyPdf(input.pdf, this.options());
  }

  /** The same, with the document's page count read from the same parse (a received file). */
  inspectAndExecute(input: { pdf: Buffer }): Promise<{ pageCount: number; report: VerificationReport }> {
    return inspectAndVerifyPdf(input.pdf, this.options());
  }

  private options() {
    return { trust: () => this.trust.current(), now: this.clock.now() };
  }
}
