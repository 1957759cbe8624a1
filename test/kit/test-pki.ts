import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { generateDemoPki } from '../../libs/signing/src/pki/demo-pki';
import type {
  DemoPkiFile,
  DemoPkiFileKind,
  DemoPkiManifest,
} from '../../libs/signing/src/pki/demo-pki.types';
import { loadPkcs12 } from '../../libs/signing/src/keys/pkcs12-keystore';
import type { SigningIdentity } from '../../libs/signing/src/keys/signing-identity';
import { toDer } from '../../libs/signing/src/certificates/pem';

/** A PKCS#12 of the test PKI, already opened. */
export interface TestPkiKeyFile {
  /** Absolute path of the .p12 file. */
  readonly path: string;
  readonly passphrase: string;
  readonly identity: SigningIdentity;
  /** Readable certificate subject, e.g. `CN=Nguyễn Văn Ấn, T=Chủ tịch, O=…, C=VN`. */
  readonly subject: string;
  /** Certificate serial number, lowercase hex. */
  readonly serialNumber: string;
}

export interface TestPkiOrganisation extends TestPkiKeyFile {
  readonly code: string;
  readonly name: string;
  /** Red round seal, transparent PNG, 472 px = 40 mm at 300 dpi. */
  readonly sealImagePath: string;
}

export interface TestPkiPerson extends TestPkiKeyFile {
  readonly username: string;
  readonly fullName: string;
  readonly position: string;
  readonly agencyCode: string;
  /** Blue handwritten signature, transparent PNG, 600×240 px at 300 dpi. */
  readonly signatureImagePath: string;
}

export interface TestPki {
  readonly dir: string;
  readonly manifest: DemoPkiManifest;
  readonly rootCertificate: Buffer;
  readonly rootCertificatePath: string;
  readonly issuingCaCertificate: Buffer;
  readonly issuingCaCertificatePath: string;
  /** DER CRL of the issuing CA; lists `revoked`. */
  readonly issuingCrl: Buffer;
  readonly issuingCrlPath: string;
  readonly rootCrlPath: string;
  readonly organisations: readonly TestPkiOrganisation[];
  readonly people: readonly TestPkiPerson[];
  /** Same subject as `people[0]`, validity ended a year ago. */
  readonly expired: TestPkiKeyFile;
  /** Same subject as `people[0]`, revoked (keyCompromise) one day before the PKI was generated. */
  readonly revoked: TestPkiKeyFile;
  /** Same subject as `people[0]`, ECDSA P-256 key. */
  readonly ecPerson: TestPkiKeyFile;
  /** Key and certificate (EKU timeStamping, critical) of the test TSA; see `startTsaServer`. */
  readonly tsa: TestPkiKeyFile;
}

const ORGANISATIONS = [
  { code: '000.00.01.H57', name: 'Ủy ban nhân dân tỉnh Thừa Thiên Huế' },
  { code: '000.00.12.H57', name: 'Sở Nội vụ tỉnh Thừa Thiên Huế' },
];
const PEOPLE = [
  { username: 'nguyenvanan', fullName: 'Nguyễn Văn Ấn', position: 'Chủ tịch', agencyCode: '000.00.01.H57' },
  {
    username: 'tranthibich',
    fullName: 'Trần Thị Bích',
    position: 'Phó Chủ tịch',
    agencyCode: '000.00.01.H57',
  },
  { username: 'lehoangduc', fullName: 'Lê Hoàng Đức', position: 'Giám đốc', agencyCode: '000.00.12.H57' },
];

/** Bump when the generated layout changes so old cached directories are not reused. */
const LAYOUT = 'v1';
const ROOT = join(tmpdir(), 'vanthu-test-pki');
const MAX_AGE_MS = 6 * 60 * 60 * 1000;

let cached: Promise<TestPki> | undefined;

/**
 * The shared test PKI (2 organisations, 3 people, TSA, expired/revoked/EC certificates). Generated once
 * per Jest worker process into a temp directory (Jest gives every test file its own module registry,
 * so the directory, keyed by process id, is the cache across files) and opened once per test file.
 */
