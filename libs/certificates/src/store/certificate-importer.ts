import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { isAppException, Clock, newId } from '@vanthu/shared';
import {
  assertUsableForSigning,
  type CertificateInfo,
  loadPkcs12,
  parseCertificate,
  type SigningIdentity,
} from '@vanthu/signing';
import { CertificateErrors } from '../certificates.errors';
import { auditActorOf, type CertificateActor, userIdOf } from '../certificate-actor';
import { EnvelopeCipher } from '../crypto/envelope-cipher';
import type { CertificateEntity, CertificateKind } from './certificate.entity';
import { CertificateRepository } from './certificate.repository';
import { sealedKeyLabel } from './sealed-key-label';

/** A PKCS#12 that opened with its passphrase and holds a certificate able to sign. */
export interface OpenedPkcs12 {
  readonly p12: Buffer;
  readonly identity: SigningIdentity;
  readonly info: CertificateInfo;
}

export interface ImportTarget {
  agencyId: string;
  kind: CertificateKind;
  ownerUserId: string | null;
}

/**
 * What is stored, and why:
 *
 * - Organisation certificate: the private key as PKCS#8 DER sealed under the master key. The seal
 *   is applied by whichever clerk is on duty, so the node must be able to use the key without the
 *   P12 passphrase: the importer gives the passphrase once, it proves the file opens, and it is
 *   then dropped. Protection rests on the master key (outside the database) and on the rule that
 *   only clerks of the agency unlock it.
 * - Personal certificate: the original P12 bytes, sealed under the master key. The key belongs to
 *   its person alone, so the node must not be able to use it by itself: the passphrase is never
 *   stored and is asked at each signing. The master-key seal on top means a stolen database dump
 *   does not even allow an offline guessing attack on the passphrase.
 *
 * Certificates and chains are public and stay in clear, so lists and reports never decrypt anything.
 */
@Injectable()
export class CertificateImporter {
  constructor(
    private readonly certificates: CertificateRepository,
    private readonly cipher: EnvelopeCipher,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /**
   * Opens the file and checks that it can sign; call outside a transaction (key derivation takes a
   * while). Expired certificates are refused (CERT_EXPIRED); not-yet-valid ones are accepted, so a
   * renewal can be loaded before its start date.
   */
  open(p12: Buffer, passphrase: string): OpenedPkcs12 {
    const identity = loadPkcs12(p12, passphrase);
    const info = parseCertificate(identity.certificate);
    if (info.isCa) throw CertificateErrors.notForSigning('ca');
    try {
      assertUsableForSigning(info, this.clock.now());
    } catch (error) {
      if (isAppException(error) && error.code === 'CERT_NOT_YET_VALID') return { p12, identity, info };
      if (isAppException(error) && error.code === 'CERT_KEY_USAGE_INVALID')
        throw CertificateErrors.notForSigning('key-usage');
      throw error;
    }
    return { p12, identity, info };
  }

  /** Seals and stores the key and records the audit event; runs in the caller's transaction. */
  async store(
    opened: OpenedPkcs12,
    target: ImportTarget,
    actor: CertificateActor,
  ): Promise<CertificateEntity> {
    const { info, identity } = opened;
    if (await this.certificates.findByFingerprint(target.agencyId, info.sha256Fingerprint))
      throw CertificateErrors.duplicate();
    const id = newId();
    const plaintext =
      target.kind === 'organisation'
        ? identity.privateKey.export({ type: 'pkcs8', format: 'der' })
        : Buffer.from(opened.p12);
    const sealedKey = this.cipher.seal(plaintext, sealedKeyLabel({ id, ...target }));
    plaintext.fill(0);
    const row = await this.certificates.insert({
      id,
      agencyId: target.agencyId,
      ownerUserId: target.ownerUserId,
      kind: target.kind,
      subject: info.subject,
      issuer: info.issuer,
      serialNumber: info.serialNumber,
      notBefore: info.notBefore,
      notAfter: info.notAfter,
      sha256Fingerprint: info.sha256Fingerprint,
      certificateDer: info.der,
      chainDer: [...identity.chain],
      sealedKey,
      createdAt: this.clock.now(),
      createdBy: userIdOf(actor),
    });
    await this.audit.record({
      action: 'certificate.imported',
      agencyId: target.agencyId,
      actor: auditActorOf(actor),
      subjectType: 'certificate',
      subjectId: id,
      details: {
        kind: target.kind,
        ownerUserId: target.ownerUserId,
        subject: info.subject,
        serialNumber: info.serialNumber,
        sha256Fingerprint: info.sha256Fingerprint,
        notAfter: info.notAfter.toISOString(),
      },
    });
    return row;
  }
}
