import { readdirSync, readFileSync } from 'node:fs';

/** CPU time (user + system, all threads) in ms, per group of processes; Linux /proc only. */
export interface CpuSnapshot {
  byGroup: Record<string, number>;
  /** All CPUs of the machine, busy and idle, in ms. */
  machineBusy: number;
  machineIdle: number;
  /**
   * Time the hypervisor ran something else while this VM wanted its CPUs (/proc/stat "steal"), in
   * ms: part of machineBusy; a run with more of it is slower for reasons outside the product.
   */
  machineSteal: number;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

/**
 * Reads the CPU time used so far by each named group: a group is a list of pids, or `comm:<name>`
 * for every process of that command name (the postgres backends, which come and go).
 */
export function cpuSnapshot(groups: Record<string, number[] | `comm:${string}`>): CpuSnapshot {
  const byGroup: Record<string, number> = {};
  for (const [name, members] of Object.entries(groups)) {
    const pids = typeof members === 'string' ? pidsOf(members.slice('comm:'.length)) : members;
    byGroup[name] = pids.reduce((sum, pid) => sum + processCpu(pid), 0);
  }
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const ticks = fields.map(Number);
  const idle = ticks[3] + ticks[4]; // idle + iowait
  const all = ticks.slice(0, 8).reduce((a, b) => a + b, 0);
  return {
    byGroup,
    machineBusy: (all - idle) * TICK_MS,
    machineIdle: idle * TICK_MS,
    machineSteal: ticks[7] * TICK_MS,
  };
}

/** Per-group CPU ms between two snapshots, and the machine's busy and stolen shares. */
export function cpuBetween(
  before: CpuSnapshot,
  after: CpuSnapshot,
): { byGroup: Record<string, number>; busyShare: number; stealShare: number } {
  const byGroup: Record<string, number> = {};
  for (const name of Object.keys(after.byGroup))
    byGroup[name] = after.byGroup[name] - (before.byGroup[name] ?? 0);
  const busy = after.machineBusy - before.machineBusy;
  const idle = after.machineIdle - before.machineIdle;
  const all = Math.max(1, busy + idle);
  return { byGroup, busyShare: busy / all, stealShare: (after.machineSteal - before.machineSteal) / all };
}

function processCpu(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after the command name, which is in parentheses and may hold spaces
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) * TICK_MS; // utime, stime
  } catch {
    return 0; // gone
  }
}

function pidsOf(command: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === command) pids.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}
