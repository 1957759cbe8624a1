import request from 'supertest';
import { addDays, vietnamDate } from '@vanthu/registers';
import {
  ApiSessions,
  getTestPki,
  insertDistrictAndCommunes,
  insertUser,
  listStoredObjects,
  startS3TestServer,
  type AgencyRow,
  type S3TestServer,
  type TestPki,
} from '@vanthu/test-kit';
import { startTestServer, type TestServer } from '@vanthu/test-kit/test-server';
import { nd30Pdf } from '../../../libs/signing/test-fixtures/nd30-document';
import { giveSeal, giveSignature, trustTestPki } from './support/signing-world';

/**
 * Issue 14 §2: nothing a refused request wrote stays in object storage. Each route that stores a
 * file is refused after its file was written (a duplicate, or a real database failure injected with
 * a CHECK constraint that only the request's own row violates) and before (bad files); after each
 * refusal the backend's listing is what it was, and no claim is left behind.
 */
describe.each(['filesystem', 's3'] as const)('a refused request leaves %s storage as it was', (backend) => {
  let s3: S3TestServer | undefined;
  let server: TestServer;
  let pki: TestPki;
  let district: AgencyRow;
  let communeA: AgencyRow;
  let api: ApiSessions;
  const ids: Record<string, string> = {};
  const SIGNER = 'Nguyễn Văn Ấn';

  beforeAll(async () => {
    pki = await getTestPki();
    s3 = backend === 's3' ? await startS3TestServer() : undefined;
    server = await startTestServer(
      s3
        ? {
            S3_ENDPOINT: `http://${s3.endPoint}:${s3.port}`,
            S3_ACCESS_KEY: s3.accessKey,
            S3_SECRET_KEY: s3.secretKey,
            S3_BUCKET: 'vanthu-refusals',
          }
        : {},
    );
    expect(server.config.storage.driver).toBe(backend);
    const ds = server.db.dataSource;
    ({ district, communeA } = await insertDistrictAndCommunes(ds));
    for (const [username, agency, roles, fullName] of [
      ['d.spec', district, ['specialist'], undefined],
      ['d.leader', district, ['leader'], SIGNER],
      ['d.leader2', district, ['leader'], undefined],
      ['d.clerk', district, ['clerk'], undefined],
      ['a.clerk', communeA, ['clerk'], undefined],
    ] as const)
      ids[username] = (
        await insertUser(ds, { agencyId: agency.id, username, roles: [...roles], fullName })
      ).id;
    await trustTestPki(server, pki);
    await giveSeal(server, district.id, pki.organisations[0]);
    await giveSignature(server, district.id, ids['d.leader'], pki.people[0]);
    api = new ApiSessions(server.url);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await s3?.stop();
  });

  const listing = () => listStoredObjects(server.config.storage);
  const claims = async () =>
    Number((await server.db.dataSource.query('SELECT count(*) AS n FROM stored_object_claim'))[0].n);

  /** Runs a request that must be refused with `status` / `code`; storage must be as before it. */
  async function refusedLeavingNothing(
    send: () => Promise<request.Response>,
    status: number,
    code: string,
  ): Promise<void> {
    const before = await listing();
    const res = await send();
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(await listing()).toEqual(before);
    expect(await claims()).toBe(0);
  }

  /**
   * A real database failure for the duration of `body`: a CHECK constraint (NOT VALID: rows already
   * there are not checked) that the request's own row violates after its files were written.
   */
  async function failingWith<T>(table: string, check: string, body: () => Promise<T>): Promise<T> {
    const ds = server.db.dataSource;
    await ds.query(`ALTER TABLE ${table} ADD CONSTRAINT ck_test_refusal CHECK (${check}) NOT VALID`);
    try {
      return await body();
    } finally {
      await ds.query(`ALTER TABLE ${table} DROP CONSTRAINT ck_test_refusal`);
    }
  }

  let seq = 0;
  /** A different PDF each call (its bytes, hence its storage key): a comment after the trailer. */
  const freshPdf = async () =>
    Buffer.concat([await nd30Pdf({ signerName: SIGNER }), Buffer.from(`%vanthu-refusal-${++seq}\n`)]);

  function incoming(pdf: Buffer, over: Record<string, unknown> = {}, attachments: Buffer[] = []) {
    return async () => {
      const req = request(server.url)
        .post(`/api/v1/agencies/${district.id}/incoming`)
        .set('Authorization', await api.bearer('d.clerk'))
        .field(
          'metadata',
          JSON.stringify({
            typeCode: 'CV',
            codeNumber: '125',
            codeNotation: 'UBND-KT',
            issuedDate: addDays(vietnamDate(new Date()), -1),
            subject: 'Về việc triển khai chữ ký số trong gửi nhận văn bản điện tử',
            organId: '000.00.00.H15',
            organName: 'UBND tỉnh Đắk Lắk',
            ...over,
          }),
        )
        .attach('file', pdf, { filename: 'Công văn.pdf', contentType: 'application/pdf' });
      for (const a of attachments)
        req.attach('attachments', a, { filename: 'Phụ lục.pdf', contentType: 'application/pdf' });
      return req;
    };
  }

  it('incoming: a duplicate, a database failure and bad files', async () => {
    const first = await freshPdf();
    const registered = await incoming(first)();
    expect(registered.status).toBe(201);

    // the same document again: new bytes, then the very bytes already stored for the first
    await refusedLeavingNothing(incoming(await freshPdf()), 409, 'ENTRY_DUPLICATE');
    await refusedLeavingNothing(incoming(first), 409, 'ENTRY_DUPLICATE');
    const file = registered.body.files[0];
    const content = await api.get(
      'd.clerk',
      `/api/v1/agencies/${district.id}/entries/${registered.body.id}/versions/${file.id}/content`,
    );
    expect(content.status).toBe(200);
    expect(Buffer.compare(content.body as Buffer, first)).toBe(0);

    // a failure of the batch's transaction after both files were stored
    await failingWith('register_entry', "subject <> 'Từ chối ghi sổ'", () =>
      refusedLeavingNothing(
        incoming(first, { codeNumber: '126', subject: 'Từ chối ghi sổ' }, [Buffer.from(first)]),
        500,
        'INTERNAL_ERROR',
      ),
    );
    await refusedLeavingNothing(
      incoming(Buffer.from('không phải PDF'), { codeNumber: '127' }),
      400,
      'PDF_NOT_PDF',
    );
    await refusedLeavingNothing(
      incoming(await freshPdf(), { codeNumber: '128', issuedDate: addDays(vietnamDate(new Date()), 1) }),
      400,
      'ISSUED_DATE_IN_FUTURE',
    );
  });

  const outgoing = (id = '', action = '') =>
    `/api/v1/agencies/${district.id}/outgoing${id ? `/${id}` : ''}${action}`;

  function draft(pdf: Buffer, fileName = 'Quyết định.pdf') {
    return async () =>
      request(server.url)
        .post(outgoing())
        .set('Authorization', await api.bearer('d.spec'))
        .field(
          'metadata',
          JSON.stringify({
            typeCode: 'QD',
            subject: 'Quyết định ban hành Quy chế công tác văn thư, lưu trữ điện tử',
            signerUserId: ids['d.leader'],
            recipients: [{ kind: 'agency', organId: communeA.code }],
          }),
        )
        .attach('file', pdf, { filename: fileName, contentType: 'application/pdf' })
        .attach('attachments', await nd30Pdf({ articles: 1 }), {
          filename: 'Phụ lục.pdf',
          contentType: 'application/pdf',
        });
  }

  it('outgoing: a draft, a new version, a signature and an issue refused after their files were written', async () => {
    const refusedDraft = draft(await freshPdf(), 'Từ chối.pdf');
    await failingWith('document_version', "file_name <> 'Từ chối.pdf'", () =>
      refusedLeavingNothing(refusedDraft, 500, 'INTERNAL_ERROR'),
    );
    const created = await draft(await freshPdf())();
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    let version = created.body.version as number;

    const upload = (fileName: string, pdf: Buffer) => async () =>
      request(server.url)
        .post(outgoing(id, '/files'))
        .set('Authorization', await api.bearer('d.spec'))
        .field('version', String(version))
        .field('fileIndex', '0')
        .attach('file', pdf, { filename: fileName, contentType: 'application/pdf' });
    const revised = await freshPdf();
    await failingWith('document_version', "file_name <> 'Từ chối.pdf'", () =>
      refusedLeavingNothing(upload('Từ chối.pdf', revised), 500, 'INTERNAL_ERROR'),
    );
    const uploaded = await upload('Quyết định (sửa).pdf', revised)();
    expect(uploaded.status).toBe(201);
    version = (await api.get('d.spec', `/api/v1/agencies/${district.id}/entries/${id}`)).body.version;

    for (const [user, decision] of [
      ['d.spec', 'submit'],
      ['d.leader2', 'forward'],
      ['d.leader', 'approve'],
    ] as const) {
      const res = await api.post(user, outgoing(id, '/decisions'), { version, decision });
      expect(res.status).toBe(200);
      version = res.body.version;
    }

    const sign = () =>
      api.post('d.leader', outgoing(id, '/sign'), { version, passphrase: pki.people[0].passphrase });
    await failingWith('register_entry', "status <> 'signed'", () =>
      refusedLeavingNothing(sign, 500, 'INTERNAL_ERROR'),
    );
    const signed = await sign();
    expect(signed.status).toBe(200);
    version = signed.body.version;

    // the issue writes the sealed main file and the signed attachment, then fails
    const issue = () => api.post('d.clerk', outgoing(id, '/issue'), { version });
    await failingWith('register_entry', "status <> 'issued'", () =>
      refusedLeavingNothing(issue, 500, 'INTERNAL_ERROR'),
    );
    const before = await listing();
    const issued = await issue();
    expect(issued.status).toBe(200);
    expect((await listing()).length).toBe(before.length + 2);
    expect(await claims()).toBe(0);
  });

  it('copies: a copy refused after its signed file was written', async () => {
    const registered = await incoming(await freshPdf(), { codeNumber: '200' })();
    expect(registered.status).toBe(201);
    const copies = `/api/v1/agencies/${district.id}/entries/${registered.body.id}/copies`;
    await failingWith('document_copy', "copy_type <> 'sao-y'", () =>
      refusedLeavingNothing(() => api.post('d.clerk', copies, { copyType: 'sao-y' }), 500, 'INTERNAL_ERROR'),
    );
    const made = await api.post('d.clerk', copies, { copyType: 'sao-y' });
    expect(made.status).toBe(201);
  });

  it('certificates: a refused import stores nothing', async () => {
    await refusedLeavingNothing(
      async () =>
        request(server.url)
          .post(`/api/v1/agencies/${district.id}/certificates/organisation`)
          .set('Authorization', await api.bearer('d.clerk'))
          .field('passphrase', 'sai mật khẩu')
          .attach('file', Buffer.from('not a PKCS#12 file'), 'to-chuc.p12'),
      400,
      'P12_MALFORMED',
    );
  });
});
