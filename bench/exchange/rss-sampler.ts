import { readFileSync } from 'node:fs';

/** Resident memory of a process in MB (VmRSS), or undefined when it is gone. */
function rssMb(pid: number): number | undefined {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The highest resident memory of each named process while the sampler runs (every 250 ms), over
 * whichever pid the name has at each sample (a restarted process keeps its name). VmHWM would also
 * count the start (migrations, demo seed), which is not what the exchange costs.
 */
export class RssSampler {
  private readonly peaks = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pids: () => ReadonlyMap<string, number | undefined>) {
    this.timer = setInterval(() => this.sample(), 250);
    this.sample();
  }

  private sample(): void {
    for (const [name, pid] of this.pids()) {
      const mb = pid === undefined ? undefined : rssMb(pid);
      if (mb !== undefined) this.peaks.set(name, Math.max(this.peaks.get(name) ?? 0, mb));
    }
  }

  stop(): ReadonlyMap<string, number> {
    clearInterval(this.timer);
    this.sample();
    return this.peaks;
  }
}
