import type { ApiClient } from '../api/client';
import { allPages } from './all-pages';
import { formData, unwrap } from './http';

type Id = string;
const agency = (agencyId: Id) => ({ agencyId });
const REF = 500;

export interface AgencyFields {
  name?: string;
  shortName?: string | null;
  abbreviation?: string | null;
  parentCode?: string | null;
  levelLabel?: string;
  successorCode?: string | null;
  hosted?: boolean;
  address?: string | null;
  email?: string | null;
  phone?: string | null;
  website?: string | null;
}

/**
 * The administration calls of the UI (users, units, audit, certificates, directory, register
 * settings). Short reference lists are read whole through every page (allPages); the audit trail
 * and the directory page in the screens that show them.
 */
export function adminApi(client: ApiClient) {
  return {
    users: (agencyId: Id) =>
      allPages((cursor) =>
        unwrap(
          client.GET('/api/v1/agencies/{agencyId}/users', {
            params: { path: agency(agencyId), query: { limit: REF, cursor } },
          }),
        ),
      ),
    createUser: (
      agencyId: Id,
      body: {
        username: string;
        fullName: string;
        password: string;
        position?: string;
        unitId?: string;
        roles?: string[];
      },
    ) =>
      unwrap(
        client.POST('/api/v1/agencies/{agencyId}/users', {
          params: { path: agency(agencyId) },
          body: body as never,
        }),
      ),
    updateUser: (agencyId: Id, userId: Id, body: { version: number; active?: boolean }) =>
      unwrap(
        client.PATCH('/api/v1/agencies/{agencyId}/users/{userId}', {
          params: { path: { agencyId, userId } },
          body,
        }),
      ),
    units: (agencyId: Id) =>
      allPages((cursor) =>
        unwrap(
          client.GET('/api/v1/agencies/{agencyId}/units', {
            params: { path: agency(agencyId), query: { limit: REF, cursor } },
          }),
        ),
      ),
    createUnit: (agencyId: Id, body: { code: string; name: string; abbreviation: string }) =>
      unwrap(client.POST('/api/v1/agencies/{agencyId}/units', { params: { path: agency(agencyId) }, body })),
    auditEvents: (agencyId: Id, query: { cursor?: string; limit?: number }) =>
      unwrap(
        client.GET('/api/v1/agencies/{agencyId}/audit-events', {
          params: { path: agency(agencyId), query },
        }),
      ),
    certificates: (agencyId: Id) =>
      allPages((cursor) =>
        unwrap(
          client.GET('/api/v1/agencies/{agencyId}/certificates', {
            params: { path: agency(agencyId), query: { limit: REF, cursor } },
          }),
        ),
      ),
    importCertificate: (
      agencyId: Id,
      kind: 'organisation' | 'personal',
      body: { file: File; passphrase: string; userId?: string },
    ) =>
      kind === 'organisation'
        ? unwrap(
            client.POST('/api/v1/agencies/{agencyId}/certificates/organisation', {
              params: { path: agency(agencyId) },
              body: { file: body.file, passphrase: body.passphrase },
              bodySerializer: formData,
            }),
          )
        : unwrap(
            client.POST('/api/v1/agencies/{agencyId}/certificates/personal', {
              params: { path: agency(agencyId) },
              body,
              bodySerializer: formData,
            }),
          ),
    revokeCertificate: (agencyId: Id, id: Id, reason: string) =>
      unwrap(
        client.POST('/api/v1/agencies/{agencyId}/certificates/{id}/revoke', {
          params: { path: { agencyId, id } },
          body: { reason },
        }),
      ),
    replaceCertificate: (agencyId: Id, id: Id, body: { file: File; passphrase: string }) =>
      unwrap(
        client.POST('/api/v1/agencies/{agencyId}/certificates/{id}/replace', {
          params: { path: { agencyId, id } },
          body,
          bodySerializer: formData,
        }),
      ),
    putAppearance: (agencyId: Id, id: Id, png: File) =>
      unwrap(
        client.PUT('/api/v1/agencies/{agencyId}/certificates/{id}/appearance', {
          params: { path: { agencyId, id } },
          body: { file: png },
          bodySerializer: formData,
        }),
      ),
    registerSettings: (agencyId: Id, outgoingSeries: 'single' | 'per_type') =>
      unwrap(
        client.PUT('/api/v1/agencies/{agencyId}/register-settings', {
          params: { path: agency(agencyId) },
          body: { outgoingSeries },
        }),
      ),
    directory: {
      agencies: (
        query: { q?: string; hosted?: boolean; parentCode?: string; cursor?: string; limit?: number } = {},
      ) =>
        unwrap(
          client.GET('/api/v1/directory/agencies', {
            params: {
              query: {
                ...query,
                hosted: query.hosted === undefined ? undefined : query.hosted ? 'true' : 'false',
              },
            },
          }),
        ),
      get: (code: string) =>
        unwrap(client.GET('/api/v1/directory/agencies/{code}', { params: { path: { code } } })),
      update: (code: string, body: AgencyFields & { version: number }) =>
        unwrap(client.PATCH('/api/v1/directory/agencies/{code}', { params: { path: { code } }, body })),
      import: (format: 'json' | 'csv', content: string) =>
        unwrap(client.POST('/api/v1/directory/import', { body: { format, content } })),
      exportUrl: (format: 'json' | 'csv') => `/api/v1/directory/export?format=${format}`,
    },
  };
}
