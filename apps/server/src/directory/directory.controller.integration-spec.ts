import {
  type CanActivate,
  type DynamicModule,
  type ExecutionContext,
  Global,
  type INestApplication,
  Injectable,
  Module,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE, NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AuditModule } from '@vanthu/audit';
import {
  DEMO_AGENCIES,
  DEMO_DISTRICT_CODE,
  DEMO_PROVINCE_CODE,
  DirectoryModule,
  ImportAgenciesUseCase,
  SystemDirectoryActor,
  demoCommuneCode,
} from '@vanthu/directory';
import type { Principal } from '@vanthu/identity';
import { Database } from '@vanthu/persistence';
import { AppException, Clock, newId, SystemClock } from '@vanthu/shared';
import { createTestDatabase, type TestDatabase } from '@vanthu/test-kit';
import type { Request } from 'express';
import request from 'supertest';
import { AppExceptionFilter } from '../http/app-exception.filter';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { buildOpenApiDocument } from '../openapi/openapi-document';
import { DirectoryController } from './directory.controller';

/**
 * The directory routes over real HTTP with the real use cases and database. Sessions are the
 * identity tests' concern: here the principal comes from a test header.
 */
@Injectable()
class HeaderPrincipalGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const header = req.header('x-test-principal');
    if (!header) throw new AppException('AUTH_REQUIRED', 'Vui lòng đăng nhập.', 401);
    req.principal = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Principal;
    return true;
  }
}

@Global()
@Module({})
class TestCoreModule {
  static forRoot(database: Database): DynamicModule {
    return {
      module: TestCoreModule,
      providers: [
        { provide: Database, useValue: database },
        { provide: Clock, useValue: new SystemClock() },
      ],
      exports: [Database, Clock],
    };
  }
}

function principal(agencyId: string, role: 'admin' | 'clerk'): string {
  const p: Principal = {
    userId: newId(),
    username: `u.${role}`,
    fullName: 'Người thử',
    agencyId,
    roles: [{ agencyId, role }],
    sessionId: newId(),
  };
  return Buffer.from(JSON.stringify(p), 'utf8').toString('base64url');
}

