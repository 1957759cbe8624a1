export { CertificatesModule } from './certificates.module';
export { CERTIFICATES_ENTITIES } from './certificates.entities';
export { CertificateErrors } from './certificates.errors';
export { type CertificateActor, SystemCertificateActor } from './certificate-actor';
export {
  MasterKey,
  MASTER_KEY_BYTES,
  MASTER_KEY_FILE_NAME,
  resolveMasterKey,
  type MasterKeyInput,
} from './crypto/master-key';
export { EnvelopeCipher } from './crypto/envelope-cipher';
export type { CertificateKind, CertificateStatus } from './store/certificate.entity';
export { type CertificateView, EXPIRY_WARNING_DAYS } from './store/certificate-view';
export type { LevelCount } from './store/certificate.repository';
export type { TrustAnchorView, CrlView } from './trust/trust-views';
export { TrustMaterial, type TrustMaterialSnapshot } from './trust/trust-material';
export {
  ImportOrganisationCertificateUseCase,
  type ImportOrganisationCertificateInput,
} from './use-cases/import-organisation-certificate.use-case';
export {
  ImportPersonalCertificateUseCase,
  type ImportPersonalCertificateInput,
} from './use-cases/import-personal-certificate.use-case';
export { ListCertificatesUseCase } from './use-cases/list-certificates.use-case';
export {
  RevokeCertificateUseCase,
  type RevokeCertificateInput,
} from './use-cases/revoke-certificate.use-case';
export {
  ReplaceCertificateUseCase,
  type ReplaceCertificateInput,
} from './use-cases/replace-certificate.use-case';
export {
  UnlockOrganisationKeyUseCase,
  type UnlockOrganisationKeyInput,
} from './use-cases/unlock-organisation-key.use-case';
export {
  UnlockPersonalKeyUseCase,
  type UnlockPersonalKeyInput,
} from './use-cases/unlock-personal-key.use-case';
export { CountCertificatesByLevelUseCase } from './use-cases/count-certificates-by-level.use-case';
export { AddTrustAnchorsUseCase, type AddTrustAnchorsInput } from './use-cases/add-trust-anchors.use-case';
export { ListTrustAnchorsUseCase } from './use-cases/list-trust-anchors.use-case';
export { RemoveTrustAnchorUseCase } from './use-cases/remove-trust-anchor.use-case';
export { AddCrlUseCase } from './use-cases/add-crl.use-case';
export { ListCrlsUseCase } from './use-cases/list-crls.use-case';
export { VerifyDocumentUseCase } from './use-cases/verify-document.use-case';
export {
  SetCertificateAppearanceUseCase,
  type SetCertificateAppearanceInput,
} from './use-cases/set-certificate-appearance.use-case';
export { FindCertificateAppearanceUseCase } from './use-cases/find-certificate-appearance.use-case';
