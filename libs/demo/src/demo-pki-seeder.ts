import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Inject, Injectable } from '@nestjs/common';
import {
  AddCrlUseCase,
  AddTrustAnchorsUseCase,
  ImportOrganisationCertificateUseCase,
  ImportPersonalCertificateUseCase,
  SetCertificateAppearanceUseCase,
  SystemCertificateActor,
} from '@vanthu/certificates';
import { APP_CONFIG, type AppConfig } from '@vanthu/config';
import { Clock, isAppException } from '@vanthu/shared';
import { type DemoPkiFile, type DemoPkiManifest, generateDemoPki } from '@vanthu/signing';
import type { DemoPkiWorld } from './demo-pki-world';

/** Regenerate a demo PKI older than this, well before its two-year certificates run out. */
const MAX_AGE_MS = 365 * 24 * 60 * 60 * 1000;

export interface PreparedDemoPki {
  readonly dir: string;
  readonly manifest: DemoPkiManifest;
}

export interface DemoPkiImportResult {
  readonly dir: string;
  readonly certificatesImported: number;
  readonly trustAnchorsAdded: number;
  readonly crlsAdded: number;
  /** Personal P12 passphrase of each demo person (demo only: printed on the console, never logged). */
  readonly passphrases: ReadonlyMap<string, string>;
}

/**
 * The demo's certificates: generates a demo PKI into `<data>/demo-pki` (once; later runs reuse it),
 * then imports each organisation certificate for its agency and each person's for them, trusts the
 * demo root CA and loads its CRLs. Everything already there is skipped, so seeding can run again.
 */
