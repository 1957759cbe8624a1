import { createApiClient, type paths } from '../api/client';
import { adminApi } from './admin-api';
import { allPages } from './all-pages';
import { formData, unwrap } from './http';

/**
 * Every API call of the UI, by resource, through the generated client: paths, parameters, bodies
 * and answers are checked against the server's OpenAPI document at compile time. The browser
 * sends its httpOnly session cookie.
 */
const client = createApiClient();

type Id = string;
const agency = (agencyId: Id) => ({ agencyId });

export interface SearchQuery {
  q?: string;
  direction?: 'incoming' | 'outgoing';
  status?: string[];
  type?: string;
  priority?: 'normal' | 'urgent' | 'very_urgent' | 'flash';
  year?: number;
  from?: string;
  to?: string;
  assigneeId?: string;
  unitId?: string;
  /** with assigneeId / unitId: only their assignments in this role */
  assignedAs?: 'lead' | 'cooperate' | 'inform';
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

type SearchParams = paths['/api/v1/agencies/{agencyId}/entries']['get']['parameters']['query'];

function searchParams(q: SearchQuery): SearchParams {
  return {
    ...q,
    status: q.status?.length
      ? (q.status.join(',') as unknown as NonNullable<SearchParams>['status'])
      : undefined,
    overdue: q.overdue === undefined ? undefined : q.overdue ? 'true' : 'false',
  } as SearchParams;
}

const url = (path: string) => path;

export const api = {
  ...adminApi(client),
  auth: {
    login: (username: string, password: string) =>
      unwrap(client.POST('/api/v1/auth/login', { body: { username, password } })),
    logout: () => unwrap(client.POST('/api/v1/auth/logout')),
    me: () => unwrap(client.GET('/api/v1/auth/me')),
    changePassword: (currentPassword: string, newPassword: string) =>
      unwrap(client.POST('/api/v1/auth/password', { body: { currentPassword, newPassword } })),
  },
  documentTypes: () =>
    allPages((cursor) =>
      unwrap(client.GET('/api/v1/document-types', { params: { query: { limit: 500, cursor } } })),
    ),
  notifications: (query: { unread?: boolean; cursor?: string; limit?: number } = {}) =>
    unwrap(
      client.GET('/api/v1/notifications', {
        params: { query: { ...query, unread: query.unread ? 'true' : undefined } as never },
      }),
    ),
  readNotification: (id: Id) =>
    unwrap(client.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
  registers: (agencyId: Id) =>
    unwrap(client.GET('/api/v1/agencies/{agencyId}/registers', { params: { path: agency(agencyId) } })),
  registerPrintUrl: (agencyId: Id, registerId: Id, format: 'print.pdf' | 'export.xlsx') =>
    url(`/api/v1/agencies/${agencyId}/registers/${registerId}/${format}`),
  search: (agencyId: Id, query: SearchQuery) =>
    unwrap(
      client.GET('/api/v1/agencies/{agencyId}/entries', {
        params: { path: agency(agencyId), query: searchParams(query) },
      }),
    ),
  entry: (agencyId: Id, entryId: Id) =>
    unwrap(
      client.GET('/api/v1/agencies/{agencyId}/entries/{entryId}', {
        params: { path: { agencyId, entryId } },
      }),
    ),
  fileUrl: (agencyId: Id, entryId: Id, versionId: Id) =>
    url(`/api/v1/agencies/${agencyId}/entries/${entryId}/versions/${versionId}/content`),
  mainFileUrl: (agencyId: Id, entryId: Id) =>
    url(`/api/v1/agencies/${agencyId}/entries/${entryId}/main-file/content`),
  overdue: (agencyId: Id, query: { userId?: string; limit?: number } = {}) =>
    unwrap(
      client.GET('/api/v1/agencies/{agencyId}/incoming/overdue', {
        params: { path: agency(agencyId), query },
      }),
    ),
  dueSoon: (agencyId: Id, query: { userId?: string; days?: number; limit?: number } = {}) =>
    unwrap(
      client.GET('/api/v1/agencies/{agencyId}/incoming/due-soon', {
        params: { path: agency(agencyId), query },
      }),
    ),
  incoming: {
    upload: (agencyId: Id, metadata: object, file: File, attachments: File[] = []) =>
      unwrap(
        client.POST('/api/v1/agencies/{agencyId}/incoming', {
          params: { path: agency(agencyId) },
          body: { metadata, file, attachments } as never,
          bodySerializer: formData,
        }),
      ),
    register: (agencyId: Id, entryId: Id, body: { version: number } & Record<string, unknown>) =>
      unwrap(
        client.POST('/api/v1/agencies/{agencyId}/incoming/{entryId}/register', {
          params: { path: { agencyId, entryId } },
          body: body as never,
        }),
      ),
    return: (agencyId: Id, entryId: Id, version: number, reason: string) =>
      unwrap(
        client.POST('/api/v1/agencies/{agencyId}/incoming/{entryId}/return', {
          params: { path: { agencyId, entryId } },
          body: { version, reason },
        }),
      ),
    assign: (
      agencyId: Id,
      entryId: Id,
      body: { version: number; lead: AssignTarget; cooperate: AssignTarget[]; inform: AssignTarget[] },
    ) =>
      unwrap(
        client.POST('/api/v1/agencies/{agencyId}/incoming/{entryId}/assign', {
          params: { path: { agencyId, entryId } },
          body,
        }),
      ),
    note: (agencyId: Id, entryId: Id, kind: 'progress' | 'opinion', body: string) =>
      unwrap(
        client.POST('/api/v1/agencies/{agencyId}/incoming/{entryId}/notes', {
          params: { path: { agencyId, entryId } },
          body: { kind, body },
        }),
      ),
    close: (agencyId: Id, entryId: Id, body: { version: number; replyEntryId?: string; note?: string }) =>
      unwrap(
        client.POST('/api/v1/agencies/{agencyId}/incoming/{entryId}/close', {
          params: { path: { agencyId, entryId } },
          body,
        }),
      ),
  },
  outgoing: {
    create: (agencyId: Id, metadata: object, file: File, attachments: File[] = []) =>
      unwrap(
        client.POST('/api/v1/agencies/{agencyId}/outgoing', {
          params: { path: agency(agencyId) },
          body: { metadata, file, attachments } as never,
          bodySerializer: formData,
        }),
      ),
    decide: (agencyId: Id, entryId: Id, version: number, decision: Decision, comment?: string) =>
      unwrap(
        client.POST('/api/v1/agencies/{agencyId}/outgoing/{entryId}/decisions', {
          params: { path: { agencyId, entryId } },
          body: { version, decision, comment },
        }),
      ),
    sign: (
      agencyId: Id,
      entryId: Id,
      body: {
        version: number;
        passphrase: string;
        certificateId?: string;
        placement?: { page: number; rect: { x: number; y: number; width: number; height: number } };
      },
    ) =>
      unwrap(
        client.POST('/api/v1/agencies/{agencyId}/outgoing/{entryId}/sign', {
          params: { path: { agencyId, entryId } },
          body,
        }),
      ),
    issue: (agencyId: Id, entryId: Id, version: number) =>
      unwrap(
        client.POST('/api/v1/agencies/{agencyId}/outgoing/{entryId}/issue', {
          params: { path: { agencyId, entryId } },
          body: { version },
        }),
      ),
    recall: (agencyId: Id, entryId: Id, version: number, reason: string) =>
      unwrap(
        client.POST('/api/v1/agencies/{agencyId}/outgoing/{entryId}/recall', {
          params: { path: { agencyId, entryId } },
          body: { version, reason },
        }),
      ),
  },
  issued: {
    replace: (
      agencyId: Id,
      entryId: Id,
      body: { version: number; replacementEntryId: string; reason: string },
    ) =>
      unwrap(
        client.POST('/api/v1/agencies/{agencyId}/outgoing/{entryId}/replace', {
          params: { path: { agencyId, entryId } },
          body,
        }),
      ),
    update: (
      agencyId: Id,
      entryId: Id,
      body: {
        version: number;
        reason: string;
        changes: {
          subject?: string;
          dueDate?: string | null;
          toPlaces?: string | null;
          description?: string | null;
          priority?: 'normal' | 'urgent' | 'very_urgent' | 'flash';
        };
      },
    ) =>
      unwrap(
        client.POST('/api/v1/agencies/{agencyId}/outgoing/{entryId}/update', {
          params: { path: { agencyId, entryId } },
          body,
        }),
      ),
  },
  copies: {
    create: (
      agencyId: Id,
      entryId: Id,
      body: { copyType: 'sao-y' | 'sao-luc' | 'trich-sao'; toPlaces?: string; file?: File },
    ) =>
      unwrap(
        client.POST('/api/v1/agencies/{agencyId}/entries/{entryId}/copies', {
          params: { path: { agencyId, entryId } },
          body,
          bodySerializer: formData,
        }),
      ),
    list: (agencyId: Id, entryId: Id) =>
      allPages((cursor) =>
        unwrap(
          client.GET('/api/v1/agencies/{agencyId}/entries/{entryId}/copies', {
            params: { path: { agencyId, entryId }, query: { limit: 500, cursor } },
          }),
        ),
      ),
    contentUrl: (agencyId: Id, copyId: Id) => url(`/api/v1/agencies/${agencyId}/copies/${copyId}/content`),
  },
  caseFiles: {
    list: (agencyId: Id, year?: number) =>
      allPages((cursor) =>
        unwrap(
          client.GET('/api/v1/agencies/{agencyId}/case-files', {
            params: { path: agency(agencyId), query: { year, limit: 500, cursor } },
          }),
        ),
      ),
    get: (agencyId: Id, caseFileId: Id) =>
      unwrap(
        client.GET('/api/v1/agencies/{agencyId}/case-files/{caseFileId}', {
          params: { path: { agencyId, caseFileId } },
        }),
      ),
    create: (agencyId: Id, body: { code: string; title: string; year: number; keeper: string }) =>
      unwrap(
        client.POST('/api/v1/agencies/{agencyId}/case-files', { params: { path: agency(agencyId) }, body }),
      ),
    addEntry: (agencyId: Id, caseFileId: Id, entryId: Id) =>
      unwrap(
        client.POST('/api/v1/agencies/{agencyId}/case-files/{caseFileId}/entries', {
          params: { path: { agencyId, caseFileId } },
          body: { entryId },
        }),
      ),
    removeEntry: (agencyId: Id, caseFileId: Id, entryId: Id) =>
      unwrap(
        client.DELETE('/api/v1/agencies/{agencyId}/case-files/{caseFileId}/entries/{entryId}', {
          params: { path: { agencyId, caseFileId, entryId } },
        }),
      ),
    exportUrl: (agencyId: Id, caseFileId: Id, format: 'pdf' | 'xml') =>
      url(`/api/v1/agencies/${agencyId}/case-files/${caseFileId}/export.${format}`),
  },
  reports: {
    summary: (agencyId: Id, query: { from: string; to: string; includeSubordinates?: boolean }) =>
      unwrap(
        client.GET('/api/v1/agencies/{agencyId}/reports/summary', {
          params: {
            path: agency(agencyId),
            query: { ...query, includeSubordinates: query.includeSubordinates ? 'true' : undefined } as never,
          },
        }),
      ),
  },
  verify: (file: File) => unwrap(client.POST('/api/v1/verify', { body: { file }, bodySerializer: formData })),
  publicVerify: (file: File) =>
    unwrap(client.POST('/api/v1/public/verify', { body: { file }, bodySerializer: formData })),
};