export function getTestPki(): Promise<TestPki> {
  cached ??= loadOrGenerate();
  return cached;
}

async function loadOrGenerate(): Promise<TestPki> {
  const dir = join(ROOT, `${LAYOUT}-${process.pid}`);
  let manifest = await readManifest(dir);
  if (!manifest) {
    await removeStale();
    const staging = `${dir}.tmp-${randomBytes(4).toString('hex')}`;
    // URLs inside the certificates name the final directory, not the staging one
    const publicationBaseUrl = `${pathToFileURL(join(dir, 'ca')).href}/`;
    manifest = await generateDemoPki({
      outDir: staging,
      organisations: ORGANISATIONS,
      people: PEOPLE,
      publicationBaseUrl,
    });
    await rm(dir, { recursive: true, force: true });
    await rename(staging, dir);
  }
  return open(dir, manifest);
}

function open(dir: string, manifest: DemoPkiManifest): TestPki {
  const find = (kind: DemoPkiFileKind, owner?: string, format?: DemoPkiFile['format']): DemoPkiFile => {
    const file = manifest.files.find(
      (f) =>
        f.kind === kind &&
        (owner === undefined || f.owner === owner) &&
        (format === undefined || f.format === format),
    );
    if (!file) throw new Error(`test PKI has no ${kind} ${owner ?? ''}`);
    return file;
  };
  const abs = (file: DemoPkiFile): string => join(dir, file.path);
  const keyFile = (file: DemoPkiFile): TestPkiKeyFile => ({
    path: abs(file),
    passphrase: file.passphrase ?? '',
    identity: loadPkcs12(readFileSync(abs(file)), file.passphrase ?? ''),
    subject: file.subject,
    serialNumber: file.serialNumber ?? '',
  });
  const rootPem = find('root-ca-certificate', undefined, 'pem');
  const issuingPem = find('issuing-ca-certificate', undefined, 'pem');
  const issuingCrl = find('issuing-ca-crl', undefined, 'der');
  const first = PEOPLE[0].username;
  return {
    dir,
    manifest,
    rootCertificate: toDer(readFileSync(abs(rootPem))),
    rootCertificatePath: abs(rootPem),
    issuingCaCertificate: toDer(readFileSync(abs(issuingPem))),
    issuingCaCertificatePath: abs(issuingPem),
    issuingCrl: readFileSync(abs(issuingCrl)),
    issuingCrlPath: abs(issuingCrl),
    rootCrlPath: abs(find('root-ca-crl', undefined, 'der')),
    organisations: ORGANISATIONS.map((o) => ({
      ...o,
      ...keyFile(find('organisation-pkcs12', o.code)),
      sealImagePath: abs(find('seal-image', o.code)),
    })),
    people: PEOPLE.map((p) => ({
      ...p,
      ...keyFile(find('personal-pkcs12', p.username)),
      signatureImagePath: abs(find('signature-image', p.username)),
    })),
    expired: keyFile(find('expired-pkcs12', first)),
    revoked: keyFile(find('revoked-pkcs12', first)),
    ecPerson: keyFile(find('ec-personal-pkcs12', first)),
    tsa: keyFile(find('tsa-pkcs12')),
  };
}

async function readManifest(dir: string): Promise<DemoPkiManifest | undefined> {
  try {
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as DemoPkiManifest;
    const fresh = Date.now() - new Date(manifest.generatedAt).getTime() < MAX_AGE_MS;
    return manifest.version === 1 && fresh ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** Directories of earlier runs (other process ids) older than a day. */
async function removeStale(): Promise<void> {
  await mkdir(ROOT, { recursive: true });
  for (const entry of await readdir(ROOT)) {
    const path = join(ROOT, entry);
    const info = await stat(path).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > 24 * 60 * 60 * 1000)
      await rm(path, { recursive: true, force: true });
  }
}
