import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { Database } from '@vanthu/persistence';
import { type CertificateInfo, nameValue, parseCertificate, pemBlocks } from '@vanthu/signing';
import { Clock, newId } from '@vanthu/shared';
import { CertificateErrors } from '../certificates.errors';
import type { CertificateActor } from '../certificate-actor';
import { TrustAnchorEntity } from '../trust/trust-anchor.entity';
import { TrustAnchorRepository } from '../trust/trust-anchor.repository';
import { TrustStoreAuthorization } from '../trust/trust-store-authorization';
import { toTrustAnchorView, type TrustAnchorView } from '../trust/trust-views';

export interface AddTrustAnchorsInput {
  actor: CertificateActor;
  /** One DER certificate, or PEM text with one or more CERTIFICATE blocks (a CA bundle). */
  data: Buffer;
  /** Shown in lists; defaults to each certificate's CN. */
  label?: string;
}

/** Adds CA certificates to the node's trust anchors, all or none. */
@Injectable()
export class AddTrustAnchorsUseCase {
  constructor(
    private readonly db: Database,
    private readonly anchors: TrustAnchorRepository,
    private readonly authorization: TrustStoreAuthorization,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(input: AddTrustAnchorsInput): Promise<TrustAnchorView[]> {
    const maintainer = await this.authorization.assertNodeAdmin(input.actor);
    const certificates = readCertificates(input.data);
    return this.db.transaction(async () => {
      const added: TrustAnchorView[] = [];
      for (const info of certificates) {
        if (await this.anchors.findByFingerprint(info.sha256Fingerprint))
          throw CertificateErrors.trustAnchorDuplicate();
        const row: TrustAnchorEntity = {
          id: newId(),
          label: (input.label?.trim() || nameValue(info.subjectAttributes, 'CN') || info.subject).slice(
            0,
            200,
          ),
          subject: info.subject,
          serialNumber: info.serialNumber,
          notBefore: info.notBefore,
          notAfter: info.notAfter,
          certificateDer: info.der,
          sha256Fingerprint: info.sha256Fingerprint,
          createdAt: this.clock.now(),
          createdBy: maintainer.userId,
        };
        await this.anchors.insert(row);
        await this.audit.record({
          action: 'trust_anchor.added',
          agencyId: maintainer.agencyId,
          actor: maintainer.auditActor,
          subjectType: 'trust_anchor',
          subjectId: row.id,
          details: {
            subject: row.subject,
            serialNumber: row.serialNumber,
            sha256Fingerprint: row.sha256Fingerprint,
          },
        });
        added.push(toTrustAnchorView(row));
      }
      return added;
    });
  }
}

/**
 * Only CA certificates can anchor a chain; a self-signed certificate without basic constraints (old
 * v1 roots still in use) counts as one.
 */
function readCertificates(data: Buffer): CertificateInfo[] {
  const text = data.subarray(0, 64).toString('latin1').trimStart().startsWith('-----BEGIN')
    ? data.toString('latin1')
    : undefined;
  const ders = text === undefined ? [data] : pemBlocks(text, 'CERTIFICATE');
  if (ders.length === 0) throw CertificateErrors.noCertificateInFile();
  return ders.map((der) => {
    const info = parseCertificate(der);
    if (!info.isCa && info.subject !== info.issuer) throw CertificateErrors.trustAnchorNotCa();
    return info;
  });
}
