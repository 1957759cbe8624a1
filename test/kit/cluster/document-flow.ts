import request from 'supertest';
import type { ApiSessions } from '../api-sessions';

/** An installation reached through its API (a ClusterInstallation, or one the demo launcher started). */
export interface ApiNode {
  readonly name: string;
  readonly url: string;
  readonly api: ApiSessions;
}

/** What a JSON answer holds: tests read it field by field, as with supertest's `body`. */
type Body = ReturnType<typeof JSON.parse>;

/** The demo accounts of one agency, by their prefix (`vpcp`, `huyen`, `eadrang`, `easol`). */
export interface AgencyPeople {
  readonly drafter: string;
  readonly leader: string;
  readonly clerk: string;
  readonly specialist: string;
}

export function demoPeople(prefix: string): AgencyPeople {
  return {
    drafter: `${prefix}.chuyenvien`,
    leader: `${prefix}.lanhdao`,
    clerk: `${prefix}.vanthu`,
    specialist: `${prefix}.chuyenvien`,
  };
}

/** The answer of a call that must succeed (status < 300). */
export async function ok(
  node: ApiNode,
  username: string,
  method: 'get' | 'post' | 'patch',
  path: string,
  body?: object,
): Promise<Body> {
  const res =
    method === 'get'
      ? await node.api.get(username, path)
      : method === 'patch'
        ? await node.api.patch(username, path, body ?? {})
        : await node.api.post(username, path, body);
  if (res.status >= 300)
    throw new Error(
      `${node.name}: ${method} ${path} as ${username}: ${res.status} ${JSON.stringify(res.body)}`,
    );
  return res.body;
}

/** The id of the agency in which the user holds a role, on that installation. */
export async function agencyOf(node: ApiNode, username: string): Promise<string> {
  const me = await ok(node, username, 'get', '/api/v1/auth/me');
  return (me.roles as { agencyId: string }[])[0].agencyId;
}

export interface DraftInput {
  readonly subject: string;
  readonly typeCode?: string;
  /** Agency codes. */
  readonly recipients: readonly string[];
  readonly pdf: Buffer;
  readonly attachments?: readonly Buffer[];
  /** The incoming entry this document answers (issuing it closes that entry). */
  readonly replyToEntryId?: string;
}

/** A draft reviewed, approved and signed by its leader, ready to be issued by the clerk. */
export interface SignedDraft {
  readonly id: string;
  readonly version: number;
}

/**
 * Drafts, reviews and signs (the leader's personal signature) a document at `node`, as the agency's
 * demo people do through the API.
 */
export async function prepareDocument(
  node: ApiNode,
  agencyId: string,
  people: AgencyPeople,
  passphrase: string,
  input: DraftInput,
): Promise<SignedDraft> {
  const base = `/api/v1/agencies/${agencyId}/outgoing`;
  const leader = await ok(node, people.leader, 'get', '/api/v1/auth/me');
  let req = request(node.url)
    .post(base)
    .set('Authorization', await node.api.bearer(people.drafter))
    .field(
      'metadata',
      JSON.stringify({
        typeCode: input.typeCode ?? 'CV',
        subject: input.subject,
        signerUserId: leader.userId,
        recipients: input.recipients.map((organId) => ({ kind: 'agency', organId })),
        ...(input.replyToEntryId ? { replyToEntryId: input.replyToEntryId } : {}),
      }),
    )
    .attach('file', input.pdf, { filename: 'van-ban.pdf', contentType: 'application/pdf' });
  for (const [i, attachment] of (input.attachments ?? []).entries())
    req = req.attach('attachments', attachment, {
      filename: `phu-luc-${i + 1}.pdf`,
      contentType: 'application/pdf',
    });
  const created = await req;
  if (created.status !== 201)
    throw new Error(`${node.name}: draft: ${created.status} ${JSON.stringify(created.body)}`);
  const id = created.body.id as string;
  let version = created.body.version as number;
  for (const [user, decision] of [
    [people.drafter, 'submit'],
    [people.leader, 'forward'],
    [people.leader, 'approve'],
  ] as const)
    version = (await ok(node, user, 'post', `${base}/${id}/decisions`, { version, decision })).version;
  version = (await ok(node, people.leader, 'post', `${base}/${id}/sign`, { version, passphrase })).version;
  return { id, version };
}

/** The clerk issues a signed draft: number, organisation signature, one delivery per recipient. */
export function issuePrepared(
  node: ApiNode,
  agencyId: string,
  people: AgencyPeople,
  draft: SignedDraft,
): Promise<Body> {
  return ok(node, people.clerk, 'post', `/api/v1/agencies/${agencyId}/outgoing/${draft.id}/issue`, {
    version: draft.version,
  });
}

/** Drafts, reviews, signs and issues: the issued entry. */
export async function issueDocument(
  node: ApiNode,
  agencyId: string,
  people: AgencyPeople,
  passphrase: string,
  input: DraftInput,
): Promise<Body> {
  return issuePrepared(
    node,
    agencyId,
    people,
    await prepareDocument(node, agencyId, people, passphrase, input),
  );
}

/** The entries of an agency's inbox on that installation. */
export async function inbox(node: ApiNode, clerk: string, agencyId: string): Promise<Body[]> {
  const list = await ok(node, clerk, 'get', `/api/v1/agencies/${agencyId}/incoming/inbox`);
  return Array.isArray(list) ? list : list.items;
}

/** Polls `probe` until it gives a value, failing with `what` (and the last error) after `ms`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  ms = 120_000,
  everyMs = 250,
): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out after ${ms / 1000} s waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}
