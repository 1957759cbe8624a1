import { readFileSync } from 'node:fs';
import type { Cluster } from '../../test/kit/cluster';

/** Clock ticks per second of /proc/<pid>/stat on Linux (sysconf(_SC_CLK_TCK), 100 on every x86-64 kernel). */
const TICKS_PER_S = 100;

/** utime + stime of a process in ms, or undefined when it is gone. */
function cpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after the command name (which may hold spaces) start at ")"; utime and stime are 14 and 15
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) / TICKS_PER_S) * 1000;
  } catch {
    return undefined;
  }
}

type Snapshot = Map<string, Map<number, number>>;

/**
 * CPU time each installation spends while documents travel: its Node process and every process of
 * its PostgreSQL (found in pg_stat_activity, which lists the backends and the background workers),
 * read from /proc at the start and the end. A process started during the run counts from zero; one
 * that ended during it is missed (the pools keep their connections, so few are).
 */
export class CpuMeter {
  private constructor(
    private readonly cluster: Cluster,
    private readonly start: Snapshot,
  ) {}

  static async start(cluster: Cluster): Promise<CpuMeter> {
    return new CpuMeter(cluster, await snapshot(cluster));
  }

  /** ms of CPU per installation, split into its Node process (`node`) and its database (`pg`). */
  async stop(): Promise<Map<string, { node: number; pg: number }>> {
    const end = await snapshot(this.cluster);
    const used = new Map<string, { node: number; pg: number }>();
    for (const installation of this.cluster.all()) {
      const name = installation.name;
      const before = this.start.get(name) ?? new Map<number, number>();
      const after = end.get(name) ?? new Map<number, number>();
      const nodePid = installation.pid();
      let node = 0;
      let pg = 0;
      for (const [pid, ms] of after) {
        const delta = ms - (before.get(pid) ?? 0);
        if (pid === nodePid) node += delta;
        else pg += delta;
      }
      used.set(name, { node, pg });
    }
    return used;
  }
}

async function snapshot(cluster: Cluster): Promise<Snapshot> {
  const all: Snapshot = new Map();
  for (const installation of cluster.all()) {
    const pids = new Set<number>();
    const nodePid = installation.pid();
    if (nodePid !== undefined) pids.add(nodePid);
    for (const row of await installation.sql<{ pid: number }>('SELECT pid FROM pg_stat_activity'))
      pids.add(row.pid);
    const times = new Map<number, number>();
    for (const pid of pids) {
      const ms = cpuMs(pid);
      if (ms !== undefined) times.set(pid, ms);
    }
    all.set(installation.name, times);
  }
  return all;
}
