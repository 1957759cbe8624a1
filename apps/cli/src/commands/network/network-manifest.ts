import { readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { InstallationRole } from './network-plan';

/** One installation in `network.json`. */
export interface NetworkManifestEntry {
  readonly name: string;
  readonly role: InstallationRole;
  readonly title: string;
  readonly url: string;
  /** Agency codes it hosts (a hub: none). */
  readonly agencies: readonly string[];
  /** The running process, null while it is down. */
  readonly pid: number | null;
  readonly dataDir: string;
  readonly logFile: string;
  readonly peersFile: string;
}

/** `data/network/network.json`: what runs where, for people and for scripts. */
export interface NetworkManifest {
  readonly updatedAt: string;
  /** The launcher that supervises the installations; null once it stopped them. */
  readonly launcherPid: number | null;
  readonly installations: readonly NetworkManifestEntry[];
}

export function networkManifestPath(root: string): string {
  return join(root, 'network.json');
}

export function readNetworkManifest(root: string): NetworkManifest | undefined {
  try {
    return JSON.parse(readFileSync(networkManifestPath(root), 'utf8')) as NetworkManifest;
  } catch {
    return undefined;
  }
}

/** Replaced in one rename, so a reader never sees half a file. */
export async function writeNetworkManifest(root: string, manifest: NetworkManifest): Promise<void> {
  const path = networkManifestPath(root);
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(temporary, path);
}
