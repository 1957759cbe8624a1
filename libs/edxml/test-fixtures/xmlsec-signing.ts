import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { SigningIdentity } from '@vanthu/signing';
import { DSIG_NS, XMLDSIG } from '../src/model/edxml-names';

const exec = promisify(execFile);

export interface XmlsecTemplate {
  /** how SignedInfo is canonicalized (default exclusive C14N) */
  readonly signedInfoC14n?: string;
  /** the reference's second transform (default exclusive C14N) */
  readonly referenceC14n?: string;
  /** an InclusiveNamespaces PrefixList on the reference's exclusive C14N transform */
  readonly prefixList?: string;
  /** an InclusiveNamespaces PrefixList on SignedInfo's CanonicalizationMethod */
  readonly signedInfoPrefixList?: string;
  /** line breaks and indentation between the Signature's elements */
  readonly indented?: boolean;
}

/**
 * An empty enveloped XML-DSig template (URI="", enveloped-signature then the given C14N, SHA-256,
 * RSA-SHA256, X509Data for xmlsec1 to fill in), as other vendors' software lays it out.
 */
export function xmlsecTemplate(t: XmlsecTemplate = {}): string {
  const n = t.indented ? '\n        ' : '';
  const inclusive = (list: string | undefined) =>
    list ? `<ec:InclusiveNamespaces xmlns:ec="${XMLDSIG.excC14n}" PrefixList="${list}"/>` : '';
  return (
    `<ds:Signature xmlns:ds="${DSIG_NS}">${n}<ds:SignedInfo>${n}` +
    `<ds:CanonicalizationMethod Algorithm="${t.signedInfoC14n ?? XMLDSIG.excC14n}">${inclusive(t.signedInfoPrefixList)}</ds:CanonicalizationMethod>${n}` +
    `<ds:SignatureMethod Algorithm="${XMLDSIG.rsaSha256}"/>${n}` +
    `<ds:Reference URI=""><ds:Transforms><ds:Transform Algorithm="${XMLDSIG.enveloped}"/>` +
    `<ds:Transform Algorithm="${t.referenceC14n ?? XMLDSIG.excC14n}">${inclusive(t.prefixList)}</ds:Transform></ds:Transforms>${n}` +
    `<ds:DigestMethod Algorithm="${XMLDSIG.sha256}"/><ds:DigestValue/></ds:Reference>${n}</ds:SignedInfo>${n}` +
    `<ds:SignatureValue/>${n}<ds:KeyInfo><ds:X509Data/></ds:KeyInfo>${n}</ds:Signature>`
  );
}

/** `xmlsec1 --sign` of a document holding a template: the signature of software that shares no code with us. */
export async function xmlsecSign(xml: string, identity: SigningIdentity): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'vanthu-xmlsec-sign-'));
  try {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    const input = join(dir, 'template.xml');
    const output = join(dir, 'signed.xml');
    await writeFile(key, identity.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string);
    await writeFile(
      cert,
      `-----BEGIN CERTIFICATE-----\n${identity.certificate.toString('base64')}\n-----END CERTIFICATE-----\n`,
    );
    await writeFile(input, xml);
    await exec('xmlsec1', ['--sign', '--privkey-pem', `${key},${cert}`, '--output', output, input]);
    return await readFile(output);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
