import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { S3ObjectStorage } from '@vanthu/storage';
import {
  ApiSessions,
  freePort,
  insertAgency,
  insertUser,
  startS3TestServer,
  type S3TestServer,
} from '@vanthu/test-kit';
import { removeDataFolder, runCli, startServerProcess, waitReady } from '@vanthu/test-kit/server-process';
import { startTestServer, type TestServer } from '@vanthu/test-kit/test-server';

const PDF = readFileSync(
  join(__dirname, '../../../libs/signing/test-fixtures/verify/quyet-dinh-libreoffice.pdf'),
);
const CLERKS = ['k.vanthu1', 'k.vanthu2', 'k.vanthu3', 'k.vanthu4'];

interface Registered {
  id: string;
  arrivalNumber: string;
  at: number;
}

/** A registering agency on the in-process server: each registration is a different PDF. */
async function registeringAgency(server: TestServer) {
  const agency = await insertAgency(server.db.dataSource, {
    code: '000.00.12.H15',
    name: "UBND huyện Ea H'Leo",
  });
  for (const username of CLERKS)
    await insertUser(server.db.dataSource, { agencyId: agency.id, username, roles: ['clerk'] });
  const sessions = new ApiSessions(server.url);
  let n = 0;
  return async (clerk: string): Promise<Registered> => {
    const seq = ++n;
    const res = await request(server.url)
      .post(`/api/v1/agencies/${agency.id}/incoming`)
      .set('Authorization', await sessions.bearer(clerk))
      .field(
        'metadata',
        JSON.stringify({
          typeCode: 'CV',
          codeNumber: String(seq),
          codeNotation: 'UBND-VP',
          issuedDate: '2026-11-30',
          subject: `Công văn số ${seq} về sao lưu dữ liệu`,
          organName: 'UBND tỉnh Đắk Lắk',
          signerPosition: 'Phó Chủ tịch',
          signerName: 'Nguyễn Văn An',
          priority: 'normal',
        }),
      )
      .attach('file', Buffer.concat([PDF, Buffer.from(`%backup-test-${seq}\n`)]), `cv-${seq}.pdf`);
    if (res.status !== 201)
      throw new Error(`registration answered ${res.status}: ${JSON.stringify(res.body)}`);
    return { id: res.body.id, arrivalNumber: res.body.arrivalNumber, at: Date.now() };
  };
}

