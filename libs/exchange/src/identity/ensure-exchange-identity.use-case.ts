import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AddTrustAnchorsUseCase, SystemCertificateActor } from '@vanthu/certificates';
import { APP_CONFIG, type AppConfig } from '@vanthu/config';
import { AgencyRepository } from '@vanthu/directory';
import { isAppException } from '@vanthu/shared';
import { type DemoPkiManifest, loadPkcs12, type SigningIdentity } from '@vanthu/signing';
import { exchangeError } from '../exchange.errors';
import { issueExchangeIdentity } from './exchange-identity-certificate';
import { ExchangeIdentityStore } from './exchange-identity.store';

export type IdentityOutcome = 'kept' | 'imported' | 'issued-demo' | 'missing';

/**
 * At start: the identity configured by VANTHU_EXCHANGE_IDENTITY_P12 is imported when it is not the
 * active one; without one, an installation that has none gets a demo identity issued by its demo
 * PKI's issuing CA (naming the agencies at the top of what it hosts), and the demo root is trusted.
 */
@Injectable()
export class EnsureExchangeIdentityUseCase {
  private readonly logger = new Logger('exchange');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: ExchangeIdentityStore,
    private readonly agencies: AgencyRepository,
    private readonly trust: AddTrustAnchorsUseCase,
  ) {}

  async execute(): Promise<IdentityOutcome> {
    const { exchange } = this.config;
    if (exchange.identityP12) {
      const identity = await readIdentityP12(exchange.identityP12, exchange.identityPasswordFile!);
      return (await this.store.save(exchange.name, identity, 'import')) ? 'imported' : 'kept';
    }
    const active = await this.store.summary();
    if (active) return 'kept';
    const pki = join(this.config.data.dir, 'demo-pki');
    const issuer = await demoIssuer(pki);
    if (!issuer) {
      this.logger.warn(
        'chưa có định danh liên thông và không có PKI demo để cấp: hãy nhập bằng "vanthu exchange identity import"',
      );
      return 'missing';
    }
    const roots = await this.agencies.hostedRoots();
    const identity = issueExchangeIdentity({
      issuer: issuer.identity,
      name: exchange.name,
      agencyCodes: roots.map((a) => a.code),
    });
    await this.trustDemoRoot(issuer.root);
    await this.store.save(exchange.name, identity, 'demo');
    return 'issued-demo';
  }

  private async trustDemoRoot(root: Buffer): Promise<void> {
    try {
      await this.trust.execute({
        actor: new SystemCertificateActor('exchange identity'),
        data: root,
        label: 'vanthu Demo Root CA (chỉ dùng cho demo)',
      });
    } catch (error) {
      if (!isAppException(error) || error.code !== 'TRUST_ANCHOR_DUPLICATE') throw error;
    }
  }
}

/** Reads a PKCS#12 and its passphrase file (first line, without the line end). */
export async function readIdentityP12(p12Path: string, passwordFile: string): Promise<SigningIdentity> {
  const [p12, password] = await Promise.all([readFile(p12Path), readFile(passwordFile, 'utf8')]);
  try {
    return loadPkcs12(p12, password.split(/\r?\n/)[0]);
  } catch {
    throw exchangeError('EXCHANGE_IDENTITY_INVALID', { file: p12Path });
  }
}

/** The issuing CA of a demo PKI folder (`vanthu pki demo`, `<data>/demo-pki`), and its root. */
export async function demoIssuer(
  dir: string,
): Promise<{ identity: SigningIdentity; root: Buffer } | undefined> {
  let manifest: DemoPkiManifest;
  try {
    manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as DemoPkiManifest;
  } catch {
    return undefined;
  }
  const ca = manifest.files.find((f) => f.kind === 'issuing-ca-pkcs12');
  const root = manifest.files.find((f) => f.kind === 'root-ca-certificate' && f.format === 'der');
  if (!ca || !root) return undefined;
  const identity = loadPkcs12(await readFile(join(dir, ca.path)), ca.passphrase ?? '');
  return { identity, root: await readFile(join(dir, root.path)) };
}
