import { createHash } from 'node:crypto';
import { DssContent } from './dss-reader';
import type { PadesLevel } from './verification-report';
import { ParsedCertificate } from './x509/parsed-certificate';

export interface LevelInput {
  readonly subFilter: string;
  readonly isDocumentTimestamp: boolean;
  readonly hasEssSigningCertificate: boolean;
  readonly hasValidSignatureTimestamp: boolean;
  readonly coveredIndex: number;
  readonly signerCertificate?: ParsedCertificate;
  /** /Contents bytes, whose SHA-1 names the signature's VRI entry */
  readonly contents?: Buffer;
}

export interface DocumentTimestampInfo {
  readonly coveredIndex: number;
  readonly valid: boolean;
  /** the DSS as it stood in the revision the timestamp covers */
  readonly dss: DssContent;
}

/**
 * The PAdES baseline level a signature reaches (ETSI EN 319 142-1 §6): B-B needs the ESS
 * signing-certificate attribute, B-T a signature timestamp or a later document timestamp, B-LT
 * validation data for the signer in the DSS, B-LTA a document timestamp over that DSS.
 */
export function padesLevel(
  input: LevelInput,
  finalDss: DssContent,
  docTimestamps: readonly DocumentTimestampInfo[],
): PadesLevel {
  if (input.isDocumentTimestamp) return 'DOCUMENT_TIMESTAMP';
  if (input.subFilter !== 'ETSI.CAdES.detached' || !input.hasEssSigningCertificate) return 'NOT_PADES';
  const later = docTimestamps.filter((t) => t.valid && t.coveredIndex > input.coveredIndex);
  if (!input.hasValidSignatureTimestamp && later.length === 0) return 'B-B';
  if (!hasValidationData(finalDss, input)) return 'B-T';
  return later.some((t) => hasValidationData(t.dss, input)) ? 'B-LTA' : 'B-LT';
}

function hasValidationData(dss: DssContent, input: LevelInput): boolean {
  if (dss.crls.length + dss.ocsps.length === 0) return false;
  if (input.contents && dss.vriKeys.has(vriKey(input.contents))) return true;
  const der = input.signerCertificate?.der;
  return der !== undefined && dss.certs.some((c) => c.equals(der));
}

/** upper-case hex SHA-1 of the /Contents bytes (ISO 32000-2 §12.8.4.4) */
export function vriKey(contents: Buffer): string {
  return createHash('sha1').update(contents).digest('hex').toUpperCase();
}
