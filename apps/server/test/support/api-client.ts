/** Whatever JSON.parse gives: tests read answers field by field, as with supertest's `body`. */
type Body = ReturnType<typeof JSON.parse>;

/** A small fetch client for servers started as child processes (no supertest app there). */
export class ApiClient {
  private readonly tokens = new Map<string, string>();

  constructor(
    readonly url: string,
    private readonly password: string,
  ) {}

  async token(username: string): Promise<string> {
    let token = this.tokens.get(username);
    if (!token) {
      const res = await fetch(`${this.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: this.password }),
      });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
      token = ((await res.json()) as { token: string }).token;
      this.tokens.set(username, token);
    }
    return token;
  }

  async call(username: string, method: string, path: string, body?: object | FormData) {
    const headers: Record<string, string> = { authorization: `Bearer ${await this.token(username)}` };
    let payload: string | FormData | undefined;
    if (body instanceof FormData) payload = body;
    else if (body) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(`${this.url}${path}`, { method, headers, body: payload });
    const text = await res.text();
    const parsed: Body = text ? JSON.parse(text) : {};
    return { status: res.status, body: parsed };
  }

  /** The answer of a call that must succeed. */
  async ok(username: string, method: string, path: string, body?: object | FormData): Promise<Body> {
    const res = await this.call(username, method, path, body);
    if (res.status >= 300)
      throw new Error(`${method} ${path} as ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** The id of the (first) agency in which the user holds a role. */
  async agencyOf(username: string): Promise<string> {
    const me = await this.ok(username, 'GET', '/api/v1/auth/me');
    return (me.roles as { agencyId: string }[])[0].agencyId;
  }
}

/** Polls `probe` until it returns a value, failing with `what` after `ms`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  ms = 60_000,
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
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}