/** What a database holds that a restore must bring back: entries with their numbers and file hashes. */
async function contents(client: Client) {
  // incoming entries take their arrival number (số đến) from the agency's incoming register
  const entries = await client.query<{ id: string; arrival_number: number }>(
    `SELECT id, number AS arrival_number FROM register_entry ORDER BY number`,
  );
  const files = await client.query<{ entry_id: string; sha256: string; storage_key: string }>(
    `SELECT entry_id, sha256, storage_key FROM document_version ORDER BY entry_id, file_index, seq`,
  );
  return { entries: entries.rows, files: files.rows };
}

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('vanthu backup and restore', () => {
  const folders: string[] = [];
  const temp = (label: string) => {
    const dir = mkdtempSync(join(tmpdir(), `vanthu-${label}-`));
    folders.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of folders) {
      for (const name of existsSync(dir) ? readdirSync(dir) : []) removeDataFolder(join(dir, name));
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('filesystem storage, backup taken while clerks register', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer();
    }, 60_000);
    afterAll(() => server?.close());

    it('restores into an empty data folder exactly the snapshot: numbers without gaps, every file, a valid audit chain; the restored server serves them', async () => {
      const register = await registeringAgency(server);
      const done: Registered[] = [];
      for (let i = 0; i < 6; i++) done.push(await register(CLERKS[i % CLERKS.length]));

      let running = true;
      const load = Promise.all(
        CLERKS.map(async (clerk) => {
          while (running) done.push(await register(clerk));
        }),
      );
      const out = join(temp('backup'), 'b1');
      const env = { DATABASE_URL: server.db.url, VANTHU_DATA_DIR: server.dataDir };
      const backupStarted = Date.now();
      const backup = await runCli(['backup', '--out', out], env).finally(() => (running = false));
      const backupEnded = Date.now();
      await load;
      expect(backup.stderr).not.toMatch(/vanthu:/);
      expect(backup.code).toBe(0);
      expect(backup.stdout).toMatch(/KHÔNG nằm trong bản sao lưu/); // the master key is kept apart
      // the clerks really were registering while it ran
      expect(done.filter((r) => r.at > backupStarted && r.at < backupEnded).length).toBeGreaterThan(0);
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
      expect(existsSync(join(out, 'master.key'))).toBe(false);

      const source = await connect(server.db.url);
      const after = await contents(source).finally(() => source.end());

      // the operator copies the master key kept apart into the new data folder, then restores
      const target = join(temp('restore'), 'data');
      mkdirSync(target);
      copyFileSync(join(server.dataDir, 'master.key'), join(target, 'master.key'));
      const port = await freePort();
      const pgPort = await freePort();
      const targetEnv = {
        VANTHU_DATA_DIR: target,
        VANTHU_EMBEDDED_PG_PORT: String(pgPort),
        VANTHU_DEMO_SEED: 'false',
      };
      const restore = await runCli(['restore', '--from', out], targetEnv);
      expect(restore.stderr).not.toMatch(/vanthu:/);
      expect(restore.code).toBe(0);
      expect(restore.stdout).toMatch(/nhật ký kiểm toán toàn vẹn/);

      const restored = startServerProcess({ ...targetEnv, PORT: String(port) });
      try {
        await waitReady(`http://127.0.0.1:${port}`, restored);
        const password = readFileSync(join(target, 'pg', 'superuser-password'), 'utf8').trim();
        const client = await connect(
          `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/vanthu`,
        );
        const back = await contents(client).finally(() => client.end());

        // a consistent snapshot: arrival numbers 1..k, with no gap and no number the source lacks
        expect(back.entries.map((e) => Number(e.arrival_number))).toEqual(back.entries.map((_, i) => i + 1));
        const sourceEntries = new Map(after.entries.map((e) => [e.id, e.arrival_number]));
        expect(back.entries.length).toBeGreaterThanOrEqual(done.filter((x) => x.at < backupStarted).length);
        for (const e of back.entries) expect(sourceEntries.get(e.id)).toBe(e.arrival_number);
        // everything acknowledged before the backup started is there; later ones may be or not
        const ids = new Set(back.entries.map((e) => e.id));
        for (const r of done.filter((x) => x.at < backupStarted)) expect(ids.has(r.id)).toBe(true);
        expect(back.entries.length).toBe(
          manifest.tables.find((t: { name: string }) => t.name === 'register_entry').rows,
        );
        const sourceFiles = after.files.filter((f) => ids.has(f.entry_id));
        expect(back.files).toEqual(sourceFiles);

        // the restored server serves each file with the bytes whose hash the row records
        const sessions = new ApiSessions(`http://127.0.0.1:${port}`);
        const agencyId = (await (await sessions.get(CLERKS[0], '/api/v1/auth/me')).body).roles[0].agencyId;
        for (const entry of back.entries.slice(0, 5)) {
          const detail = await sessions.get(CLERKS[0], `/api/v1/agencies/${agencyId}/entries/${entry.id}`);
          expect(detail.status).toBe(200);
          const version = detail.body.files[0];
          const file = await fetch(
            `http://127.0.0.1:${port}/api/v1/agencies/${agencyId}/entries/${entry.id}/versions/${version.versionId ?? version.id}/content`,
            { headers: { Authorization: await sessions.bearer(CLERKS[0]) } },
          );
          expect(file.status).toBe(200);
          expect(sha256(Buffer.from(await file.arrayBuffer()))).toBe(
            back.files.find((f) => f.entry_id === entry.id)!.sha256,
          );
        }
        const audit = await runCli(['audit', 'verify'], targetEnv);
        expect(audit.code).toBe(0);
      } finally {
        restored.child.kill('SIGTERM');
        await restored.exited;
      }
    });

    it('refuses a damaged backup, or one whose master key is missing, before writing anything', async () => {
      const out = join(temp('backup'), 'b2');
      const env = { DATABASE_URL: server.db.url, VANTHU_DATA_DIR: server.dataDir };
      expect((await runCli(['backup', '--out', out], env)).code).toBe(0);
      // a backup never overwrites: the same folder again is refused
      expect((await runCli(['backup', '--out', out], env)).stderr).toMatch(/không trống/);

      const base = temp('restore');
      const withoutKey = join(base, 'no-key');
      const noKey = await runCli(['restore', '--from', out], {
        VANTHU_DATA_DIR: withoutKey,
        VANTHU_EMBEDDED_PG_PORT: String(await freePort()),
      });
      expect(noKey.code).toBe(1);
      expect(noKey.stderr).toMatch(/khóa chủ/);
      expect(existsSync(withoutKey)).toBe(false);

      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
      const object = join(out, 'objects', manifest.objects[0].key);
      const bytes = readFileSync(object);
      bytes[bytes.length >> 1] ^= 0xff;
      writeFileSync(object, bytes);
      const damaged = join(base, 'damaged');
      const bad = await runCli(['restore', '--from', out], {
        VANTHU_DATA_DIR: damaged,
        VANTHU_EMBEDDED_PG_PORT: String(await freePort()),
        VANTHU_MASTER_KEY: readFileSync(join(server.dataDir, 'master.key')).toString('base64'),
      });
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/không khớp mã SHA-256/);
      expect(existsSync(damaged)).toBe(false);
    });
  });

  describe('S3 storage, restored into an empty external database and another bucket', () => {
    let s3: S3TestServer;
    let server: TestServer;
    let s3Env: Record<string, string>;
    beforeAll(async () => {
      s3 = await startS3TestServer();
      s3Env = {
        S3_ENDPOINT: `http://${s3.endPoint}:${s3.port}`,
        S3_ACCESS_KEY: s3.accessKey,
        S3_SECRET_KEY: s3.secretKey,
      };
      server = await startTestServer({ ...s3Env, S3_BUCKET: 'vanthu-source' });
    }, 60_000);
    afterAll(async () => {
      await server?.close();
      await s3?.stop();
    });

    it('round-trips every object with its hash (master key inside the backup on request)', async () => {
      const register = await registeringAgency(server);
      for (let i = 0; i < 4; i++) await register(CLERKS[i]);
      const out = join(temp('backup'), 's3');
      const backup = await runCli(['backup', '--out', out, '--include-master-key'], {
        ...s3Env,
        S3_BUCKET: 'vanthu-source',
        DATABASE_URL: server.db.url,
        VANTHU_DATA_DIR: server.dataDir,
      });
      expect(backup.code).toBe(0);
      expect(existsSync(join(out, 'master.key'))).toBe(true);

      const admin = await connect(process.env.VANTHU_TEST_PG_URL!);
      const name = `restore_${Date.now()}`;
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(process.env.VANTHU_TEST_PG_URL!);
      url.pathname = `/${name}`;
      try {
        const restore = await runCli(['restore', '--from', out], {
          ...s3Env,
          S3_BUCKET: 'vanthu-restored',
          DATABASE_URL: url.toString(),
          VANTHU_DATA_DIR: join(temp('restore'), 'data'),
        });
        expect(restore.stderr).not.toMatch(/vanthu:/);
        expect(restore.code).toBe(0);

        const source = await connect(server.db.url);
        const before = await contents(source).finally(() => source.end());
        const client = await connect(url.toString());
        const after = await contents(client).finally(() => client.end());
        expect(after).toEqual(before);
        expect(after.entries).toHaveLength(4);

        const bucket = new S3ObjectStorage({ ...s3, bucket: 'vanthu-restored' });
        for (const file of after.files)
          expect(sha256(await bucket.getBuffer(file.storage_key))).toBe(file.sha256);
        // a second restore into the now filled database is refused
        const again = await runCli(['restore', '--from', out], {
          ...s3Env,
          S3_BUCKET: 'vanthu-restored',
          DATABASE_URL: url.toString(),
          VANTHU_DATA_DIR: join(temp('restore'), 'data'),
        });
        expect(again.code).toBe(1);
        expect(again.stderr).toMatch(/không trống|đã có bảng/);
        const audit = await runCli(['audit', 'verify'], { DATABASE_URL: url.toString() });
        expect(audit.code).toBe(0);
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    });
  });
});
