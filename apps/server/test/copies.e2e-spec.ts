import request from 'supertest';
import { VerifyDocumentUseCase } from '@vanthu/certificates';
import { addDays, vietnamDate } from '@vanthu/registers';
import { signPdf } from '@vanthu/signing';
import {
  ApiSessions,
  getTestPki,
  insertDistrictAndCommunes,
  insertUser,
  type AgencyRow,
  type TestPki,
} from '@vanthu/test-kit';
import { startTestServer, type TestServer } from '@vanthu/test-kit/test-server';
import { nd30Pdf } from '../../../libs/signing/test-fixtures/nd30-document';
import { pdftotext, withTempFile } from '../../../libs/signing/test-fixtures/pdf-validators';
import { pdfsig } from '../../../libs/signing/test-fixtures/verify/peers';
import { giveSeal, trustTestPki } from './support/signing-world';

describe('electronic copies over HTTP: sao y, sao lục, trích sao numbered in the copy register', () => {
  let server: TestServer;
  let pki: TestPki;
  let district: AgencyRow;
  let communeA: AgencyRow;
  let api: ApiSessions;
  /** The leader's personally signed letter the district received and registered. */
  let signedLetter: Buffer;
  let letterId: string;
  let extractPdf: Buffer;
  const copyIds: string[] = [];

  beforeAll(async () => {
    pki = await getTestPki();
    server = await startTestServer();
    const ds = server.db.dataSource;
    ({ district, communeA } = await insertDistrictAndCommunes(ds));
    for (const [username, agency, roles] of [
      ['d.clerk', district, ['clerk']],
      ['d.spec', district, ['specialist']],
      ['a.clerk', communeA, ['clerk']],
    ] as const)
      await insertUser(ds, { agencyId: agency.id, username, roles: [...roles] });
    await trustTestPki(server, pki);
    await giveSeal(server, district.id, pki.organisations[0]);
    api = new ApiSessions(server.url);
    signedLetter = await signPdf(await nd30Pdf(), { role: 'personal', identity: pki.people[0].identity });
    extractPdf = await nd30Pdf({ articles: 1 });
    letterId = await registerIncoming(signedLetter);
  }, 120_000);
  afterAll(() => server?.close());

  let seq = 0;
  async function registerIncoming(pdf: Buffer): Promise<string> {
    seq++;
    const res = await request(server.url)
      .post(`/api/v1/agencies/${district.id}/incoming`)
      .set('Authorization', await api.bearer('d.clerk'))
      .field(
        'metadata',
        JSON.stringify({
          typeCode: 'CV',
          codeNumber: String(40 + seq),
          codeNotation: 'UBND-KT',
          issuedDate: addDays(vietnamDate(new Date()), -1),
          subject: 'Về việc triển khai chữ ký số trong gửi nhận văn bản điện tử',
          organId: '000.00.00.H15',
          organName: 'UBND tỉnh Đắk Lắk',
          signerPosition: 'Phó Chủ tịch',
          signerName: 'Nguyễn Văn Ấn',
        }),
      )
      .attach('file', pdf, { filename: 'Công văn.pdf', contentType: 'application/pdf' });
    if (res.status !== 201)
      throw new Error(`registration answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  }

  /** A copy request as multipart: the copy type and a file (the extract of a trích sao). */
  async function uploadCopy(copyType: string, file: Buffer, fileName: string): Promise<request.Response> {
    return request(server.url)
      .post(copiesOf(letterId))
      .set('Authorization', await api.bearer('d.clerk'))
      .field('copyType', copyType)
      .attach('file', file, { filename: fileName, contentType: 'application/pdf' });
  }
  const copiesOf = (entryId: string, agencyId = district.id) =>
    `/api/v1/agencies/${agencyId}/entries/${entryId}/copies`;
  const contentOf = (copyId: string, agencyId = district.id) =>
    `/api/v1/agencies/${agencyId}/copies/${copyId}/content`;
  /** Page 1's text as poppler reads it, whitespace folded. */
  async function pageText(pdf: Buffer): Promise<string> {
    return (await withTempFile(pdf, (path) => pdftotext(path, 1))).replace(/\s+/g, ' ');
  }
  /** What a refused copy must not leave behind. */
  async function footprint(): Promise<Record<string, number>> {
    const [row] = await server.db.dataSource.query(`SELECT
      (SELECT count(*) FROM document_copy)::int AS copies,
      (SELECT coalesce(sum(next_number), 0) FROM register WHERE kind = 'copy')::int AS numbers,
      (SELECT count(*) FROM audit_event WHERE action = 'copy.made')::int AS audits`);
    return row as Record<string, number>;
  }

  it('numbers sao y, sao lục and trích sao in one series and signs each as the organisation', async () => {
    const sy = await api.post('d.clerk', copiesOf(letterId), { copyType: 'sao-y', toPlaces: 'Phòng Nội vụ' });
    expect(sy.status).toBe(201);
    expect(sy.body).toMatchObject({
      sourceEntryId: letterId,
      copyType: 'sao-y',
      copyTypeName: 'Sao y',
      number: 1,
      numberNotation: '01/SY-UBND',
      toPlaces: 'Phòng Nội vụ',
    });
    const sl = await api.post('d.clerk', copiesOf(letterId), { copyType: 'sao-luc' });
    expect(sl.status).toBe(201);
    expect(sl.body).toMatchObject({ number: 2, numberNotation: '02/SL-UBND', toPlaces: null });
    const trs = await uploadCopy('trich-sao', extractPdf, 'Trích Điều 1.pdf');
    expect(trs.status).toBe(201);
    expect(trs.body).toMatchObject({
      number: 3,
      numberNotation: '03/TrS-UBND',
      fileName: 'TrS-03-Trích Điều 1.pdf',
    });
    copyIds.push(sy.body.id, sl.body.id, trs.body.id);

    const listed = await api.get('d.spec', copiesOf(letterId));
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((c: { numberNotation: string }) => c.numberNotation)).toEqual([
      '01/SY-UBND',
      '02/SL-UBND',
      '03/TrS-UBND',
    ]);
    const details = await api.get('d.spec', `/api/v1/agencies/${district.id}/entries/${letterId}`);
    expect(details.body.copies.map((c: { id: string }) => c.id)).toEqual(copyIds);
    const registers = await server.db.dataSource.query(
      `SELECT name, next_number FROM register WHERE agency_id = $1 AND kind = 'copy'`,
      [district.id],
    );
    expect(registers).toEqual([
      { name: `Sổ đăng ký bản sao năm ${new Date().getFullYear()}`, next_number: 4 },
    ]);
  });

  it('keeps the leader signature valid under the seal of the copy (our verifier and pdfsig)', async () => {
    const res = await api.get('d.spec', contentOf(copyIds[0]));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const copy = res.body as Buffer;
    // an incremental update: the received bytes are untouched at the start of the copy
    expect(copy.subarray(0, signedLetter.length).equals(signedLetter)).toBe(true);
    const report = await server.app.get(VerifyDocumentUseCase).execute({ pdf: copy });
    expect(report.signatures.map((s) => [s.signer?.serialNumber, s.verdict])).toEqual([
      [pki.people[0].serialNumber, 'valid'],
      [pki.organisations[0].serialNumber, 'valid'],
    ]);
    expect((await pdfsig(copy)).map((s) => s.validation)).toEqual([
      'Signature is Valid.',
      'Signature is Valid.',
    ]);
    const text = await pageText(copy);
    expect(text).toContain('SAO Y');
    expect(text).toContain('Số: 01/SY-UBND');
    expect(text).toContain("UBND huyện Ea H'Leo");

    const extract = (await api.get('d.clerk', contentOf(copyIds[2]))).body as Buffer;
    expect(extract.subarray(0, extractPdf.length).equals(extractPdf)).toBe(true);
    expect(await pageText(extract)).toContain('TRÍCH SAO');

    const events = await server.db.dataSource.query(
      `SELECT action, actor_name, details->>'numberNotation' AS nn FROM audit_event
        WHERE subject_id = $1 AND action LIKE 'copy.%' ORDER BY seq`,
      [letterId],
    );
    expect(events).toEqual([
      { action: 'copy.made', actor_name: 'd.clerk', nn: '01/SY-UBND' },
      { action: 'copy.made', actor_name: 'd.clerk', nn: '02/SL-UBND' },
      { action: 'copy.made', actor_name: 'd.clerk', nn: '03/TrS-UBND' },
      { action: 'copy.file_read', actor_name: 'd.spec', nn: null },
      { action: 'copy.file_read', actor_name: 'd.clerk', nn: null },
    ]);
  });

  it('refuses bad requests with a stable code and consumes no number', async () => {
    const before = await footprint();
    const refused = async (pending: Promise<request.Response>, status: number, code: string) => {
      const res = await pending;
      expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
      expect(typeof res.body.message).toBe('string');
    };
    await refused(
      api.post('d.clerk', copiesOf(letterId), { copyType: 'trich-sao' }),
      400,
      'COPY_EXTRACT_REQUIRED',
    );
    await refused(uploadCopy('sao-y', extractPdf, 'x.pdf'), 400, 'COPY_FILE_UNEXPECTED');
    await refused(uploadCopy('trich-sao', Buffer.from('not a pdf at all'), 'x.pdf'), 400, 'PDF_NOT_PDF');
    await refused(
      api.post('d.clerk', copiesOf(letterId), { copyType: 'photocopy' }),
      400,
      'VALIDATION_FAILED',
    );
    // only clerks copy; another agency's clerk neither copies nor reads the district's copies
    await refused(api.post('d.spec', copiesOf(letterId), { copyType: 'sao-y' }), 403, 'FORBIDDEN');
    await refused(api.post('a.clerk', copiesOf(letterId), { copyType: 'sao-y' }), 404, 'AGENCY_NOT_FOUND');
    await refused(
      api.post('a.clerk', copiesOf(letterId, communeA.id), { copyType: 'sao-y' }),
      404,
      'ENTRY_NOT_FOUND',
    );
    await refused(api.get('a.clerk', contentOf(copyIds[0], communeA.id)), 404, 'COPY_NOT_FOUND');
    await refused(api.get('a.clerk', copiesOf(letterId, communeA.id)), 404, 'ENTRY_NOT_FOUND');
    // a returned document is no longer the agency's to copy
    const returnedId = await registerIncoming(await nd30Pdf());
    const back = await api.post('d.clerk', `/api/v1/agencies/${district.id}/incoming/${returnedId}/return`, {
      version: 1,
      reason: 'Gửi nhầm nơi nhận',
    });
    expect(back.status).toBe(200);
    await refused(
      api.post('d.clerk', copiesOf(returnedId), { copyType: 'sao-y' }),
      409,
      'ENTRY_STATUS_INVALID',
    );
    expect(await footprint()).toEqual(before);

    const next = await api.post('d.clerk', copiesOf(letterId), { copyType: 'sao-y' });
    expect(next.status).toBe(201);
    expect(next.body.numberNotation).toBe('04/SY-UBND');
  });

  it('keeps copies immutable in the database: only a withdrawal, once, may change a row', async () => {
    const ds = server.db.dataSource;
    const [id] = copyIds;
    await expect(ds.query('UPDATE document_copy SET number = 99 WHERE id = $1', [id])).rejects.toThrow(
      /immutable/,
    );
    await expect(
      ds.query('UPDATE document_copy SET withdrawn_at = now(), to_places = $2 WHERE id = $1', [id, 'x']),
    ).rejects.toThrow(/immutable/);
    await ds.query('UPDATE document_copy SET withdrawn_at = now() WHERE id = $1', [id]);
    await expect(
      ds.query('UPDATE document_copy SET withdrawn_at = now() WHERE id = $1', [id]),
    ).rejects.toThrow(/immutable/);
    const withdrawn = await api.get('d.clerk', contentOf(id));
    expect(withdrawn.status).toBe(410);
  });

  it('gives 12 copies requested at once the next 12 numbers, without a gap or a repeat', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        api.post('d.clerk', copiesOf(letterId), { copyType: i % 2 ? 'sao-luc' : 'sao-y' }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
    const numbers = results.map((r) => r.body.number as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => 5 + i));
    const listed = await api.get('d.clerk', copiesOf(letterId));
    expect(listed.body.items.map((c: { number: number }) => c.number)).toEqual(
      Array.from({ length: 16 }, (_, i) => i + 1),
    );
  });
});
