import { CertificateEntity } from './store/certificate.entity';
import { CrlEntity } from './trust/crl.entity';
import { TrustAnchorEntity } from './trust/trust-anchor.entity';

export const CERTIFICATES_ENTITIES = [CertificateEntity, TrustAnchorEntity, CrlEntity];
