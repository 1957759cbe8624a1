import { basename, extname } from 'node:path';
import { open } from 'node:fs/promises';
import {
  buildEdocPackage,
  edocHeaderFromRegister,
  vietnamTimestamp,
  type OutgoingDocumentFields,
} from '@vanthu/edxml';
import { isAppException } from '@vanthu/shared';
import { loadPkcs12 } from '@vanthu/signing';
import type { Command } from 'commander';
import { passphrase, readInput, streamAtomically, usage } from '../../cli-io';
import { asCliError, collect } from './edxml-cli';

interface PackOptions {
  pdf: string;
  attachment: string[];
  metadata: string;
  p12: string;
  passwordEnv?: string;
  passwordFile?: string;
  out: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.zip': 'application/zip',
  '.xml': 'application/xml',
  '.txt': 'text/plain',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
};

/**
 * `vanthu edxml pack --pdf FILE [--attachment FILE]… --metadata FILE.json --p12 FILE
 * (--password-env VAR | --password-file F) --out FILE`: a signed edoc package. The metadata uses the
 * outgoing API's field names plus `from` and `to`. The files stream through (a 50 MB PDF is never
 * held in memory); the output appears only when complete.
 */
export function registerEdxmlPackCommand(edxml: Command, env: NodeJS.ProcessEnv): void {
  edxml
    .command('pack')
    .description('Lập gói tin edXML văn bản đã ký số (chữ ký XML-DSig của cơ quan)')
    .requiredOption('--pdf <file>', 'tệp PDF văn bản chính')
    .option('--attachment <file>', 'tệp đính kèm khác, có thể lặp lại', collect, [])
    .requiredOption(
      '--metadata <file>',
      'tệp JSON: typeCode, codeNumber, codeNotation, issuedDate, subject, … from, to',
    )
    .requiredOption('--p12 <file>', 'tệp khóa PKCS#12 của cơ quan (.p12/.pfx)')
    .option('--password-env <var>', 'tên biến môi trường chứa mật khẩu tệp .p12')
    .option('--password-file <file>', 'tệp chứa mật khẩu tệp .p12 (dòng đầu)')
    .requiredOption('--out <file>', 'tệp gói tin edXML (chỉ được ghi khi lập thành công)')
    .action(async (options: PackOptions) => {
      const metadata = parseMetadata(
        await readInput(options.metadata, 'tệp metadata JSON'),
        options.metadata,
      );
      const files = [options.pdf, ...options.attachment];
      for (const f of files) await checkReadable(f);
      if (!(await startsWithPdf(options.pdf))) throw usage(`--pdf không phải tệp PDF: ${options.pdf}`);
      const p12 = await readInput(options.p12, 'tệp .p12');
      const secret = await passphrase(options, env);
      const now = new Date();
      try {
        const identity = loadPkcs12(p12, secret);
        const header = edocHeaderFromRegister(metadata);
        const built = await streamAtomically(options.out, (out) =>
          buildEdocPackage(
            {
              header,
              traceHeaderList: {
                traceHeaders: [{ organId: metadata.from?.organId, timestamp: vietnamTimestamp(now) }],
                bussiness: { bussinessDocType: 0, replacementInfoList: [] },
              },
              attachments: files.map((path) => ({
                attachmentName: basename(path),
                contentType: CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
                source: { path },
              })),
            },
            out,
            { signer: identity, now },
          ),
        );
        process.stdout.write(
          `Đã lập gói tin ${options.out} (${built.bytes} byte): ${built.documentId}, ${files.length} tệp đính kèm, đã ký số.\n`,
        );
      } catch (error) {
        if (isAppException(error) && ['EDXML_INVALID_INPUT', 'EDXML_SOURCE_UNREADABLE'].includes(error.code))
          throw asCliError(error, 2);
        throw asCliError(error, 1);
      }
    });
}

function parseMetadata(bytes: Buffer, path: string): OutgoingDocumentFields {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw usage(`tệp metadata không phải JSON hợp lệ: ${path} (${(e as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw usage(`tệp metadata phải là một đối tượng JSON: ${path}`);
  const m = value as Partial<OutgoingDocumentFields>;
  if (typeof m.from !== 'object' || m.from === null)
    throw usage('metadata thiếu "from": {organId, organName}');
  if (!Array.isArray(m.to) || m.to.length === 0) throw usage('metadata thiếu "to": [{organId, organName}]');
  return m as OutgoingDocumentFields;
}

async function checkReadable(path: string): Promise<void> {
  try {
    await (await open(path, 'r')).close();
  } catch {
    throw usage(`không đọc được tệp: ${path}`);
  }
}

async function startsWithPdf(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(1024), 0, 1024, 0);
    return buffer.subarray(0, bytesRead).includes('%PDF-');
  } finally {
    await handle.close();
  }
}
