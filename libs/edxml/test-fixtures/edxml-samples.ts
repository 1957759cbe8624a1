import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { EdocPackageInput, StatusPackageInput } from '../src';

const exec = promisify(execFile);

/**
 * A small valid PDF whose body is `size` bytes of binary (random) data in one stream, so that a
 * text round trip would mangle it the way real hubs have (U+FFFD).
 */
export function syntheticPdf(size = 2048, seed?: Buffer): Buffer {
  const body = seed ?? randomBytes(size);
  const head = Buffer.from(
    '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n',
    'latin1',
  );
  const pages = Buffer.from('2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n', 'latin1');
  const stream = Buffer.concat([
    Buffer.from(`3 0 obj\n<< /Length ${body.length} >>\nstream\n`, 'latin1'),
    body,
    Buffer.from('\nendstream\nendobj\n', 'latin1'),
  ]);
  const xrefAt = head.length + pages.length + stream.length;
  const tail = Buffer.from(
    `xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`,
    'latin1',
  );
  return Buffer.concat([head, pages, stream, tail]);
}

/** A decision of a province People's Committee to a department, with two attachments. */
export function sampleEdoc(
  overrides: Partial<EdocPackageInput> = {},
  pdf = syntheticPdf(6000),
): EdocPackageInput {
  return {
    header: {
      from: {
        organId: '000.00.01.H57',
        organName: 'Ủy ban nhân dân tỉnh Thừa Thiên Huế',
        organAdd: '16 Lê Lợi, thành phố Huế',
        email: 'ubnd@thuathienhue.gov.vn',
      },
      to: [
        { organId: '000.00.12.H57', organName: 'Sở Nội vụ tỉnh Thừa Thiên Huế' },
        { organId: '000.01.12.H57', organName: 'Ủy ban nhân dân huyện Phú Vang' },
      ],
      code: { codeNumber: '07', codeNotation: 'QĐ-UBND' },
      promulgationInfo: { place: 'Thừa Thiên Huế', promulgationDate: '2025-03-14' },
      documentType: { type: '1', typeName: 'Quyết định' },
      subject: 'Về việc ban hành Quy chế làm việc của Ủy ban nhân dân tỉnh & các sở, ngành <năm 2025>',
      signerInfo: { position: 'Chủ tịch', fullName: 'Nguyễn Văn Ấn' },
      dueDate: '2025-04-01',
      toPlaces: ['Như Điều 3;', 'Lưu: VT, NC.'],
      otherInfo: { priority: 1, pageAmount: 2, promulgationAmount: 5, appendixes: ['Phụ lục I'] },
      responseFor: [],
    },
    traceHeaderList: {
      traceHeaders: [{ organId: '000.00.01.H57', timestamp: '2025-03-14T08:30:00+07:00' }],
      bussiness: { bussinessDocType: 0, bussinessDocReason: 'Văn bản điện tử mới', replacementInfoList: [] },
    },
    attachments: [
      { attachmentName: 'QD-07-UBND.pdf', contentType: 'application/pdf', source: pdf },
      {
        attachmentName: 'Phu luc.txt',
        contentType: 'text/plain',
        source: Buffer.from('Phụ lục: danh sách đơn vị\n'),
      },
    ],
    ...overrides,
  };
}

export function sampleStatus(overrides: Partial<StatusPackageInput> = {}): StatusPackageInput {
  return {
    responseFor: {
      organId: '000.00.01.H57',
      code: '07/QĐ-UBND',
      promulgationDate: '2025-03-14',
      documentId: '000.00.01.H57,2025/03/14,07/QĐ-UBND',
    },
    from: { organId: '000.00.12.H57', organName: 'Sở Nội vụ tỉnh Thừa Thiên Huế' },
    statusCode: '03',
    description: 'Đã vào sổ văn bản đến số 125',
    timestamp: '2025-03-14T09:12:05+07:00',
    staffInfo: { department: 'Văn phòng', staff: 'Trần Thị Bình' },
    ...overrides,
  };
}

export interface ToolResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * `xmlsec1 --verify` (libxmlsec1 with OpenSSL: no code shared with xml-crypto or us) with the given
 * root as the only trusted certificate, the key from KeyInfo's X509Data, and references limited to
 * URI="" (the only kind our policy accepts). `untrustedPem`: an intermediate the package does not carry.
 */
export async function xmlsecVerify(
  xml: Buffer,
  trustedPem: string,
  untrustedPem?: string,
): Promise<ToolResult> {
  const dir = await mkdtemp(join(tmpdir(), 'vanthu-xmlsec-'));
  try {
    const file = join(dir, 'package.xml');
    await writeFile(file, xml);
    try {
      const { stdout, stderr } = await exec(
        'xmlsec1',
        [
          '--verify',
          '--trusted-pem',
          trustedPem,
          ...(untrustedPem ? ['--untrusted-pem', untrustedPem] : []),
          '--enabled-reference-uris',
          'empty',
          '--enabled-key-data',
          'x509',
          file,
        ],
        { maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      );
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code?: number; stdout?: string; stderr?: string };
      return {
        code: typeof e.code === 'number' ? e.code : 1,
        stdout: e.stdout ?? '',
        stderr: e.stderr ?? '',
      };
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
