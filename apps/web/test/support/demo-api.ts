import { DEMO_PASSWORD } from './built-server';

export interface ApiEntry {
  id: string;
  version: number;
  status: string;
  numberNotation: string | null;
  arrivalNumber: string | null;
  subject: string;
}

/** The demo world through the REST API, to put a test's documents in place before the browser acts. */
export class DemoApi {
  private readonly tokens = new Map<string, string>();
  private readonly meCache = new Map<string, { userId: string; agencyId: string }>();

  constructor(readonly url: string) {}

  async token(username: string): Promise<string> {
    let token = this.tokens.get(username);
    if (!token) {
      const res = await fetch(`${this.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: DEMO_PASSWORD }),
      });
      if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
      token = ((await res.json()) as { token: string }).token;
      this.tokens.set(username, token);
    }
    return token;
  }

  async call<T>(username: string, method: string, path: string, body?: object | FormData): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${await this.token(username)}` };
    let payload: string | FormData | undefined;
    if (body instanceof FormData) payload = body;
    else if (body) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const res = await fetch(`${this.url}${path}`, { method, headers, body: payload });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} as ${username}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async me(username: string): Promise<{ userId: string; agencyId: string }> {
    let me = this.meCache.get(username);
    if (!me) {
      me = await this.call<{ userId: string; agencyId: string }>(username, 'GET', '/api/v1/auth/me');
      this.meCache.set(username, me);
    }
    return me;
  }

  async agencyOf(username: string): Promise<string> {
    return (await this.me(username)).agencyId;
  }

  /** A draft by `drafter` for `leader` to sign, to the given agency codes. */
  async draft(
    drafter: string,
    leader: string,
    pdf: Buffer,
    meta: { subject: string; typeCode?: string; recipients: string[]; replyToEntryId?: string },
  ) {
    const agencyId = await this.agencyOf(drafter);
    const form = new FormData();
    form.append(
      'metadata',
      JSON.stringify({
        typeCode: meta.typeCode ?? 'CV',
        subject: meta.subject,
        signerUserId: (await this.me(leader)).userId,
        replyToEntryId: meta.replyToEntryId,
        recipients: meta.recipients.map((organId) => ({ kind: 'agency', organId })),
      }),
    );
    form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'van-ban.pdf');
    return this.call<ApiEntry>(drafter, 'POST', `/api/v1/agencies/${agencyId}/outgoing`, form);
  }

  /** Draft → submit → forward → approve (→ sign with the passphrase → issue by the clerk). */
  async sendOut(
    people: { drafter: string; leader: string; clerk: string; passphrase: string },
    pdf: Buffer,
    meta: { subject: string; typeCode?: string; recipients: string[] },
    until: 'approved' | 'signed' | 'issued' = 'issued',
  ): Promise<ApiEntry> {
    const agencyId = await this.agencyOf(people.drafter);
    const base = `/api/v1/agencies/${agencyId}/outgoing`;
    let entry = await this.draft(people.drafter, people.leader, pdf, meta);
    for (const [user, decision] of [
      [people.drafter, 'submit'],
      [people.leader, 'forward'],
      [people.leader, 'approve'],
    ])
      entry = await this.call<ApiEntry>(user, 'POST', `${base}/${entry.id}/decisions`, {
        version: entry.version,
        decision,
      });
    if (until === 'approved') return entry;
    const signed = await this.call<ApiEntry>(people.leader, 'POST', `${base}/${entry.id}/sign`, {
      version: entry.version,
      passphrase: people.passphrase,
    });
    if (until === 'signed') return { ...entry, version: signed.version, status: 'signed' };
    return this.call<ApiEntry>(people.clerk, 'POST', `${base}/${entry.id}/issue`, {
      version: signed.version,
    });
  }

  async inbox(clerk: string): Promise<ApiEntry[]> {
    const agencyId = await this.agencyOf(clerk);
    const res = await this.call<{ items: ApiEntry[] }>(
      clerk,
      'GET',
      `/api/v1/agencies/${agencyId}/incoming/inbox?limit=200`,
    );
    return res.items;
  }

  async entry(username: string, entryId: string) {
    const agencyId = await this.agencyOf(username);
    return this.call<ApiEntry & Record<string, unknown>>(
      username,
      'GET',
      `/api/v1/agencies/${agencyId}/entries/${entryId}`,
    );
  }
}
