import { randomBytes, type KeyObject } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseCertificate } from '../certificates/certificate-info';
import { derToPem } from '../certificates/pem';
import { writePkcs12 } from '../keys/pkcs12-writer';
import type { DemoPkiFile, DemoPkiFileKind, DemoPkiManifest } from './demo-pki.types';

/** Writes the demo PKI's files under one directory and keeps the manifest entries as it goes. */
export class DemoPkiFiles {
  private readonly files: DemoPkiFile[] = [];

  constructor(private readonly outDir: string) {}

  async write(path: string, data: Buffer | string, entry: Omit<DemoPkiFile, 'path'>): Promise<void> {
    await mkdir(dirname(join(this.outDir, path)), { recursive: true });
    await writeFile(join(this.outDir, path), data);
    this.files.push({ ...entry, path });
  }

  /** `ca/<name>.pem` and `ca/<name>.cer` (DER). */
  async certificate(kind: DemoPkiFileKind, name: string, der: Buffer): Promise<void> {
    const info = parseCertificate(der);
    const entry = { kind, subject: info.subject, serialNumber: info.serialNumber };
    await this.write(`ca/${name}.pem`, derToPem(der, 'CERTIFICATE'), { ...entry, format: 'pem' });
    await this.write(`ca/${name}.cer`, der, { ...entry, format: 'der' });
  }

  /** A PKCS#12 with a fresh random passphrase, recorded in the manifest (demo only). */
  async pkcs12(
    kind: DemoPkiFileKind,
    path: string,
    owner: string,
    identity: { certificate: Buffer; privateKey: KeyObject },
    chain: Buffer[],
  ): Promise<void> {
    // letters and digits only: a leading "-" or "_" reads as an option when typed on a command line
    const passphrase = randomBytes(12)
      .toString('base64')
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(0, 12);
    const info = parseCertificate(identity.certificate);
    const friendlyName = info.subjectAttributes.find((a) => a.type === 'CN')?.value;
    const p12 = writePkcs12({ ...identity, chain, passphrase, friendlyName });
    await this.write(path, p12, {
      kind,
      subject: info.subject,
      format: 'p12',
      passphrase,
      owner,
      serialNumber: info.serialNumber,
    });
  }

  /** The DER CRL, its PEM twin when asked, under `ca/`. */
  async crl(
    kind: DemoPkiFileKind,
    name: string,
    der: Buffer,
    issuer: Buffer,
    withPem: boolean,
  ): Promise<void> {
    const subject = parseCertificate(issuer).subject;
    await this.write(`ca/${name}.crl`, der, { kind, subject, format: 'der' });
    if (withPem)
      await this.write(`ca/${name}.crl.pem`, derToPem(der, 'X509 CRL'), { kind, subject, format: 'pem' });
  }

  async writeManifest(now: Date): Promise<DemoPkiManifest> {
    const manifest: DemoPkiManifest = { version: 1, generatedAt: now.toISOString(), files: this.files };
    await writeFile(join(this.outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  }
}
