import { Inject, Injectable } from '@nestjs/common';
import { TrustMaterial, type TrustMaterialSnapshot } from '@vanthu/certificates';
import { APP_CONFIG, type AppConfig } from '@vanthu/config';
import { AgencyRepository } from '@vanthu/directory';
import { type ParsedPackage, readPackage } from '@vanthu/edxml';
import { Clock } from '@vanthu/shared';
import { exchangeError } from '../exchange.errors';
import { certificateAgencyCodes, sha256Hex } from '../identity/exchange-identity-certificate';
import type { ExchangePeerEntity } from '../peers/exchange-peer.entity';
import { RouteResolver, type RouteMemo } from '../routing/route-resolver';
import type { PackageBusiness, PackageKind } from './exchange-inbound.entity';

/** A package that passed the checks every installation makes (docs/exchange.md "Package authenticity"). */
export interface AdmittedPackage {
  readonly parsed: ParsedPackage;
  readonly kind: PackageKind;
  readonly business: PackageBusiness | null;
  readonly statusCode: string | null;
  /** as written */
  readonly fromCode: string;
  /** the one recipient: an edoc's To, a status's ResponseFor/OrganId */
  readonly toCode: string;
  readonly documentId: string | null;
}

/**
 * What the packages of one receive are judged against, read once for all of them: a batch is
 * judged against the trust material as it was when the batch arrived, and looks each recipient's
 * route up once. A package received alone gets its own.
 */
export interface ReceiveLookups {
  readonly trust: TrustMaterialSnapshot;
  readonly routes: RouteMemo;
}

const BUSINESS: Record<number, PackageBusiness> = { 0: 'new', 1: 'revoke', 2: 'update', 3: 'replace' };

/**
 * Reads a received package and decides whether it may travel on: well-formed edXML within the
 * limits, an envelope signature that is `valid` against this installation's trust anchors and CRLs,
 * a `From` agency the signing certificate covers, a peer of role node relaying nothing but its own
 * packages, and exactly one recipient.
 */
@Injectable()
export class PackageAdmission {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly trust: TrustMaterial,
    private readonly agencies: AgencyRepository,
    private readonly routes: RouteResolver,
    private readonly clock: Clock,
  ) {}

  /** Fresh lookups for one receive (one batch, or one package alone). */
  async lookups(): Promise<ReceiveLookups> {
    return { trust: await this.trust.current(), routes: new Map() };
  }

  async admit(
    bytes: Buffer,
    from: ExchangePeerEntity | null,
    lookups: ReceiveLookups,
  ): Promise<AdmittedPackage> {
    const { trustAnchors, crls } = lookups.trust;
    const parsed = await readPackage(bytes, {
      trust: { trustAnchors, crls, now: this.clock.now() },
      limits: { maxPackageBytes: this.config.exchange.maxPackageBytes },
    });
    const signature = parsed.signature;
    if (signature.verdict !== 'valid' || !signature.signerCertificate)
      throw exchangeError('EXCHANGE_SIGNATURE_INVALID', {
        verdict: signature.verdict,
        reasons: signature.reasons.map((r) => r.code),
      });
    if (from?.role === 'node' && sha256Hex(signature.signerCertificate) !== from.sha256Fingerprint)
      throw exchangeError('EXCHANGE_SENDER_NOT_AUTHORISED', {
        reason: 'node peers send only their own packages',
      });
    const fromCode = parsed.kind === 'edoc' ? parsed.header.from.organId : parsed.status.from.organId;
    await this.assertCovers(signature.signerCertificate, fromCode);
    if (parsed.kind === 'status') {
      return {
        parsed,
        kind: 'status',
        business: null,
        statusCode: parsed.status.statusCode,
        fromCode,
        toCode: parsed.status.responseFor.organId,
        documentId: parsed.status.responseFor.documentId || null,
      };
    }
    if (parsed.header.to.length !== 1)
      throw exchangeError('EXCHANGE_UNKNOWN_RECIPIENT', {
        reason: 'one To per package',
        to: parsed.header.to.length,
      });
    const bussiness = parsed.traceHeaderList.bussiness;
    const business = BUSINESS[bussiness?.bussinessDocType ?? 0];
    return {
      parsed,
      kind: 'edoc',
      business,
      statusCode: null,
      fromCode,
      toCode: parsed.header.to[0].organId,
      // revoke, update and replace name the earlier document in Bussiness/DocumentId
      documentId: (business !== 'new' && bussiness?.documentId) || parsed.header.documentId || null,
    };
  }

  /**
   * `From` (followed through successors) must be one of the certificate's SAN agencies or lie below
   * one of them in this installation's directory.
   */
  private async assertCovers(certificate: Buffer, fromCode: string): Promise<void> {
    const allowed = new Set(certificateAgencyCodes(certificate));
    if (allowed.has(fromCode)) return;
    const current = await this.routes.current(fromCode);
    if (current) {
      if (allowed.has(current.code)) return;
      const ancestors = await this.agencies.findAncestors(current.id);
      if (ancestors.some((a) => allowed.has(a.code))) return;
    }
    throw exchangeError('EXCHANGE_SENDER_NOT_AUTHORISED', {
      from: fromCode.slice(0, 100),
      allowed: [...allowed],
    });
  }
}
