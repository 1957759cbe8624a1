import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@vanthu/config';
import { DirectoryModule } from '@vanthu/directory';
import { IdentityModule } from '@vanthu/identity';
import { EnvelopeCipher } from './crypto/envelope-cipher';
import { resolveMasterKey } from './crypto/master-key';
import { CertificateImporter } from './store/certificate-importer';
import { CertificateRepository } from './store/certificate.repository';
import { UnlockThrottleRepository } from './store/unlock-throttle.repository';
import { CrlRepository } from './trust/crl.repository';
import { TrustAnchorRepository } from './trust/trust-anchor.repository';
import { TrustMaterial } from './trust/trust-material';
import { TrustStoreAuthorization } from './trust/trust-store-authorization';
import { AddCrlUseCase } from './use-cases/add-crl.use-case';
import { AddTrustAnchorsUseCase } from './use-cases/add-trust-anchors.use-case';
import { CountCertificatesByLevelUseCase } from './use-cases/count-certificates-by-level.use-case';
import { ImportOrganisationCertificateUseCase } from './use-cases/import-organisation-certificate.use-case';
import { ImportPersonalCertificateUseCase } from './use-cases/import-personal-certificate.use-case';
import { ListCertificatesUseCase } from './use-cases/list-certificates.use-case';
import { ListCrlsUseCase } from './use-cases/list-crls.use-case';
import { ListTrustAnchorsUseCase } from './use-cases/list-trust-anchors.use-case';
import { RemoveTrustAnchorUseCase } from './use-cases/remove-trust-anchor.use-case';
import { ReplaceCertificateUseCase } from './use-cases/replace-certificate.use-case';
import { RevokeCertificateUseCase } from './use-cases/revoke-certificate.use-case';
import { UnlockOrganisationKeyUseCase } from './use-cases/unlock-organisation-key.use-case';
import { UnlockPersonalKeyUseCase } from './use-cases/unlock-personal-key.use-case';
import { VerifyDocumentUseCase } from './use-cases/verify-document.use-case';
import { SetCertificateAppearanceUseCase } from './use-cases/set-certificate-appearance.use-case';
import { FindCertificateAppearanceUseCase } from './use-cases/find-certificate-appearance.use-case';

const USE_CASES = [
  ImportOrganisationCertificateUseCase,
  ImportPersonalCertificateUseCase,
  ListCertificatesUseCase,
  RevokeCertificateUseCase,
  ReplaceCertificateUseCase,
  UnlockOrganisationKeyUseCase,
  UnlockPersonalKeyUseCase,
  CountCertificatesByLevelUseCase,
  AddTrustAnchorsUseCase,
  ListTrustAnchorsUseCase,
  RemoveTrustAnchorUseCase,
  AddCrlUseCase,
  ListCrlsUseCase,
  VerifyDocumentUseCase,
  SetCertificateAppearanceUseCase,
  FindCertificateAppearanceUseCase,
];

/**
 * Needs APP_CONFIG, Clock, Database and AuditLog from the application. The master key is resolved
 * once at start-up, so a missing or unsafe key file stops the start with MASTER_KEY_INVALID instead
 * of failing at the first signing.
 */
@Module({
  imports: [DirectoryModule, IdentityModule],
  providers: [
    {
      provide: EnvelopeCipher,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) =>
        new EnvelopeCipher(
          await resolveMasterKey({ configured: config.security.masterKey, dataDir: config.data.dir }),
        ),
    },
    CertificateRepository,
    UnlockThrottleRepository,
    CertificateImporter,
    TrustAnchorRepository,
    CrlRepository,
    TrustStoreAuthorization,
    TrustMaterial,
    ...USE_CASES,
  ],
  exports: [...USE_CASES, TrustMaterial, EnvelopeCipher],
})
export class CertificatesModule {}
