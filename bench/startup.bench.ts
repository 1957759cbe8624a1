/**
 * Time from `node dist/apps/server/src/main.js` to a 200 from /ready: cold (fresh data folder:
 * initdb, migrations, demo world) and warm (same folder again). Run after `npm run build`.
 * Prints { name, value, unit } lines: startup_cold_ms, startup_warm_ms.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../test/kit/free-port';
import { removeDataFolder } from '../test/kit/server-process';

const MAIN = join(__dirname, '../apps/server/src/main.js');

async function startAndMeasure(dataDir: string, port: number, pgPort: number): Promise<number> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      VANTHU_DATA_DIR: dataDir,
      PORT: String(port),
      VANTHU_EMBEDDED_PG_PORT: String(pgPort),
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error('server exited before it was ready');
      const ok = await fetch(`http://127.0.0.1:${port}/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return Number(process.hrtime.bigint() - started) / 1e6;
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vanthu-bench-start-'));
  try {
    const [port, pgPort] = [await freePort(), await freePort()];
    const cold = await startAndMeasure(dataDir, port, pgPort);
    console.log(
      JSON.stringify({
        name: 'startup_cold_ms',
        value: Math.round(cold),
        unit: 'ms (fresh data folder to /ready)',
      }),
    );
    const warm = await startAndMeasure(dataDir, port, pgPort);
    console.log(
      JSON.stringify({
        name: 'startup_warm_ms',
        value: Math.round(warm),
        unit: 'ms (existing data to /ready)',
      }),
    );
  } finally {
    removeDataFolder(dataDir); // with its cluster, when it was relocated (root, 0700 mkdtemp folder)
  }
}

void main();
