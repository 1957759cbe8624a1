export interface DemoOrganisation {
  /** Agency code (mã định danh), e.g. `000.00.01.H57`; goes into the certificate's UID attribute. */
  readonly code: string;
  readonly name: string;
}

export interface DemoPerson {
  readonly username: string;
  readonly fullName: string;
  /** Title printed in the certificate (e.g. `Chủ tịch`). */
  readonly position: string;
  readonly agencyCode: string;
}

export interface DemoPkiInput {
  readonly outDir: string;
  readonly now?: Date;
  readonly organisations: readonly DemoOrganisation[];
  readonly people: readonly DemoPerson[];
  /** Base URL for CRLs and CA certificates named in certificates; default the `file:` URL of `outDir/ca/`. */
  readonly publicationBaseUrl?: string;
  /** OCSP responder URL to name in end-entity certificates (no responder is started). */
  readonly ocspUrl?: string;
  /** Also issue a P-256 certificate for the first person (default true). */
  readonly includeEcCertificate?: boolean;
  /** RSA modulus size for every RSA key (default 2048). */
  readonly rsaBits?: number;
}

export type DemoPkiFileKind =
  | 'root-ca-certificate'
  | 'issuing-ca-certificate'
  | 'issuing-ca-pkcs12'
  | 'root-ca-crl'
  | 'issuing-ca-crl'
  | 'tsa-certificate'
  | 'tsa-pkcs12'
  | 'organisation-pkcs12'
  | 'personal-pkcs12'
  | 'ec-personal-pkcs12'
  | 'expired-pkcs12'
  | 'revoked-pkcs12'
  | 'signature-image'
  | 'seal-image';

export interface DemoPkiFile {
  readonly kind: DemoPkiFileKind;
  /** Certificate subject (RFC 4514 order, readable), or the owner's name for images. */
  readonly subject: string;
  /** Path relative to the directory holding manifest.json. */
  readonly path: string;
  readonly format: 'pem' | 'der' | 'p12' | 'png';
  /** PKCS#12 passphrase (a demo PKI: written down on purpose). */
  readonly passphrase?: string;
  /** Username or agency code the file belongs to. */
  readonly owner?: string;
  /** Certificate serial number, lowercase hex. */
  readonly serialNumber?: string;
}

export interface DemoPkiManifest {
  readonly version: 1;
  readonly generatedAt: string;
  readonly files: readonly DemoPkiFile[];
}
