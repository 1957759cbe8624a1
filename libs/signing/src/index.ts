// Keys
export type { SigningIdentity } from './keys/signing-identity';
export { loadPkcs12 } from './keys/pkcs12-keystore';
export { writePkcs12, type Pkcs12Contents } from './keys/pkcs12-writer';
// Certificates
export { parseCertificate, type CertificateInfo } from './certificates/certificate-info';
export { assertUsableForSigning } from './certificates/certificate-usage';
export { type NameAttribute, nameValue, formatNameAttributes } from './certificates/distinguished-name';
export { derToPem, toDer, pemBlocks } from './certificates/pem';
export type { KeyUsageName } from './certificates/x509-oids';
// CMS
export { createPadesCms, type PadesCmsInput } from './cms/pades-cms';
export {
  type DigestAlgorithmName,
  digest,
  digestAlgorithmInfo,
  digestAlgorithmByOid,
} from './cms/digest-algorithm';
export type { RsaPadding } from './cms/signature-algorithm';
export { CMS_OIDS } from './cms/cms-oids';
// Timestamps
export { TimestampAuthority } from './tsa/timestamp-authority';
export { HttpTimestampAuthority, type HttpTimestampAuthorityOptions } from './tsa/http-timestamp-authority';
export { readTimestampToken, type TimestampTokenInfo } from './tsa/timestamp-token';
// Demo PKI
export { generateDemoPki } from './pki/demo-pki';
export type {
  DemoOrganisation,
  DemoPerson,
  DemoPkiInput,
  DemoPkiFile,
  DemoPkiFileKind,
  DemoPkiManifest,
} from './pki/demo-pki.types';
export { issueCertificate, type CertificateSpec } from './pki/certificate-builder';
export { issueCrl, type CrlSpec } from './pki/crl-builder';
export { renderSealPng, SEAL_DIAMETER_MM, SEAL_IMAGE_DPI } from './pki/seal-image';
export { renderSignaturePng, SIGNATURE_IMAGE_DPI } from './pki/signature-image';
// Fonts (Tinos and the writer-independent parts of embedding a TrueType subset)
export { loadTinos, type TinosStyle } from './fonts/tinos';
export { encodeFontSubset, hex4, subsetFontName, subsetTag, toUnicodeCMap } from './fonts/subset-font-parts';
// Errors
export { signingError, type SigningErrorCode } from './signing.errors';
// Verification
export { findActiveContent, inspectAndVerifyPdf, verifyPdf } from './verify/verify-pdf';
export {
  ACTIVE_CONTENT_KIND_CODES,
  type ActiveContentFinding,
  type ActiveContentKind,
} from './verify/active-content/active-content-kinds';
export { refuseActiveContent } from './verify/active-content/refuse-active-content';
export type {
  VerificationReport,
  SignatureReport,
  VerifyPdfOptions,
  VerifyPdfLazyTrustOptions,
  VerifyPdfTrust,
  SignatureVerdict,
  DocumentVerdict,
  PadesLevel,
  SigningTimeSource,
  CertificateSummary,
  ChangeReport,
  RevocationReport,
  TimestampReport,
} from './verify/verification-report';
export {
  VERIFICATION_REASON_CODES,
  type VerificationReason,
  type VerificationReasonCode,
  type ReasonSeverity,
} from './verify/verification-reasons';
export { CHANGE_KIND_CODES, type ChangeKind } from './verify/changes/change-kinds';
export { verifyError, type VerifyErrorCode } from './verify.errors';
export {
  assessSigningCertificate,
  type SigningCertificateInput,
  type SigningCertificateReport,
} from './verify/assess-signing-certificate';
// PDF signing
export { signPdf } from './pdf/sign-pdf';
export { checkAppearanceImage } from './pdf/appearance/png-image';
export { APPEARANCE_IMAGE_LIMITS, APPEARANCE_IMAGE_LIMITS_TEXT } from './pdf/appearance/image-limits';
export { inspectPdf, type PdfInspection } from './pdf/inspect-pdf';
export type {
  PdfSignRequest,
  PersonalSignRequest,
  OrganisationSignRequest,
  AttachmentSignRequest,
  CopySignRequest,
  CopyType,
  PagePlacement,
  PlacementRect,
  PdfSignRole,
} from './pdf/pdf-sign-request';
export type { TextEngine } from './pdf/placement/locate-on-page';
export { pdfSigningError, type PdfSigningErrorCode } from './pdf-signing.errors';
