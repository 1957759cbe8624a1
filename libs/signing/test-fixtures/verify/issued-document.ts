import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SigningIdentity } from '../../src/keys/signing-identity';
import { signPdf } from '../../src/pdf/sign-pdf';

/** what the test PKI (test/kit) holds for a leader and an organisation */
export interface IssuingPki {
  readonly people: ReadonlyArray<{ readonly identity: SigningIdentity; readonly signatureImagePath: string }>;
  readonly organisations: ReadonlyArray<{
    readonly identity: SigningIdentity;
    readonly sealImagePath: string;
  }>;
}

export interface IssuedDocument {
  /** quyet-dinh-libreoffice.pdf, unsigned */
  readonly draft: Buffer;
  /** the leader's visible signature (blue image): 2 revisions */
  readonly personal: Buffer;
  /** then the organisation's number, date and seal, widgets of one signature field: 3 revisions */
  readonly issued: Buffer;
}

/** A decision issued the way vanthu issues one, signed by the test PKI's first leader and organisation. */
export async function issueTestDocument(pki: IssuingPki): Promise<IssuedDocument> {
  const draft = readFileSync(join(__dirname, 'quyet-dinh-libreoffice.pdf'));
  const leader = pki.people[0];
  const personal = await signPdf(draft, {
    role: 'personal',
    identity: leader.identity,
    image: readFileSync(leader.signatureImagePath),
  });
  const org = pki.organisations[0];
  const issued = await signPdf(personal, {
    role: 'organisation',
    identity: org.identity,
    number: 12,
    notation: 'QĐ-UBND',
    sealImage: readFileSync(org.sealImagePath),
  });
  return { draft, personal, issued };
}
