/** Response shapes of the vanthu API as the UI uses them (replaced by the generated client later). */
export type Role = 'admin' | 'clerk' | 'leader' | 'specialist';
export type Priority = 'normal' | 'urgent' | 'very_urgent' | 'flash';
export type Direction = 'incoming' | 'outgoing';

export interface Me {
  userId: string;
  username: string;
  fullName: string;
  agencyId: string;
  roles: { agencyId: string; role: Role }[];
}

export interface Agency {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  abbreviation: string | null;
  parentCode: string | null;
  levelLabel: string | null;
  hosted: boolean;
  successorCode: string | null;
  version: number;
}

export interface User {
  id: string;
  username: string;
  fullName: string;
  position: string | null;
  email: string | null;
  unitId: string | null;
  active: boolean;
  roles: { agencyId: string; role: Role }[];
  version: number;
}

export interface Unit {
  id: string;
  code: string;
  name: string;
  abbreviation: string | null;
  active: boolean;
  version: number;
}

export interface DocumentType {
  code: string;
  name: string;
  abbreviation: string | null;
}

export interface Entry {
  id: string;
  agencyId: string;
  direction: Direction;
  status: string;
  version: number;
  registerId: string | null;
  numberNotation: string | null;
  arrivalNumber: string | null;
  entryDate: string;
  typeCode: string;
  issuedDate: string | null;
  subject: string;
  organId: string | null;
  organName: string | null;
  signerUserId: string | null;
  signerInfo: { position: string | null; fullName: string | null } | null;
  priority: Priority;
  pageAmount: number | null;
  dueDate: string | null;
  documentIdentifier: string | null;
  source: string | null;
  arrivalAt: string | null;
  verificationVerdict: string | null;
  verificationOverridden: boolean;
  duplicateOf: string | null;
  draftingUnitId: string | null;
  replyToEntryId: string | null;
  replyEntryId: string | null;
  closedAt: string | null;
  closeNote: string | null;
  returnReason: string | null;
  replacedBy: string | null;
  toPlaces: string | null;
  description: string | null;
  createdAt: string;
}

export interface FileVersion {
  id: string;
  fileIndex: number;
  fileName: string;
  seq: number;
  kind: string;
  sha256: string;
  sizeBytes: number;
  verificationVerdict: string | null;
  createdAt: string;
}

export interface Note {
  id: string;
  kind: string;
  body: string;
  authorName?: string | null;
  userId?: string | null;
  createdAt: string;
}

export interface Assignment {
  id: string;
  role: 'lead' | 'cooperate' | 'inform';
  unitId: string | null;
  userId: string | null;
  deadline: string | null;
  instructions: string | null;
  name?: string | null;
}

export interface Delivery {
  id: string;
  channel: string;
  organId: string | null;
  organName: string;
  state: string;
  statusCode: string | null;
  statusDescription: string | null;
  statuses: { code: string; description: string; at: string }[];
}

export interface EntryDetail extends Entry {
  files: FileVersion[];
  versions: FileVersion[];
  verificationReports: Record<string, VerificationReport>;
  notes: Note[];
  assignments: Assignment[];
  recipients: { id: string; kind: string; organId: string | null; organName: string }[];
  replies: { id?: string; numberNotation: string | null; organName: string | null; status: string }[];
  deliveries: Delivery[];
  copies: { id: string; copyType?: string; numberNotation?: string }[];
}

export interface CertificateSummary {
  commonName?: string;
  organization?: string;
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
}

export interface ReportedSignature {
  type: string;
  index: number;
  level?: string;
  intact: boolean;
  trusted?: boolean;
  verdict: string;
  reason?: string;
  reasons: ({ code?: string; message?: string } | string)[];
  signer?: CertificateSummary;
  fieldName?: string;
  signingTime?: string;
  signingTimeSource?: string;
  revocation?: { source: string; status: string; checkedAt?: string };
  changesAfter?: { kind: string; allowed: boolean; message: string; revision: number }[];
  coversWholeDocument?: boolean;
}

export interface VerificationReport {
  verdict: string;
  revisions?: number;
  signatures: ReportedSignature[];
  verifiedAt?: string;
  documentReasons?: ({ code?: string; message?: string } | string)[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Notification {
  id: string;
  agencyId: string;
  kind: string;
  entryId: string | null;
  title: string;
  createdAt: string;
  readAt: string | null;
}

export interface Register {
  id: string;
  year: number;
  kind: string;
  typeCode: string | null;
  name: string;
  nextNumber: number;
}

export interface Certificate {
  id: string;
  kind: 'personal' | 'organisation';
  ownerUserId: string | null;
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  status: string;
  expired: boolean;
  expiresSoon: boolean;
  daysLeft: number;
  version: number;
}

export interface CaseFile {
  id: string;
  code: string;
  title: string;
  year: number;
  keeper: string;
  entries?: Entry[];
  entryCount?: number;
}

export interface AuditEvent {
  seq: string;
  occurredAt: string;
  actorName: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
}

export interface Ratio {
  part: number;
  total: number;
  rate: number | null;
}

export interface ReportSummary {
  from: string;
  to: string;
  totals: { incoming: number; outgoing: number };
  byMonth: { month: string; incoming: number; outgoing: number }[];
  byType: { typeCode: string; typeName: string; incoming: number; outgoing: number }[];
  byUnit: {
    incoming: { unitName: string; count: number }[];
    outgoing: { unitName: string; count: number }[];
  };
  onTime: Ratio & { openOverdue: number };
  digitallySigned: Ratio;
  electronicExchange: { outgoing: Ratio; incoming: Ratio };
  certificatesByLevel: { levelLabel: string; organisations: number; persons: number }[];
}