describe('directory over HTTP', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let nodeAdmin: string;
  let communeAdmin: string;
  let clerk: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    @Module({
      imports: [TestCoreModule.forRoot(db.database), AuditModule, DirectoryModule],
      controllers: [DirectoryController],
      providers: [
        { provide: APP_GUARD, useClass: HeaderPrincipalGuard },
        { provide: APP_FILTER, useClass: AppExceptionFilter },
        { provide: APP_PIPE, useClass: ZodValidationPipe },
      ],
    })
    class TestAppModule {}
    const nest = await NestFactory.create<NestExpressApplication>(TestAppModule, {
      bodyParser: false,
      logger: false,
    });
    nest.useBodyParser('json', { limit: 16 * 1024 });
    await nest.init();
    app = nest;
    await app.get(ImportAgenciesUseCase).execute({
      actor: new SystemDirectoryActor('test seed'),
      format: 'json',
      content: JSON.stringify(DEMO_AGENCIES),
    });
    const [district] = await db.dataSource.query('SELECT id FROM agency WHERE code = $1', [
      DEMO_DISTRICT_CODE,
    ]);
    const [commune] = await db.dataSource.query('SELECT id FROM agency WHERE code = $1', [
      demoCommuneCode(1),
    ]);
    nodeAdmin = principal(district.id, 'admin');
    communeAdmin = principal(commune.id, 'admin');
    clerk = principal(commune.id, 'clerk');
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const http = () => request(app.getHttpServer());
  const as = (who: string) => ({
    get: (url: string) => http().get(url).set('x-test-principal', who),
    post: (url: string) => http().post(url).set('x-test-principal', who),
    patch: (url: string) => http().patch(url).set('x-test-principal', who),
  });
  const base = '/api/v1/directory';

  it('searches, reads and resolves for any signed-in user', async () => {
    const found = await as(clerk).get(`${base}/agencies`).query({ q: 'dak lak' }).expect(200);
    expect(found.body).toMatchObject({ items: [{ code: DEMO_PROVINCE_CODE }], nextCursor: null });
    const page = await as(clerk)
      .get(`${base}/agencies`)
      .query({ parentCode: DEMO_DISTRICT_CODE, hosted: 'true', limit: 5 });
    expect(page.body.items).toHaveLength(5);
    expect(page.body.nextCursor).toEqual(expect.any(String));

    const one = await as(clerk).get(`${base}/agencies/000.00.12.h15`).expect(200);
    expect(one.body.agency).toMatchObject({ code: DEMO_DISTRICT_CODE, levelLabel: 'Huyện', hosted: true });
    expect(one.body.ancestors.map((a: { code: string }) => a.code)).toEqual([
      '000.00.00.G22',
      DEMO_PROVINCE_CODE,
    ]);
    const resolved = await as(clerk).get(`${base}/agencies/${DEMO_DISTRICT_CODE}/resolve`).expect(200);
    expect(resolved.body).toMatchObject({
      current: { code: DEMO_DISTRICT_CODE },
      chain: [DEMO_DISTRICT_CODE],
    });

    expect((await as(clerk).get(`${base}/agencies/xyz`).expect(400)).body.code).toBe('AGENCY_CODE_INVALID');
    expect((await as(clerk).get(`${base}/agencies/000.00.99.H99`).expect(404)).body).toMatchObject({
      code: 'AGENCY_NOT_FOUND',
      message: 'Không tìm thấy cơ quan có mã định danh 000.00.99.H99.',
    });
    await http().get(`${base}/agencies`).expect(401);
  });

  it('creates and updates for node administrators only, with stable error codes', async () => {
    const agency = {
      code: '000.00.12.H15.TTR',
      name: 'Thanh tra huyện',
      levelLabel: 'Phòng',
      parentCode: DEMO_DISTRICT_CODE,
    };
    const forbidden = await as(communeAdmin).post(`${base}/agencies`).send(agency).expect(403);
    expect(forbidden.body).toMatchObject({ code: 'DIRECTORY_FORBIDDEN' });
    const created = await as(nodeAdmin).post(`${base}/agencies`).send(agency).expect(201);
    expect(created.body).toMatchObject({ code: agency.code, version: 1, parentCode: DEMO_DISTRICT_CODE });
    expect((await as(nodeAdmin).post(`${base}/agencies`).send(agency).expect(409)).body.code).toBe(
      'AGENCY_CODE_TAKEN',
    );
    const missing = await as(nodeAdmin).post(`${base}/agencies`).send({ code: '000.00.98.H15' }).expect(400);
    expect(missing.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: expect.any(Array) } });
    const unknownParent = { ...agency, code: '000.00.97.H15', parentCode: '000.00.96.H15' };
    expect((await as(nodeAdmin).post(`${base}/agencies`).send(unknownParent).expect(422)).body.code).toBe(
      'AGENCY_PARENT_NOT_FOUND',
    );

    const url = `${base}/agencies/${agency.code}`;
    const updated = await as(nodeAdmin).patch(url).send({ version: 1, phone: '0262 3876 000' }).expect(200);
    expect(updated.body).toMatchObject({ phone: '0262 3876 000', version: 2 });
    expect((await as(nodeAdmin).patch(url).send({ version: 1, phone: 'x' }).expect(409)).body.code).toBe(
      'AGENCY_VERSION_CONFLICT',
    );
    expect((await as(nodeAdmin).patch(url).send({ phone: 'x' }).expect(400)).body.code).toBe(
      'VALIDATION_FAILED',
    );
    const cycle = await as(nodeAdmin)
      .patch(`${base}/agencies/${DEMO_DISTRICT_CODE}`)
      .send({ version: 1, parentCode: agency.code })
      .expect(422);
    expect(cycle.body.code).toBe('AGENCY_CYCLE');
  });

  it('imports all or nothing and refuses invalid JSON and oversized bodies', async () => {
    const before = (await db.dataSource.query('SELECT count(*)::int AS n FROM agency'))[0].n;
    const csv =
      'code,name,levelLabel,parentCode\n000.00.60.H15,Mới,Xã,\n000.00.61.H15,Lỗi,Xã,000.00.59.H15\n';
    const bad = await as(nodeAdmin).post(`${base}/import`).send({ format: 'csv', content: csv }).expect(422);
    expect(bad.body).toMatchObject({
      code: 'DIRECTORY_IMPORT_INVALID',
      details: { total: 1, problems: [{ row: 3, problem: 'AGENCY_PARENT_NOT_FOUND' }] },
    });
    const invalidJson = await as(nodeAdmin)
      .post(`${base}/import`)
      .set('content-type', 'application/json')
      .send('{"format": "csv", "content": ')
      .expect(400);
    expect(invalidJson.body.code).toBe('INVALID_JSON');
    const huge = await as(nodeAdmin)
      .post(`${base}/import`)
      .send({ format: 'csv', content: 'x'.repeat(20 * 1024) })
      .expect(413);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await db.dataSource.query('SELECT count(*)::int AS n FROM agency'))[0].n).toBe(before);

    const good = await as(nodeAdmin)
      .post(`${base}/import`)
      .send({ format: 'csv', content: csv.split('\n').slice(0, 2).join('\n') });
    expect(good.status).toBe(201);
    expect(good.body).toEqual({ created: 1, updated: 0, unchanged: 0 });
  });

  it('documents its routes in OpenAPI under the directory tag', () => {
    const doc = buildOpenApiDocument(app);
    expect(
      Object.keys(doc.paths)
        .filter((p) => p.startsWith(base))
        .sort(),
    ).toEqual([
      `${base}/agencies`,
      `${base}/agencies/{code}`,
      `${base}/agencies/{code}/resolve`,
      `${base}/export`,
      `${base}/import`,
    ]);
    const create = doc.paths[`${base}/agencies`].post;
    expect(create?.tags).toEqual(['directory']);
    expect(JSON.stringify(create?.requestBody)).toContain('levelLabel');
  });

  it('exports CSV with a BOM for Excel, and JSON', async () => {
    const csv = await as(clerk)
      .get(`${base}/export`)
      .query({ format: 'csv' })
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename="danh-ba-co-quan-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const body = csv.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.toString('utf8')).toContain('Ủy ban nhân dân tỉnh Đắk Lắk');

    const json = await as(clerk).get(`${base}/export`).expect(200);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(json.text)[0]).toMatchObject({ code: '000.00.00.G22', parentCode: null });
    await as(clerk).get(`${base}/export`).query({ format: 'xml' }).expect(400);
  });
});
