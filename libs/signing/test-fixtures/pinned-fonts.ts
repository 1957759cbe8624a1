import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const CACHE = join(tmpdir(), 'vanthu-signing-fixtures');

/** Fonts to offer: the faces of a family found in one folder of the machine's fonts. */
export interface PinnedFamily {
  readonly family: string;
  /** Only faces under this folder (fonts-liberation and fonts-liberation2 both name "Liberation Serif"). */
  readonly folder?: string;
  /** The Debian package to install when it is missing, for the error message. */
  readonly debianPackage: string;
}

export interface PinnedFonts {
  /** Environment for a child process (soffice, chromium) that sees only these fonts. */
  readonly env: NodeJS.ProcessEnv;
  /** Changes when the offered font files change: part of the cache key of what they render. */
  readonly key: string;
}

async function facesOf(pinned: PinnedFamily): Promise<string[]> {
  // Through the machine's own configuration; condensed faces (DejaVu) are left out.
  const { stdout } = await run('fc-list', ['--format', '%{file}\t%{width}\n', `:family=${pinned.family}`]);
  const files = stdout
    .split('\n')
    .map((line) => line.split('\t'))
    .filter(([file, width]) => file && (width === '100' || width === undefined || width === ''))
    .map(([file]) => file)
    .filter((file) => !pinned.folder || file.startsWith(`${pinned.folder}/`))
    .sort();
  if (!files.length)
    throw new Error(
      `font "${pinned.family}"${pinned.folder ? ` in ${pinned.folder}` : ''} is not installed: apt-get install ${pinned.debianPackage}`,
    );
  return files;
}

/**
 * A private fontconfig configuration that offers only the given fonts, so that what LibreOffice or
 * Chromium renders does not depend on which other fonts the machine has: with fonts-liberation
 * (1.07, no Vietnamese letters) installed beside Tinos, LibreOffice took "Times New Roman" as
 * Liberation Serif and drew every Vietnamese letter in Tinos, glyph by glyph. `aliases` maps a
 * requested family (e.g. "Times New Roman") to the offered one that stands in for it.
 */
export async function pinFonts(
  families: readonly PinnedFamily[],
  aliases: Readonly<Record<string, string>> = {},
): Promise<PinnedFonts> {
  const files = (await Promise.all(families.map(facesOf))).flat();
  const sizes = await Promise.all(files.map(async (file) => (await stat(file)).size));
  const key = createHash('sha256')
    .update(JSON.stringify({ files, sizes, aliases }))
    .digest('hex')
    .slice(0, 16);
  const dir = join(CACHE, `fonts-${key}`);
  const env = { ...process.env, FONTCONFIG_FILE: join(dir, 'fonts.conf') };
  if (await stat(env.FONTCONFIG_FILE).catch(() => undefined)) return { env, key };
  const work = join(CACHE, `work-fonts-${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(join(work, 'fonts'), { recursive: true });
  // Names are unique per file: LibreOffice's and Tinos's faces never share a file name, but be sure.
  await Promise.all(files.map((file, i) => symlink(file, join(work, 'fonts', `${i}-${basename(file)}`))));
  const alias = Object.entries(aliases)
    .map(
      ([wanted, offered]) =>
        `  <alias binding="same"><family>${wanted}</family><prefer><family>${offered}</family></prefer></alias>`,
    )
    .join('\n');
  await writeFile(
    join(work, 'fonts.conf'),
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>${join(dir, 'fonts')}</dir>
  <cachedir>${join(dir, 'cache')}</cachedir>
${alias}
</fontconfig>
`,
  );
  // Another process may have made the same folder meanwhile; its copy is as good as ours.
  await rename(work, dir).catch(() => rm(work, { recursive: true, force: true }));
  return { env, key };
}

/** Tinos (fonts-croscore): the Times New Roman metric font the signing fixtures are rendered with. */
export const TINOS: PinnedFamily = { family: 'Tinos', debianPackage: 'fonts-croscore' };
