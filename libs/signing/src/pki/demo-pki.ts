import { generateKeyPair, type KeyObject } from 'node:crypto';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { issueCertificate, randomSerial, type CertificateSpec } from './certificate-builder';
import { issueCrl } from './crl-builder';
import type { DemoPerson, DemoPkiInput, DemoPkiManifest } from './demo-pki.types';
import { DemoPkiFiles } from './demo-pki-files';
import { renderSealPng } from './seal-image';
import { renderSignaturePng } from './signature-image';
import type { NameSpec } from './x509-signer';

const generateKeyPairAsync = promisify(generateKeyPair);
const DAY = 24 * 60 * 60 * 1000;
const YEAR = 365 * DAY;

interface Authority {
  readonly certificate: Buffer;
  readonly privateKey: KeyObject;
}

/**
 * Generates a complete demo PKI into `outDir`: root and issuing CA, CRLs, a TSA, one organisation
 * PKCS#12 per agency, one personal PKCS#12 per person, test certificates (expired, revoked, EC),
 * blue signature and red seal images, and `manifest.json` listing every file with its passphrase.
 * Nothing here is secret: it is for demos and tests only.
 */
export async function generateDemoPki(input: DemoPkiInput): Promise<DemoPkiManifest> {
  const outDir = resolve(input.outDir);
  const now = input.now ?? new Date();
  const base = input.publicationBaseUrl ?? `${pathToFileURL(join(outDir, 'ca')).href}/`;
  // RSA key generation dominates the run: start every key at once so libuv's pool works in parallel
  const rsaCount = 3 + input.organisations.length + input.people.length + (input.people.length ? 2 : 0);
  const rsaKeys = Array.from({ length: rsaCount }, () =>
    generateKeyPairAsync('rsa', { modulusLength: input.rsaBits ?? 2048 }).then((p) => [
      p.privateKey,
      p.publicKey,
    ]),
  );
  const rsa = async (): Promise<KeyObject[]> => {
    const next = rsaKeys.shift();
    if (!next) throw new Error('demo PKI: RSA key count is off');
    return next;
  };
  const files = new DemoPkiFiles(outDir);

  const [rootKey, rootPublic] = await rsa();
  const root: Authority = {
    privateKey: rootKey,
    certificate: issueCertificate({
      subject: [
        ['C', 'VN'],
        ['O', 'vanthu (demo)'],
        ['CN', 'vanthu Demo Root CA'],
      ],
      publicKey: rootPublic,
      notBefore: new Date(now.getTime() - 5 * YEAR),
      notAfter: new Date(now.getTime() + 20 * YEAR),
      signer: { privateKey: rootKey },
      ca: {},
      keyUsage: ['keyCertSign', 'cRLSign'],
    }),
  };
  const [issuingKey, issuingPublic] = await rsa();
  const issuing: Authority = {
    privateKey: issuingKey,
    certificate: issueCertificate({
      subject: [
        ['C', 'VN'],
        ['O', 'vanthu (demo)'],
        ['CN', 'vanthu Demo Issuing CA'],
      ],
      publicKey: issuingPublic,
      notBefore: new Date(now.getTime() - 5 * YEAR),
      notAfter: new Date(now.getTime() + 10 * YEAR),
      signer: root,
      ca: { pathLength: 0 },
      keyUsage: ['keyCertSign', 'cRLSign'],
      crlDistributionPoints: [`${base}root-ca.crl`],
      caIssuersUrl: `${base}root-ca.cer`,
    }),
  };
  const chain = [issuing.certificate, root.certificate];
  const endEntity = async (
    subject: NameSpec,
    { keyType, ...overrides }: Partial<CertificateSpec> & { keyType?: 'rsa' | 'ec' } = {},
  ): Promise<Authority> => {
    const [privateKey, publicKey] =
      keyType === 'ec'
        ? await generateKeyPairAsync('ec', { namedCurve: 'P-256' }).then((p) => [p.privateKey, p.publicKey])
        : await rsa();
    const certificate = issueCertificate({
      subject,
      publicKey,
      notBefore: new Date(now.getTime() - DAY),
      notAfter: new Date(now.getTime() + 2 * YEAR),
      signer: issuing,
      keyUsage: ['digitalSignature', 'nonRepudiation'],
      extendedKeyUsage: ['emailProtection', 'documentSigning'],
      crlDistributionPoints: [`${base}issuing-ca.crl`],
      caIssuersUrl: `${base}issuing-ca.cer`,
      ...(input.ocspUrl ? { ocspUrl: input.ocspUrl } : {}),
      ...overrides,
    });
    return { privateKey, certificate };
  };

  await files.certificate('root-ca-certificate', 'root-ca', root.certificate);
  await files.certificate('issuing-ca-certificate', 'issuing-ca', issuing.certificate);
  // the issuing CA's key stays with the demo PKI so that an installation can issue its exchange
  // identity from it later (at first start, or `vanthu exchange identity issue-demo`)
  await files.pkcs12('issuing-ca-pkcs12', 'ca/issuing-ca.p12', 'issuing-ca', issuing, [root.certificate]);

  const tsa = await endEntity(
    [
      ['C', 'VN'],
      ['O', 'vanthu (demo)'],
      ['CN', 'vanthu Demo TSA'],
    ],
    {
      keyUsage: ['digitalSignature'],
      extendedKeyUsage: ['timeStamping'],
      extendedKeyUsageCritical: true,
      notAfter: new Date(now.getTime() + 5 * YEAR),
    },
  );
  await files.certificate('tsa-certificate', 'tsa', tsa.certificate);
  await files.pkcs12('tsa-pkcs12', 'tsa/tsa.p12', 'tsa', tsa, chain);

  const agencyName = new Map(input.organisations.map((o) => [o.code, o.name]));
  for (const organisation of input.organisations) {
    const identity = await endEntity([
      ['C', 'VN'],
      ['O', organisation.name],
      ['UID', organisation.code],
      ['CN', organisation.name],
    ]);
    const file = safeFileName(organisation.code);
    await files.pkcs12(
      'organisation-pkcs12',
      `organisations/${file}.p12`,
      organisation.code,
      identity,
      chain,
    );
    await files.write(`organisations/${file}-seal.png`, renderSealPng(organisation.name), {
      kind: 'seal-image',
      subject: organisation.name,
      format: 'png',
      owner: organisation.code,
    });
  }

  const personName = (person: DemoPerson): NameSpec => [
    ['C', 'VN'],
    ['O', agencyName.get(person.agencyCode) ?? person.agencyCode],
    ['T', person.position],
    ['CN', person.fullName],
  ];
  for (const person of input.people) {
    const file = safeFileName(person.username);
    await files.pkcs12(
      'personal-pkcs12',
      `people/${file}.p12`,
      person.username,
      await endEntity(personName(person)),
      chain,
    );
    await files.write(`people/${file}-signature.png`, renderSignaturePng(person.username), {
      kind: 'signature-image',
      subject: person.fullName,
      format: 'png',
      owner: person.username,
    });
  }

  const revokedSerial = randomSerial();
  const first = input.people[0];
  if (first) {
    const name = personName(first);
    const expired = await endEntity(name, {
      notBefore: new Date(now.getTime() - 2 * YEAR),
      notAfter: new Date(now.getTime() - YEAR),
    });
    await files.pkcs12('expired-pkcs12', 'test/expired.p12', first.username, expired, chain);
    const revoked = await endEntity(name, {
      serialNumber: revokedSerial,
      notBefore: new Date(now.getTime() - 30 * DAY),
    });
    await files.pkcs12('revoked-pkcs12', 'test/revoked.p12', first.username, revoked, chain);
    if (input.includeEcCertificate ?? true) {
      await files.pkcs12(
        'ec-personal-pkcs12',
        'test/ec-personal.p12',
        first.username,
        await endEntity(name, { keyType: 'ec' }),
        chain,
      );
    }
  }

  const crlTimes = {
    thisUpdate: new Date(now.getTime() - 60_000),
    nextUpdate: new Date(now.getTime() + YEAR),
  };
  const issuingCrl = issueCrl({
    issuer: issuing,
    ...crlTimes,
    crlNumber: 1,
    revoked: first
      ? [{ serialNumber: revokedSerial, revokedAt: new Date(now.getTime() - DAY), reason: 'keyCompromise' }]
      : [],
  });
  const rootCrl = issueCrl({ issuer: root, ...crlTimes, crlNumber: 1, revoked: [] });
  await files.crl('issuing-ca-crl', 'issuing-ca', issuingCrl, issuing.certificate, true);
  await files.crl('root-ca-crl', 'root-ca', rootCrl, root.certificate, false);
  return files.writeManifest(now);
}

/** Agency codes and usernames become file names; anything odd turns into `_`. */
function safeFileName(value: string): string {
  return value.replace(/[^A-Za-z0-9._-]/g, '_');
}
