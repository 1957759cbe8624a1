import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CENTRAL_CODE, DEMO_DISTRICT_CODE, demoCommuneCode } from '@vanthu/directory';
import { ApiSessions } from '@vanthu/test-kit';
import {
  agencyOf,
  type ApiNode,
  demoPeople,
  freePortRange,
  inbox,
  issueDocument,
  ok,
  waitFor,
} from '@vanthu/test-kit/cluster';
import { CLI_MAIN, embeddedPostgresRunning, removeDataFolder } from '@vanthu/test-kit/server-process';
import { nd30Pdf } from '../../libs/signing/test-fixtures/nd30-document';
import type { NetworkManifest } from '../../apps/cli/src/commands/network/network-manifest';

const VPCP = demoPeople('vpcp');
const XA = demoPeople('eadrang');
const EA_DRANG = demoCommuneCode(1);
const READY_LINE = 'Ctrl-C để dừng tất cả';

interface Launcher {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function alive(pid: number | null): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * `npm run demo:network` (vanthu network demo) as a user runs it: the four levels start as
 * supervised processes with their own PostgreSQL, network.json says what runs where, a document of
 * the Government Office reaches a commune through both hubs and its registration comes back, a
 * killed hub is restarted, Ctrl-C stops everything, and a second run reuses the folders.
 */
describe('npm run demo:network', () => {
  let cwd: string;
  let dir: string;
  let port: number;
  let launcher: Launcher | undefined;

  function launch(): Launcher {
    let output = '';
    const child = spawn(
      process.execPath,
      [
        CLI_MAIN,
        'network',
        'demo',
        '--dir',
        'network',
        '--port',
        String(port),
        '--pg-port',
        String(port + 10),
      ],
      { cwd, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, output: () => output, exited };
  }

  async function ready(l: Launcher): Promise<NetworkManifest> {
    await waitFor(
      'the launcher to print the network',
      async () => {
        if (l.child.exitCode !== null) throw new Error(`launcher exited: ${l.output()}`);
        return l.output().includes(READY_LINE);
      },
      900_000,
      500,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${l.output()}`);
    });
    return manifest();
  }

  const manifest = (): NetworkManifest => JSON.parse(readFileSync(join(dir, 'network.json'), 'utf8'));

  function node(m: NetworkManifest, name: string): ApiNode {
    const entry = m.installations.find((i) => i.name === name)!;
    const password = readFileSync(join(dir, 'demo-password'), 'utf8').trim();
    return { name, url: entry.url, api: new ApiSessions(entry.url, password) };
  }

  async function interrupt(l: Launcher): Promise<void> {
    l.child.kill('SIGINT');
    const code = await Promise.race([l.exited, new Promise((r) => setTimeout(() => r('timeout'), 180_000))]);
    expect(code).toBe(0);
  }

  beforeAll(async () => {
    cwd = mkdtempSync(join(tmpdir(), 'vanthu-demo-network-'));
    dir = join(cwd, 'network');
    port = await freePortRange(14); // HTTP from port, PostgreSQL from port + 10
  });
  afterAll(async () => {
    if (launcher && launcher.child.exitCode === null) {
      launcher.child.kill('SIGINT');
      await launcher.exited;
    }
    for (const name of ['hub-quocgia', 'hub-daklak', 'node-eahleo', 'node-vpcp'])
      removeDataFolder(join(dir, name));
    rmSync(cwd, { recursive: true, force: true });
  }, 240_000);

  it('starts the four levels, carries a document both ways, restarts what dies, stops on Ctrl-C and starts again from its folders', async () => {
    launcher = launch();
    const first = await ready(launcher);

    // network.json: name, role, URL, hosted agencies, pid, data folder of each, and the launcher
    expect(first.launcherPid).toBe(launcher.child.pid);
    expect(first.installations.map((i) => [i.name, i.role, i.url])).toEqual([
      ['hub-quocgia', 'hub', `http://127.0.0.1:${port}`],
      ['hub-daklak', 'hub', `http://127.0.0.1:${port + 1}`],
      ['node-eahleo', 'node', `http://127.0.0.1:${port + 2}`],
      ['node-vpcp', 'node', `http://127.0.0.1:${port + 3}`],
    ]);
    const byName = new Map(first.installations.map((i) => [i.name, i]));
    expect(byName.get('node-eahleo')!.agencies).toHaveLength(13);
    expect(byName.get('node-eahleo')!.agencies).toContain(DEMO_DISTRICT_CODE);
    expect(byName.get('node-vpcp')!.agencies).toEqual([DEMO_CENTRAL_CODE]);
    expect(byName.get('hub-daklak')!.agencies).toEqual([]);
    for (const i of first.installations) {
      expect([i.name, alive(i.pid)]).toEqual([i.name, true]);
      expect(i.dataDir).toBe(join(dir, i.name));
      expect(embeddedPostgresRunning(i.dataDir)).toBe(true);
    }
    // each prints its URL; the demo logins with the password and the leaders' signing passphrases
    const printed = launcher.output();
    for (const i of first.installations) expect(printed).toContain(i.url);
    const password = readFileSync(join(dir, 'demo-password'), 'utf8').trim();
    expect(printed).toContain(password);
    expect(printed).toMatch(/vpcp\.vanthu/);
    expect(printed).toMatch(/eadrang\.lanhdao.*mật khẩu chứng thư số: \S+/);

    // a document of the Government Office reaches Ea Drăng through both hubs; 03 comes back
    const central = node(first, 'node-vpcp');
    const district = node(first, 'node-eahleo');
    const g22 = await agencyOf(central, VPCP.clerk);
    const commune = await agencyOf(district, XA.clerk);
    const leader = await ok(central, VPCP.leader, 'get', '/api/v1/auth/me');
    const passphrase = /vpcp\.lanhdao.*mật khẩu chứng thư số: (\S+)/.exec(printed)![1];
    const issued = await issueDocument(central, g22, VPCP, passphrase, {
      subject: 'Về việc chạy thử mạng liên thông bốn cấp',
      recipients: [EA_DRANG],
      pdf: await nd30Pdf({ signerName: leader.fullName }),
    });
    const arrived = await waitFor('the document at Ea Drăng', async () =>
      (await inbox(district, XA.clerk, commune)).find((e) => e.numberNotation === issued.numberNotation),
    );
    const detail = await ok(district, XA.clerk, 'get', `/api/v1/agencies/${commune}/entries/${arrived.id}`);
    await ok(district, XA.clerk, 'post', `/api/v1/agencies/${commune}/incoming/${arrived.id}/register`, {
      version: detail.version,
    });
    const statuses = await waitFor('status 03 at the Government Office', async () => {
      const sent = await ok(central, VPCP.clerk, 'get', `/api/v1/agencies/${g22}/entries/${issued.id}`);
      const d = sent.deliveries[0] as { statusCode: string; statuses: { code: string }[] };
      return d.statusCode === '03' ? d.statuses.map((s) => s.code) : undefined;
    });
    expect(statuses).toEqual(['01', '03']);

    // the supervisor restarts a hub killed with SIGKILL, and network.json follows
    const hubPid = byName.get('hub-daklak')!.pid!;
    process.kill(hubPid, 'SIGKILL');
    const restarted = await waitFor(
      'hub-daklak restarted',
      async () => {
        const pid = manifest().installations.find((i) => i.name === 'hub-daklak')!.pid;
        return pid && pid !== hubPid && alive(pid) ? pid : undefined;
      },
      120_000,
    );
    expect(restarted).not.toBe(hubPid);
    expect(launcher.output()).toMatch(/\[hub-daklak\] tiến trình \d+ dừng bất thường \(SIGKILL\)/);
    await waitFor(
      'hub-daklak ready again',
      async () => (await fetch(`${byName.get('hub-daklak')!.url}/ready`)).ok,
      120_000,
    );

    // Ctrl-C: every process stops, each with its PostgreSQL
    await interrupt(launcher);
    const stopped = manifest();
    expect(stopped.launcherPid).toBeNull();
    for (const i of first.installations) {
      expect([i.name, stopped.installations.find((s) => s.name === i.name)!.pid]).toEqual([i.name, null]);
      expect(alive(i.pid)).toBe(false);
      expect(embeddedPostgresRunning(i.dataDir)).toBe(false);
    }
    expect(alive(restarted)).toBe(false);
    const pinned = readFileSync(join(dir, 'hub-daklak', 'exchange', 'certs', 'node-eahleo.pem'), 'utf8');

    // a second run reuses the folders: same identities, same data, same logins
    launcher = launch();
    await ready(launcher);
    expect(launcher.output()).toContain('Dùng lại');
    expect(readFileSync(join(dir, 'hub-daklak', 'exchange', 'certs', 'node-eahleo.pem'), 'utf8')).toBe(
      pinned,
    );
    const again = await ok(district, XA.clerk, 'get', `/api/v1/agencies/${commune}/entries/${arrived.id}`);
    expect(again).toMatchObject({
      status: 'registered',
      subject: 'Về việc chạy thử mạng liên thông bốn cấp',
    });
    expect(existsSync(join(dir, 'pki', 'manifest.json'))).toBe(true);
    await interrupt(launcher);
  }, 1_800_000);
});