@Injectable()
export class DemoPkiSeeder {
  private readonly actor = new SystemCertificateActor('demo seed');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly importOrganisation: ImportOrganisationCertificateUseCase,
    private readonly importPersonal: ImportPersonalCertificateUseCase,
    private readonly addTrustAnchors: AddTrustAnchorsUseCase,
    private readonly addCrl: AddCrlUseCase,
    private readonly setAppearance: SetCertificateAppearanceUseCase,
  ) {}

  get dir(): string {
    return join(this.config.data.dir, 'demo-pki');
  }

  /** Key generation takes seconds: call this before opening a transaction. */
  async prepare(world: DemoPkiWorld): Promise<PreparedDemoPki> {
    const existing = await this.readManifest();
    if (existing && covers(existing, world) && this.fresh(existing))
      return { dir: this.dir, manifest: existing };
    await mkdir(this.config.data.dir, { recursive: true, mode: 0o700 });
    // generated aside and moved into place, so an interrupted run never leaves half a PKI to reuse
    const staging = `${this.dir}.tmp-${randomBytes(4).toString('hex')}`;
    try {
      const manifest = await generateDemoPki({
        outDir: staging,
        now: this.clock.now(),
        organisations: world.organisations,
        people: world.people,
        publicationBaseUrl: `${pathToFileURL(join(this.dir, 'ca')).href}/`,
      });
      await rm(this.dir, { recursive: true, force: true });
      await rename(staging, this.dir);
      // demo keys with their passphrases in manifest.json: not secret, but nobody else's business
      await chmod(this.dir, 0o700);
      return { dir: this.dir, manifest };
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }

  /** Imports in the caller's transaction; ids of the demo agencies by code and users by username. */
  async importInto(
    pki: PreparedDemoPki,
    agencyIdByCode: ReadonlyMap<string, string>,
    people: ReadonlyMap<string, { userId: string; agencyId: string }>,
  ): Promise<DemoPkiImportResult> {
    let certificatesImported = 0;
    let trustAnchorsAdded = 0;
    let crlsAdded = 0;
    const passphrases = new Map<string, string>();
    for (const file of pki.manifest.files) {
      if (file.kind === 'organisation-pkcs12') {
        const agencyId = file.owner ? agencyIdByCode.get(file.owner) : undefined;
        if (!agencyId) continue;
        const p12 = await this.read(pki, file);
        const passphrase = file.passphrase ?? '';
        const added = await skipExisting(
          this.importOrganisation.execute({ actor: this.actor, agencyId, p12, passphrase }),
        );
        if (added) {
          certificatesImported += 1;
          await this.setImage(pki, 'seal-image', file.owner!, agencyId, added.id);
        }
      } else if (file.kind === 'personal-pkcs12') {
        const person = file.owner ? people.get(file.owner) : undefined;
        if (!person || !file.owner) continue;
        passphrases.set(file.owner, file.passphrase ?? '');
        const input = { actor: this.actor, agencyId: person.agencyId, userId: person.userId };
        const p12 = await this.read(pki, file);
        const added = await skipExisting(
          this.importPersonal.execute({ ...input, p12, passphrase: file.passphrase ?? '' }),
        );
        if (added) {
          certificatesImported += 1;
          await this.setImage(pki, 'signature-image', file.owner, person.agencyId, added.id);
        }
      } else if (file.kind === 'root-ca-certificate' && file.format === 'der') {
        const data = await this.read(pki, file);
        const label = 'vanthu Demo Root CA (chỉ dùng cho demo)';
        if (await skipExisting(this.addTrustAnchors.execute({ actor: this.actor, data, label })))
          trustAnchorsAdded += 1;
      } else if ((file.kind === 'issuing-ca-crl' || file.kind === 'root-ca-crl') && file.format === 'der') {
        const data = await this.read(pki, file);
        if (await skipExisting(this.addCrl.execute({ actor: this.actor, data }))) crlsAdded += 1;
      }
    }
    return { dir: pki.dir, certificatesImported, trustAnchorsAdded, crlsAdded, passphrases };
  }

  /** The demo's generated seal or signature PNG becomes the certificate's signing image. */
  private async setImage(
    pki: PreparedDemoPki,
    kind: 'seal-image' | 'signature-image',
    owner: string,
    agencyId: string,
    certificateId: string,
  ): Promise<void> {
    const image = pki.manifest.files.find((f) => f.kind === kind && f.owner === owner);
    if (!image) return;
    const png = await this.read(pki, image);
    await this.setAppearance.execute({ actor: this.actor, agencyId, certificateId, png });
  }

  private read(pki: PreparedDemoPki, file: DemoPkiFile): Promise<Buffer> {
    return readFile(join(pki.dir, file.path));
  }

  private async readManifest(): Promise<DemoPkiManifest | undefined> {
    try {
      const manifest = JSON.parse(await readFile(join(this.dir, 'manifest.json'), 'utf8')) as DemoPkiManifest;
      return manifest.version === 1 ? manifest : undefined;
    } catch {
      return undefined;
    }
  }

  private fresh(manifest: DemoPkiManifest): boolean {
    return this.clock.now().getTime() - Date.parse(manifest.generatedAt) < MAX_AGE_MS;
  }
}

/** Every organisation and person of the world has a P12 in the manifest. */
function covers(manifest: DemoPkiManifest, world: DemoPkiWorld): boolean {
  const owners = new Set(
    manifest.files
      .filter((f) => f.kind === 'organisation-pkcs12' || f.kind === 'personal-pkcs12')
      .map((f) => f.owner),
  );
  return [...world.organisations.map((o) => o.code), ...world.people.map((p) => p.username)].every((o) =>
    owners.has(o),
  );
}

const ALREADY_THERE = new Set(['CERTIFICATE_DUPLICATE', 'TRUST_ANCHOR_DUPLICATE', 'CRL_DUPLICATE']);

/** What was added; undefined when it was already there (checked before any write, so the transaction stays usable). */
async function skipExisting<T>(work: Promise<T>): Promise<T | undefined> {
  try {
    return await work;
  } catch (error) {
    if (isAppException(error) && ALREADY_THERE.has(error.code)) return undefined;
    throw error;
  }
}
