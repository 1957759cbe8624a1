import { readFileSync } from 'node:fs';
import type { NetworkManifest } from './network-manifest';

/** The command line of a live process, or undefined when there is none with that pid. */
function commandLine(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return undefined;
  }
}

/** A launcher other than this process still supervises the network in `root`. */
export function runningLauncher(manifest: NetworkManifest | undefined): number | undefined {
  const pid = manifest?.launcherPid;
  if (!pid || pid === process.pid) return undefined;
  return commandLine(pid)?.includes('network') ? pid : undefined;
}

/**
 * Stops installations a launcher killed with SIGKILL left behind (they run in their own process
 * groups): each pid of network.json still running our program gets SIGTERM, then SIGKILL after
 * `timeoutMs`. A pid reused by an unrelated process is left alone.
 */
export async function stopLeftovers(
  manifest: NetworkManifest | undefined,
  mains: ReadonlyMap<string, string>,
  timeoutMs = 60_000,
): Promise<string[]> {
  const stopped: string[] = [];
  const pending = (manifest?.installations ?? []).filter((entry) => {
    const main = mains.get(entry.name);
    return entry.pid !== null && main !== undefined && commandLine(entry.pid)?.includes(main);
  });
  for (const entry of pending) {
    process.kill(entry.pid!, 'SIGTERM');
    stopped.push(`${entry.name} (pid ${entry.pid})`);
  }
  const deadline = Date.now() + timeoutMs;
  for (const entry of pending) {
    while (commandLine(entry.pid!) !== undefined && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    if (commandLine(entry.pid!) !== undefined) process.kill(entry.pid!, 'SIGKILL');
  }
  return stopped;
}
