import { Foundation1764100000000 } from './1764100000000-foundation.migration';
import { Directory1764100000100 } from './1764100000100-directory.migration';
import { Certificates1764100000200 } from './1764100000200-certificates.migration';
import { Registers1764100000300 } from './1764100000300-registers.migration';
import { EntrySearch1764100000320 } from './1764100000320-entry-search.migration';
import { CertificateAppearance1764100000340 } from './1764100000340-certificate-appearance.migration';
import { EntryReplacedBy1764100000350 } from './1764100000350-entry-replaced-by.migration';
import { DropUnscopedSearchIndex1764100000360 } from './1764100000360-drop-unscoped-search-index.migration';
import { AuditChains1764100000370 } from './1764100000370-audit-chains.migration';
import { DocumentCopies1764100000380 } from './1764100000380-document-copies.migration';
import { CertificateUnlockThrottle1764100000390 } from './1764100000390-certificate-unlock-throttle.migration';
import { StoredObjectClaims1764100000410 } from './1764100000410-stored-object-claims.migration';
import { EntrySearchTypeName1764100000411 } from './1764100000411-entry-search-type-name.migration';
import { LoginAttempts1764100000420 } from './1764100000420-login-attempts.migration';
import { Exchange1764100000500 } from './1764100000500-exchange.migration';
import { ExchangeStoredObjects1764100000501 } from './1764100000501-exchange-stored-objects.migration';
import { ExchangeNonReceiptAnswers1764100000510 } from './1764100000510-exchange-non-receipt-answers.migration';
import { DocumentVersionMediaType1764100000520 } from './1764100000520-document-version-media-type.migration';

/**
 * Every schema migration of the product, in order. The schema is one database for all libs, so the
 * migrations live here and each names the lib it serves; entities stay in their libs.
 */
export const MIGRATIONS = [
  Foundation1764100000000,
  Directory1764100000100,
  Certificates1764100000200,
  Registers1764100000300,
  EntrySearch1764100000320,
  CertificateAppearance1764100000340,
  EntryReplacedBy1764100000350,
  DropUnscopedSearchIndex1764100000360,
  AuditChains1764100000370,
  DocumentCopies1764100000380,
  CertificateUnlockThrottle1764100000390,
  StoredObjectClaims1764100000410,
  EntrySearchTypeName1764100000411,
  LoginAttempts1764100000420,
  Exchange1764100000500,
  ExchangeStoredObjects1764100000501,
  ExchangeNonReceiptAnswers1764100000510,
  DocumentVersionMediaType1764100000520,
];
