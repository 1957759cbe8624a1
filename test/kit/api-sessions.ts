import request from 'supertest';
import { TEST_PASSWORD } from './factories';

/**
 * Logs test users in once each and sends their requests with the bearer token, so e2e specs read
 * as "who does what". `clear()` forgets the tokens (after moving a test clock past their expiry).
 */
export class ApiSessions {
  private readonly tokens = new Map<string, string>();

  constructor(
    private readonly url: string,
    private readonly password = TEST_PASSWORD,
  ) {}

  /** The user's session token, logging in the first time. */
  async token(username: string): Promise<string> {
    let token = this.tokens.get(username);
    if (!token) {
      const res = await request(this.url)
        .post('/api/v1/auth/login')
        .send({ username, password: this.password });
      if (res.status !== 200)
        throw new Error(`login of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      token = res.body.token as string;
      this.tokens.set(username, token);
    }
    return token;
  }

  /** The Authorization header value for the user. */
  async bearer(username: string): Promise<string> {
    return `Bearer ${await this.token(username)}`;
  }

  async get(username: string, path: string) {
    return request(this.url)
      .get(path)
      .set('Authorization', await this.bearer(username));
  }

  async post(username: string, path: string, body?: object) {
    const req = request(this.url)
      .post(path)
      .set('Authorization', await this.bearer(username));
    return body ? req.send(body) : req;
  }

  async patch(username: string, path: string, body: object) {
    return request(this.url)
      .patch(path)
      .set('Authorization', await this.bearer(username))
      .send(body);
  }

  async put(username: string, path: string) {
    return request(this.url)
      .put(path)
      .set('Authorization', await this.bearer(username));
  }

  clear(): void {
    this.tokens.clear();
  }
}
