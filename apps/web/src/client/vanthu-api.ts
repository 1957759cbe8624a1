import { http, type Query } from './http';
import type {
  Agency,
  AuditEvent,
  CaseFile,
  Certificate,
  DocumentType,
  Entry,
  EntryDetail,
  Me,
  Notification,
  Page,
  Register,
  ReportSummary,
  Unit,
  User,
  VerificationReport,
} from './types';

const agencyPath = (agencyId: string) => `/api/v1/agencies/${encodeURIComponent(agencyId)}`;

export interface SearchQuery extends Query {
  q?: string;
  direction?: 'incoming' | 'outgoing';
  status?: string[];
  type?: string;
  priority?: string;
  year?: number;
  from?: string;
  to?: string;
  assigneeId?: string;
  unitId?: string;
  registerId?: string;
  overdue?: boolean;
  limit?: number;
  cursor?: string;
}

export interface AssignTarget {
  unitId?: string;
  userId?: string;
  deadline?: string | null;
  instructions?: string | null;
}

export type Decision = 'submit' | 'forward' | 'approve' | 'return';

/** Every API call of the UI, by resource (see README "API (v1)"). */
export const api = {
  auth: {
    login: (username: string, password: string) =>
      http.post<{ token: string; expiresAt: string }>('/api/v1/auth/login', { username, password }),
    logout: () => http.post<void>('/api/v1/auth/logout'),
    me: () => http.get<Me>('/api/v1/auth/me'),
    changePassword: (currentPassword: string, newPassword: string) =>
      http.post<void>('/api/v1/auth/password', { currentPassword, newPassword }),
  },
  directory: {
    agencies: (query: { q?: string; hosted?: boolean; parentCode?: string } = {}) =>
      http.get<{ items: Agency[] }>('/api/v1/directory/agencies', query),
  },
  documentTypes: () => http.get<DocumentType[]>('/api/v1/document-types'),
  users: (agencyId: string) => http.get<User[]>(`${agencyPath(agencyId)}/users`),
  createUser: (agencyId: string, body: object) => http.post<User>(`${agencyPath(agencyId)}/users`, body),
  updateUser: (agencyId: string, userId: string, body: object) =>
    http.patch<User>(`${agencyPath(agencyId)}/users/${userId}`, body),
  units: (agencyId: string) => http.get<Unit[]>(`${agencyPath(agencyId)}/units`),
  createUnit: (agencyId: string, body: object) => http.post<Unit>(`${agencyPath(agencyId)}/units`, body),
  updateUnit: (agencyId: string, unitId: string, body: object) =>
    http.patch<Unit>(`${agencyPath(agencyId)}/units/${unitId}`, body),
  auditEvents: (agencyId: string, query: { before?: string; limit?: number }) =>
    http.get<AuditEvent[]>(`${agencyPath(agencyId)}/audit-events`, query),
  certificates: (agencyId: string) => http.get<Certificate[]>(`${agencyPath(agencyId)}/certificates`),
  putAppearance: (agencyId: string, certificateId: string, png: File) => {
    const form = new FormData();
    form.append('file', png);
    return http.put<Certificate>(`${agencyPath(agencyId)}/certificates/${certificateId}/appearance`, form);
  },
  notifications: () => http.get<{ unread: number; items: Notification[] }>('/api/v1/notifications'),
  readNotification: (id: string) => http.post<void>(`/api/v1/notifications/${id}/read`),
  registers: (agencyId: string) =>
    http.get<{ outgoingSeries: string; registers: Register[] }>(`${agencyPath(agencyId)}/registers`),
  registerPrintUrl: (agencyId: string, registerId: string, format: 'print.pdf' | 'export.xlsx') =>
    `${agencyPath(agencyId)}/registers/${registerId}/${format}`,
  search: (agencyId: string, query: SearchQuery) =>
    http.get<Page<Entry>>(`${agencyPath(agencyId)}/entries`, query),
  entry: (agencyId: string, entryId: string) =>
    http.get<EntryDetail>(`${agencyPath(agencyId)}/entries/${encodeURIComponent(entryId)}`),
  fileUrl: (agencyId: string, entryId: string, versionId: string) =>
    `${agencyPath(agencyId)}/entries/${entryId}/versions/${versionId}/content`,
  overdue: (agencyId: string, query: { userId?: string; limit?: number } = {}) =>
    http.get<Entry[] | Page<Entry>>(`${agencyPath(agencyId)}/incoming/overdue`, query),
  dueSoon: (agencyId: string, query: { userId?: string; days?: number; limit?: number } = {}) =>
    http.get<Entry[] | Page<Entry>>(`${agencyPath(agencyId)}/incoming/due-soon`, query),
  incoming: {
    upload: (agencyId: string, metadata: object, file: File, attachments: File[] = []) => {
      const form = new FormData();
      form.append('metadata', JSON.stringify(metadata));
      form.append('file', file);
      for (const a of attachments) form.append('attachments', a);
      return http.post<Entry>(`${agencyPath(agencyId)}/incoming`, form);
    },
    register: (agencyId: string, entryId: string, body: object) =>
      http.post<Entry>(`${agencyPath(agencyId)}/incoming/${entryId}/register`, body),
    return: (agencyId: string, entryId: string, version: number, reason: string) =>
      http.post<Entry>(`${agencyPath(agencyId)}/incoming/${entryId}/return`, { version, reason }),
    assign: (
      agencyId: string,
      entryId: string,
      body: { version: number; lead: AssignTarget; cooperate: AssignTarget[]; inform: AssignTarget[] },
    ) => http.post<Entry>(`${agencyPath(agencyId)}/incoming/${entryId}/assign`, body),
    note: (agencyId: string, entryId: string, kind: 'progress' | 'opinion', body: string) =>
      http.post<unknown>(`${agencyPath(agencyId)}/incoming/${entryId}/notes`, { kind, body }),
    close: (
      agencyId: string,
      entryId: string,
      body: { version: number; replyEntryId?: string; note?: string },
    ) => http.post<Entry>(`${agencyPath(agencyId)}/incoming/${entryId}/close`, body),
  },
  outgoing: {
    create: (agencyId: string, metadata: object, file: File, attachments: File[] = []) => {
      const form = new FormData();
      form.append('metadata', JSON.stringify(metadata));
      form.append('file', file);
      for (const a of attachments) form.append('attachments', a);
      return http.post<Entry>(`${agencyPath(agencyId)}/outgoing`, form);
    },
    update: (agencyId: string, entryId: string, body: object) =>
      http.patch<Entry>(`${agencyPath(agencyId)}/outgoing/${entryId}`, body),
    decide: (agencyId: string, entryId: string, version: number, decision: Decision, comment?: string) =>
      http.post<Entry>(`${agencyPath(agencyId)}/outgoing/${entryId}/decisions`, {
        version,
        decision,
        comment,
      }),
    sign: (
      agencyId: string,
      entryId: string,
      body: {
        version: number;
        passphrase: string;
        certificateId?: string;
        placement?: { page: number; rect: { x: number; y: number; width: number; height: number } };
      },
    ) =>
      http.post<{ entryVersion: number; status: string }>(
        `${agencyPath(agencyId)}/outgoing/${entryId}/sign`,
        body,
      ),
    issue: (agencyId: string, entryId: string, version: number) =>
      http.post<Entry>(`${agencyPath(agencyId)}/outgoing/${entryId}/issue`, { version }),
    recall: (agencyId: string, entryId: string, version: number, reason: string) =>
      http.post<Entry>(`${agencyPath(agencyId)}/outgoing/${entryId}/recall`, { version, reason }),
    replace: (
      agencyId: string,
      entryId: string,
      body: { version: number; replacementEntryId: string; reason: string },
    ) => http.post<Entry>(`${agencyPath(agencyId)}/outgoing/${entryId}/replace`, body),
  },
  copies: {
    create: (agencyId: string, entryId: string, copyType: 'sao-y' | 'sao-luc', toPlaces?: string) =>
      http.post<unknown>(`${agencyPath(agencyId)}/entries/${entryId}/copies`, { copyType, toPlaces }),
  },
  caseFiles: {
    list: (agencyId: string, year?: number) =>
      http.get<CaseFile[]>(`${agencyPath(agencyId)}/case-files`, { year }),
    get: (agencyId: string, id: string) => http.get<CaseFile>(`${agencyPath(agencyId)}/case-files/${id}`),
    create: (agencyId: string, body: { code: string; title: string; year: number; keeper: string }) =>
      http.post<CaseFile>(`${agencyPath(agencyId)}/case-files`, body),
    addEntry: (agencyId: string, id: string, entryId: string) =>
      http.post<unknown>(`${agencyPath(agencyId)}/case-files/${id}/entries`, { entryId }),
    removeEntry: (agencyId: string, id: string, entryId: string) =>
      http.delete<unknown>(`${agencyPath(agencyId)}/case-files/${id}/entries/${entryId}`),
    exportUrl: (agencyId: string, id: string, format: 'pdf' | 'xml') =>
      `${agencyPath(agencyId)}/case-files/${id}/export.${format}`,
  },
  reports: {
    summary: (agencyId: string, query: { from: string; to: string; includeSubordinates?: boolean }) =>
      http.get<ReportSummary>(`${agencyPath(agencyId)}/reports/summary`, query),
  },
  verify: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return http.post<VerificationReport>('/api/v1/verify', form);
  },
  publicVerify: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return http.post<VerificationReport>('/api/v1/public/verify', form);
  },
};
