/** The API's shapes as the UI names them: all from the generated OpenAPI types (apps/web/src/api). */
import type { components } from '../api/client';

type S = components['schemas'];

export type Me = S['CurrentUser'];
export type Role = Me['roles'][number]['role'];
export type MyAgency = Me['agencies'][number];
export type Agency = S['Agency'];
export type User = S['User'];
export type Unit = S['Unit'];
export type DocumentType = S['DocumentType'];
export type Entry = S['Entry'];
export type Priority = Entry['priority'];
export type Direction = Entry['direction'];
export type EntryDetail = S['EntryDetails'];
export type FileVersion = S['DocumentVersion'];
export type Note = EntryDetail['notes'][number];
export type Assignment = EntryDetail['assignments'][number];
export type Delivery = EntryDetail['deliveries'][number];
export type VerificationReport = S['VerificationReport'];
export type ReportedSignature = S['SignatureReport'];
export type Notification = S['Notification'];
export type Register = S['RegistersOfAgency']['registers'][number];
export type Certificate = S['Certificate'];
export type CaseFile = S['CaseFile'];
export type CaseFileDetail = S['CaseFileDetail'];
export type AuditEvent = S['AuditEvent'];
export type ReportSummary = S['ReportSummary'];
export type Ratio = ReportSummary['digitallySigned'];
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}
