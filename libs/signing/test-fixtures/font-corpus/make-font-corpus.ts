/**
 * Makes the font corpus of `font-corpus.integration-spec.ts`: the same one-page ND30 decision rendered
 * with different fonts by LibreOffice and by Chromium, each through a private fontconfig that offers
 * only the fonts named, written as `<variant>.pdf` beside this file. The PDFs are committed, so the
 * test needs neither the fonts nor soffice nor chromium and reads the same bytes on every machine.
 *
 *   npm run fixtures:font-corpus
 *
 * Needs soffice, /usr/bin/chromium and the Debian packages fonts-croscore, fonts-liberation (1.07,
 * without Vietnamese letters), fonts-liberation2, fonts-dejavu-core and fonts-noto-core.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { ND30_SIGNER_NAME, fodtToPdf, nd30Fodt } from '../nd30-document';
import { pinFonts, TINOS, type PinnedFamily } from '../pinned-fonts';
import { nd30Html } from './nd30-html';

const run = promisify(execFile);
const ARTICLES = 2;

const LIBERATION_1: PinnedFamily = {
  family: 'Liberation Serif',
  folder: '/usr/share/fonts/truetype/liberation',
  debianPackage: 'fonts-liberation',
};
const LIBERATION_2: PinnedFamily = {
  family: 'Liberation Serif',
  folder: '/usr/share/fonts/truetype/liberation2',
  debianPackage: 'fonts-liberation2',
};
const DEJAVU_SERIF: PinnedFamily = { family: 'DejaVu Serif', debianPackage: 'fonts-dejavu-core' };
const NOTO_SERIF: PinnedFamily = { family: 'Noto Serif', debianPackage: 'fonts-noto-core' };

interface Variant {
  readonly name: string;
  readonly renderer: 'libreoffice' | 'chromium';
  /** The fonts the renderer may use, nothing else. */
  readonly fonts: readonly PinnedFamily[];
  /** The font the document asks for ("Times New Roman" is resolved by the renderer's own rules). */
  readonly family: string;
  /** LibreOffice only: every other letter of every paragraph in this font instead. */
  readonly alternateFamily?: string;
}

const VARIANTS: readonly Variant[] = [
  {
    name: 'libreoffice-liberation-serif',
    renderer: 'libreoffice',
    fonts: [LIBERATION_2],
    family: 'Liberation Serif',
  },
  { name: 'libreoffice-tinos', renderer: 'libreoffice', fonts: [TINOS], family: 'Tinos' },
  {
    name: 'libreoffice-dejavu-serif',
    renderer: 'libreoffice',
    fonts: [DEJAVU_SERIF],
    family: 'DejaVu Serif',
  },
  { name: 'libreoffice-noto-serif', renderer: 'libreoffice', fonts: [NOTO_SERIF], family: 'Noto Serif' },
  // The case of issue 13: "Times New Roman" becomes Liberation Serif 1.07, which has no Vietnamese
  // letters, and LibreOffice draws each of them in Tinos — two fonts inside most words.
  {
    name: 'libreoffice-liberation1-tinos-glyph-mix',
    renderer: 'libreoffice',
    fonts: [LIBERATION_1, TINOS],
    family: 'Times New Roman',
  },
  // Two fonts of different widths alternating letter by letter, set by the document itself.
  {
    name: 'libreoffice-dejavu-tinos-letter-mix',
    renderer: 'libreoffice',
    fonts: [DEJAVU_SERIF, TINOS],
    family: 'DejaVu Serif',
    alternateFamily: 'Tinos',
  },
  { name: 'chromium-tinos', renderer: 'chromium', fonts: [TINOS], family: "'Tinos'" },
  {
    name: 'chromium-liberation1-tinos-glyph-mix',
    renderer: 'chromium',
    fonts: [LIBERATION_1, TINOS],
    family: "'Liberation Serif', 'Tinos'",
  },
];

const escapeXml = (text: string): string => text.replace(/'/g, '&apos;');

/** Puts every other letter of each paragraph's text in a span of `family` (entities and tags kept whole). */
function alternateLetters(fodt: string, family: string): string {
  const declared = fodt
    .replace(
      '</office:font-face-decls>',
      `  <style:font-face style:name="Alternate" svg:font-family="${escapeXml(`'${family}'`)}" style:font-family-generic="roman"/>\n </office:font-face-decls>`,
    )
    .replace(
      '</office:automatic-styles>',
      ' <style:style style:name="Alt" style:family="text"><style:text-properties style:font-name="Alternate"/></style:style>\n </office:automatic-styles>',
    );
  return declared.replace(
    /(<text:p[^>]*>)(.*?)(<\/text:p>)/gs,
    (_, open: string, inner: string, close: string) => {
      let odd = false;
      const mixed = inner.replace(
        /(<[^>]+>)|([^<]+)/g,
        (_m, tag: string | undefined, text: string | undefined) => {
          if (tag) return tag;
          return (text ?? '').replace(/&[#a-z0-9]+;|\s|./gsu, (ch) => {
            if (/^\s$/.test(ch)) return ch;
            odd = !odd;
            return odd ? `<text:span text:style-name="Alt">${ch}</text:span>` : ch;
          });
        },
      );
      return `${open}${mixed}${close}`;
    },
  );
}

async function libreOffice(variant: Variant): Promise<Buffer> {
  const fonts = await pinFonts(variant.fonts);
  let fodt = (await nd30Fodt({ articles: ARTICLES, signerName: ND30_SIGNER_NAME })).replace(
    `svg:font-family="'Times New Roman'"`,
    `svg:font-family="${escapeXml(`'${variant.family}'`)}"`,
  );
  if (variant.alternateFamily) fodt = alternateLetters(fodt, variant.alternateFamily);
  return fodtToPdf(fodt, fonts);
}

async function chromium(variant: Variant): Promise<Buffer> {
  const fonts = await pinFonts(variant.fonts);
  const work = await mkdtemp(join(tmpdir(), 'vanthu-font-corpus-'));
  try {
    const html = join(work, 'decision.html');
    const pdf = join(work, 'decision.pdf');
    await writeFile(
      html,
      nd30Html({ articles: ARTICLES, signerName: ND30_SIGNER_NAME, fontFamily: variant.family }),
    );
    // The flags that keep Chromium off the network (this machine has none) and out of the user's profile.
    await run(
      '/usr/bin/chromium',
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${join(work, 'profile')}`,
        '--no-pdf-header-footer',
        `--print-to-pdf=${pdf}`,
        pathToFileURL(html).href,
      ],
      { timeout: 120_000, env: fonts.env },
    );
    return await readFile(pdf);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const out = process.argv[2] ?? join(process.cwd(), 'libs', 'signing', 'test-fixtures', 'font-corpus');
  for (const variant of VARIANTS) {
    const pdf = variant.renderer === 'libreoffice' ? await libreOffice(variant) : await chromium(variant);
    await writeFile(join(out, `${variant.name}.pdf`), pdf);
    console.log(`${variant.name}.pdf ${pdf.length} bytes`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
