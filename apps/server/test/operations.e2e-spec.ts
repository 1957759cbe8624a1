import request from 'supertest';
import { insertAgency, insertUser, startS3TestServer, TEST_PASSWORD } from '@vanthu/test-kit';
import { startTestServer, type TestServer } from '@vanthu/test-kit/test-server';

describe('operations: logs, probes, OpenAPI, errors', () => {
  let server: TestServer;
  const logLines: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({}, undefined, { logLines });
    const agency = await insertAgency(server.db.dataSource, {
      code: '000.05.12.H15',
      name: 'Ủy ban nhân dân xã Ea Wy',
    });
    await insertUser(server.db.dataSource, { agencyId: agency.id, username: 'ops.user', roles: ['clerk'] });
  });
  afterAll(() => server.close());

  it('writes JSON access lines with the request id and never a password, token or cookie', async () => {
    const ok = await request(server.url)
      .post('/api/v1/auth/login')
      .set('X-Request-Id', 'test-request-0001')
      .send({ username: 'ops.user', password: TEST_PASSWORD })
      .expect(200);
    expect(ok.headers['x-request-id']).toBe('test-request-0001');
    const token: string = ok.body.token;
    await request(server.url).get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    await request(server.url)
      .post('/api/v1/auth/login')
      .send({ username: 'ops.user', password: 'Sai-mat-khau-99' })
      .expect(401);

    const lines = logLines.map((l) => JSON.parse(l) as { req?: { id?: string; url?: string } });
    expect(lines.some((l) => l.req?.id === 'test-request-0001' && l.req.url === '/api/v1/auth/login')).toBe(
      true,
    );
    const all = logLines.join('\n');
    expect(all).not.toContain(TEST_PASSWORD);
    expect(all).not.toContain('Sai-mat-khau-99');
    expect(all).not.toContain(token);
    expect(all).not.toMatch(/vanthu_session=/);
  });

  it('reports liveness and readiness', async () => {
    await request(server.url).get('/health').expect(200, { status: 'ok' });
    const ready = await request(server.url).get('/ready').expect(200);
    expect(ready.body.checks).toEqual({ database: true, storage: true });
  });

  it('publishes OpenAPI with the routes', async () => {
    const doc = await request(server.url).get('/api/docs/openapi.json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/agencies/{agencyId}/users',
        '/api/v1/directory/agencies',
      ]),
    );
  });

  it('answers an unknown route with the common error shape', async () => {
    const res = await request(server.url).get('/api/v1/khong-co').expect(404);
    expect(res.body).toEqual({ code: 'NOT_FOUND', message: 'Không tìm thấy.', errorId: expect.any(String) });
  });
});

describe('readiness follows the object storage', () => {
  it('turns 503 when the S3 server goes away, naming the failed check', async () => {
    const s3 = await startS3TestServer();
    const server = await startTestServer({
      S3_ENDPOINT: `http://${s3.endPoint}:${s3.port}`,
      S3_ACCESS_KEY: s3.accessKey,
      S3_SECRET_KEY: s3.secretKey,
      S3_BUCKET: 'vanthu-ready',
    });
    try {
      await request(server.url).get('/ready').expect(200);
      await s3.stop();
      const res = await request(server.url).get('/ready').expect(503);
      expect(res.body).toMatchObject({
        code: 'NOT_READY',
        details: { checks: { database: true, storage: false } },
      });
    } finally {
      await server.close();
      await s3.stop().catch(() => undefined);
    }
  });
});
