import { PDFDocument } from '@cantoo/pdf-lib';
import { insertDistrictAndCommunes, insertUser, TEST_PASSWORD } from '@vanthu/test-kit';
import { startTestServer, type TestServer } from '@vanthu/test-kit/test-server';
import { createApiClient, multipart } from './client';

/**
 * The generated client against the real server: what the web UI will do. The types are checked by
 * `npm run typecheck` (a wrong path, field or answer does not compile); this proves the requests
 * they describe are the ones the server accepts, including a multipart upload and a refusal.
 */
describe('typed API client (apps/web/src/api/client.ts)', () => {
  let server: TestServer;
  let districtId: string;

  beforeAll(async () => {
    server = await startTestServer();
    const { district } = await insertDistrictAndCommunes(server.db.dataSource);
    districtId = district.id;
    await insertUser(server.db.dataSource, {
      agencyId: district.id,
      username: 'huyen.vanthu',
      roles: ['clerk'],
    });
  });
  afterAll(() => server.close());

  async function signedIn() {
    const anonymous = createApiClient({ baseUrl: server.url });
    const login = await anonymous.POST('/api/v1/auth/login', {
      body: { username: 'huyen.vanthu', password: TEST_PASSWORD },
    });
    expect(login.response.status).toBe(200);
    return createApiClient({ baseUrl: server.url, token: login.data!.token });
  }

  it('logs in, reads the current user and creates and lists case files', async () => {
    const api = await signedIn();
    const me = await api.GET('/api/v1/auth/me');
    expect(me.data?.username).toBe('huyen.vanthu');
    expect(me.data?.roles).toEqual([{ agencyId: districtId, agencyCode: '000.00.12.H15', role: 'clerk' }]);

    const created = await api.POST('/api/v1/agencies/{agencyId}/case-files', {
      params: { path: { agencyId: districtId } },
      body: { code: '01.HS', title: 'Hồ sơ thi đua khen thưởng', year: 2026, keeper: 'Trần Thị Bình' },
    });
    expect(created.response.status).toBe(201);
    expect(created.data).toMatchObject({ code: '01.HS', title: 'Hồ sơ thi đua khen thưởng', entryCount: 0 });

    const list = await api.GET('/api/v1/agencies/{agencyId}/case-files', {
      params: { path: { agencyId: districtId }, query: { year: 2026 } },
    });
    expect(list.data?.items.map((f) => f.id)).toEqual([created.data!.id]);
    expect(list.data?.total).toBe(1);
  });

  it('gives a refusal as a typed error with its code and Vietnamese message', async () => {
    const api = await signedIn();
    const refused = await api.POST('/api/v1/agencies/{agencyId}/case-files', {
      params: { path: { agencyId: districtId } },
      body: { code: '02.HS', title: '', year: 2026, keeper: 'Bình' },
    });
    expect(refused.response.status).toBe(400);
    expect(refused.data).toBeUndefined();
    expect(refused.error).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Dữ liệu không hợp lệ' });
    expect(refused.error?.details?.issues).toEqual([
      { path: 'title', code: 'TOO_SMALL', message: 'Không được để trống' },
    ]);
  });

  it('uploads a file through the multipart serializer', async () => {
    const api = await signedIn();
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]);
    const pdf = new Blob([await doc.save()], { type: 'application/pdf' });
    const verified = await api.POST('/api/v1/verify', { body: { file: pdf }, bodySerializer: multipart });
    expect(verified.response.status).toBe(200);
    expect(verified.data).toMatchObject({ verdict: 'unsigned', signatures: [] });
  });
});
