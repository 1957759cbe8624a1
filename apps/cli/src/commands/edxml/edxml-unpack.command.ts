import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { usage } from '../../cli-io';
import { readPackageOrExit } from './edxml-cli';

/**
 * `vanthu edxml unpack FILE --out DIR`: each attachment (after unwrapping) as a file in DIR, named
 * by its AttachmentName made safe (no directories, no control characters). Existing files are never
 * overwritten (exit 2).
 */
export function registerEdxmlUnpackCommand(edxml: Command): void {
  edxml
    .command('unpack')
    .description('Tách các tệp đính kèm của gói tin edXML ra thư mục')
    .argument('<file>', 'tệp gói tin edXML')
    .requiredOption('--out <dir>', 'thư mục nhận các tệp')
    .action(async (file: string, options: { out: string }) => {
      const parsed = await readPackageOrExit(file);
      if (parsed.kind !== 'edoc') throw usage('gói tin trạng thái không có tệp đính kèm');
      try {
        await mkdir(options.out, { recursive: true });
      } catch (e) {
        throw usage(`không tạo được thư mục ${options.out}: ${(e as Error).message}`);
      }
      const used = new Set<string>();
      for (const [i, a] of parsed.attachments.entries()) {
        const name = uniqueName(safeFileName(a.unwrappedFrom?.entryName ?? a.attachmentName, i), used);
        try {
          await writeFile(join(options.out, name), a.bytes, { flag: 'wx' });
        } catch (e) {
          throw usage(`không ghi được ${join(options.out, name)}: ${(e as Error).message}`);
        }
        process.stdout.write(`${name}\t${a.size} byte\tSHA-256 ${a.sha256}\n`);
      }
    });
}

/** The last path component, without control characters or characters file systems refuse. */
export function safeFileName(name: string, index: number): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  const cleaned = last
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^\.+/, '')
    .trim();
  return cleaned === '' ? `tep-dinh-kem-${index + 1}` : cleaned.slice(0, 200);
}

function uniqueName(name: string, used: Set<string>): string {
  let candidate = name;
  for (let n = 2; used.has(candidate); n++) candidate = name.replace(/(\.[^.]*)?$/, (ext) => ` (${n})${ext}`);
  used.add(candidate);
  return candidate;
}
