import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** The system user that runs PostgreSQL when we are root (PostgreSQL refuses to run as root). */
export interface RunAs {
  uid?: number;
  gid?: number;
}

/**
 * Where clusters go when the data folder is out of the postgres user's reach: a root-owned place
 * every Linux has, outside any home folder.
 */
export const RELOCATED_CLUSTERS_ROOT = '/var/lib/vanthu/postgres';
const OWNER_FILE = 'data-folder';

export interface ClusterPlacement {
  /** The real folder holding the cluster, its socket, log and password. */
  dir: string;
  /** Set when `dir` is a relocated folder that `<data>/pg` links to. */
  relocated: boolean;
  /**
   * A relocated folder left by an earlier data folder at the same path (that data folder was
   * deleted): stop whatever runs on it, then remove it, before using `dir`.
   */
  stale?: string;
}

/**
 * Decides where the cluster of `<data>/pg` lives. Without root, the cluster runs as ourselves and
 * lives in `<data>/pg`. As root it runs as `postgres`, which must be able to reach it; a data folder
 * under /root or a mkdtemp folder (mode 0700) is out of its reach, and opening those folders to
 * others would expose everything in them. Then the cluster goes to
 * `/var/lib/vanthu/postgres/<name>-<hash of the path>` and `<data>/pg` becomes a link to it.
 */
export function placeCluster(pgDir: string, runAs: RunAs): ClusterPlacement {
  const dir = resolve(pgDir);
  if (runAs.uid === undefined) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return { dir, relocated: false };
  }
  const existing = lstatSync(dir, { throwIfNoEntry: false });
  if (existing?.isSymbolicLink()) {
    const target = resolve(dirname(dir), readlinkSync(dir));
    prepareOwnedFolder(target, runAs);
    return { dir: target, relocated: true };
  }
  if (existing) {
    if (!reachableBy(dirname(dir), runAs))
      throw new Error(
        `Người dùng hệ thống "postgres" không truy cập được ${dir} (một thư mục cha có quyền 0700): ` +
          'hãy chuyển thư mục dữ liệu ra ngoài, hoặc xóa thư mục pg này để vanthu đặt cụm PostgreSQL vào ' +
          RELOCATED_CLUSTERS_ROOT,
      );
    prepareOwnedFolder(dir, runAs);
    return { dir, relocated: false };
  }
  mkdirSync(dirname(dir), { recursive: true });
  if (reachableBy(dirname(dir), runAs)) {
    prepareOwnedFolder(dir, runAs);
    return { dir, relocated: false };
  }
  return relocate(dir);
}

function relocate(dir: string): ClusterPlacement {
  const name = `${basename(dirname(dir))
    .replace(/[^\w.-]/g, '_')
    .slice(0, 40)}-${createHash('sha256').update(dir).digest('hex').slice(0, 16)}`;
  mkdirSync(RELOCATED_CLUSTERS_ROOT, { recursive: true, mode: 0o755 });
  let target = join(RELOCATED_CLUSTERS_ROOT, name);
  let stale: string | undefined;
  if (existsSync(target)) {
    // Same path, no link: the data folder that used it was deleted. A folder naming another path
    // belongs to a data folder that was moved away from this path: keep it and take another name.
    if (ownerOf(target) === dir) stale = target;
    else target = `${target}-${Date.now().toString(36)}`;
  }
  return { dir: target, relocated: true, stale };
}

/** Creates the relocated folder (after any stale one was removed) and links `<data>/pg` to it. */
export function linkRelocatedCluster(pgDir: string, target: string, runAs: RunAs): void {
  prepareOwnedFolder(target, runAs);
  writeFileSync(join(target, OWNER_FILE), `${resolve(pgDir)}\n`, { mode: 0o644 });
  symlinkSync(target, resolve(pgDir));
}

function ownerOf(target: string): string | undefined {
  try {
    return readFileSync(join(target, OWNER_FILE), 'utf8').trim();
  } catch {
    return undefined;
  }
}

function prepareOwnedFolder(dir: string, runAs: RunAs): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (runAs.uid !== undefined) chownSync(dir, runAs.uid, runAs.gid ?? runAs.uid);
}

/** Asks the kernel itself, as that user: modes, ACLs and group membership all count. */
function reachableBy(dir: string, runAs: RunAs): boolean {
  try {
    execFileSync('test', ['-x', dir], { uid: runAs.uid, gid: runAs.gid, cwd: '/', stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
