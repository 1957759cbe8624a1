import { readFile } from 'node:fs/promises';
import {
  AddCrlUseCase,
  AddTrustAnchorsUseCase,
  ImportOrganisationCertificateUseCase,
  ImportPersonalCertificateUseCase,
  SetCertificateAppearanceUseCase,
  SystemCertificateActor,
} from '@vanthu/certificates';
import type { TestPki, TestPkiOrganisation, TestPkiPerson } from '@vanthu/test-kit';
import type { TestServer } from '@vanthu/test-kit/test-server';

const actor = new SystemCertificateActor('test set-up');

/** Trusts the test PKI on the node (root CA and the issuing CA's CRL). */
export async function trustTestPki(server: TestServer, pki: TestPki): Promise<void> {
  await server.app
    .get(AddTrustAnchorsUseCase)
    .execute({ actor, data: pki.rootCertificate, label: 'Test root' });
  await server.app.get(AddCrlUseCase).execute({ actor, data: pki.issuingCrl });
}

/** Gives an agency an organisation certificate with its seal image, as its clerk would. */
export async function giveSeal(
  server: TestServer,
  agencyId: string,
  org: TestPkiOrganisation,
): Promise<string> {
  const view = await server.app.get(ImportOrganisationCertificateUseCase).execute({
    actor,
    agencyId,
    p12: await readFile(org.path),
    passphrase: org.passphrase,
  });
  await server.app
    .get(SetCertificateAppearanceUseCase)
    .execute({ actor, agencyId, certificateId: view.id, png: await readFile(org.sealImagePath) });
  return view.id;
}

/** Gives a leader a personal certificate with their blue signature image. */
export async function giveSignature(
  server: TestServer,
  agencyId: string,
  userId: string,
  person: TestPkiPerson,
): Promise<string> {
  const view = await server.app.get(ImportPersonalCertificateUseCase).execute({
    actor,
    agencyId,
    userId,
    p12: await readFile(person.path),
    passphrase: person.passphrase,
  });
  await server.app
    .get(SetCertificateAppearanceUseCase)
    .execute({ actor, agencyId, certificateId: view.id, png: await readFile(person.signatureImagePath) });
  return view.id;
}
