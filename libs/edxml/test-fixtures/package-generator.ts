import type {
  AttachmentInput,
  EdocPackageInput,
  EdxmlOrganization,
  ParsedEdocPackage,
  ParsedStatusPackage,
  StatusPackageInput,
} from '../src';
import { STATUS_CODES, type StatusCode } from '../src/model/status-package';
import { syntheticPdf } from './edxml-samples';

/** mulberry32: a small seeded generator, so a failing case can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'Ủy ban',
  'nhân dân',
  'tỉnh',
  'huyện',
  'xã',
  "Ea H'Leo",
  'Đắk Lắk',
  'Sở',
  'Nội vụ',
  'Tài chính',
  'Giáo dục',
  'và',
  'Đào tạo',
  'quyết định',
  'về việc',
  'ban hành',
  'quy chế',
  'phối hợp',
  'thực hiện',
  'năm 2025',
  'hướng dẫn',
  'thủ tục',
  'hành chính',
  'kế hoạch',
  'phòng',
  'chống',
  'thiên tai',
  'Hội đồng',
  'nhân dân',
  'báo cáo',
  'kết quả',
  'công tác',
  '&',
  '<',
  '>',
  '"',
  "'",
  '“trích”',
  '—',
  '№',
  '50%',
  'A&B',
  '1 < 2',
];

export class PackageGenerator {
  constructor(private readonly random: () => number) {}

  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  maybe<T>(make: () => T, chance = 0.5): T | undefined {
    return this.random() < chance ? make() : undefined;
  }

  words(min: number, max: number): string {
    return Array.from({ length: this.int(min, max) }, () => this.pick(WORDS)).join(' ');
  }

  /** text with the odd tab and line break inside (never at the ends: the builder trims those) */
  text(min: number, max: number): string {
    return this.words(min, max)
      .split(' ')
      .map((w, i) => (i > 0 && this.random() < 0.05 ? `${this.pick(['\n', '\t'])}${w}` : w))
      .join(' ');
  }

  agencyCode(): string {
    const two = () => String(this.int(0, 99)).padStart(2, '0');
    return `${String(this.int(0, 999)).padStart(3, '0')}.${two()}.${two()}.${this.pick(['H', 'G', 'A'])}${two()}`;
  }

  date(): string {
    const d = new Date(Date.UTC(this.int(2015, 2030), this.int(0, 11), this.int(1, 28)));
    return d.toISOString().slice(0, 10);
  }

  timestamp(): string {
    const two = (n: number) => String(n).padStart(2, '0');
    return `${this.date()}T${two(this.int(0, 23))}:${two(this.int(0, 59))}:${two(this.int(0, 59))}+07:00`;
  }

  organization(): EdxmlOrganization {
    return {
      organId: this.agencyCode(),
      organName: this.words(2, 6),
      organizationInCharge: this.maybe(() => this.words(1, 4)),
      organAdd: this.maybe(() => this.words(2, 8)),
      email: this.maybe(() => `vanthu${this.int(1, 999)}@ealeo.gov.vn`),
      telephone: this.maybe(() => `0262 ${this.int(100000, 999999)}`),
      fax: this.maybe(() => `0262 ${this.int(100000, 999999)}`),
      website: this.maybe(() => `https://ealeo${this.int(1, 9)}.gov.vn`),
    };
  }

  foreignId(): string {
    return this.pick(['vxp.saas.03', '01.02.G22', this.agencyCode(), '9fbfbad2-f1f8-4256-a2eb-50fb1061cddb']);
  }

  attachment(index: number): AttachmentInput {
    const kind = this.pick(['pdf', 'pdf', 'text', 'binary'] as const);
    // sizes either side of the size above which the parser sets a body aside (reduced-document.ts)
    const size = this.pick([0, 1, 2, 3, 100, 3000, 4000, 6000, 20_000]);
    const bytes = Buffer.alloc(size);
    for (let i = 0; i < size; i++) bytes[i] = this.int(0, 255);
    const source =
      kind === 'pdf'
        ? syntheticPdf(size, bytes)
        : kind === 'text'
          ? Buffer.from(this.text(1, Math.max(1, size / 8)))
          : bytes;
    return {
      contentId: this.maybe(() => `cid:${index}-${this.int(1, 9999)}`),
      attachmentName: `${this.words(1, 3)}.${kind === 'pdf' ? 'pdf' : kind === 'text' ? 'txt' : 'bin'}`,
      contentType:
        kind === 'pdf' ? 'application/pdf' : kind === 'text' ? 'text/plain' : 'application/octet-stream',
      description: this.maybe(() => this.text(1, 5)),
      source,
    };
  }

  edoc(): EdocPackageInput {
    const from = this.organization();
    return {
      header: {
        from,
        to: Array.from({ length: this.int(1, 5) }, () => this.organization()),
        code: {
          codeNumber: String(this.int(1, 2000)).padStart(2, '0'),
          codeNotation: this.pick(['QĐ-UBND', 'UBND-VP', 'TB-SNV', 'KH-UBND']),
        },
        promulgationInfo: { place: this.maybe(() => this.words(1, 3)), promulgationDate: this.date() },
        documentType: {
          type: '1',
          typeDetail: this.maybe(() => String(this.int(0, 40))),
          typeName: this.words(1, 2),
        },
        subject: this.text(3, 30),
        content: this.maybe(() => this.text(5, 60)),
        signerInfo: {
          competence: this.maybe(() => this.pick(['TM. UBND', 'KT. CHỦ TỊCH'])),
          position: this.maybe(() => this.words(1, 3)),
          fullName: this.maybe(() => this.pick(['Nguyễn Văn Ấn', 'Trần Thị Bình', 'Y Ngông Niê Kdăm'])),
        },
        dueDate: this.maybe(() => this.date()),
        toPlaces: Array.from({ length: this.int(0, 3) }, () => this.words(1, 5)),
        otherInfo: {
          priority: this.int(0, 4) as 0 | 1 | 2 | 3 | 4,
          sphereOfPromulgation: this.maybe(() => this.words(1, 3)),
          typerNotation: this.maybe(() => this.pick(['NVA', 'TTB'])),
          promulgationAmount: this.maybe(() => this.int(0, 999)),
          pageAmount: this.maybe(() => this.int(0, 999)),
          appendixes: Array.from({ length: this.int(0, 2) }, () => this.words(1, 4)),
        },
        steeringType: this.maybe(() => String(this.int(0, 2))),
        responseFor: Array.from({ length: this.int(0, 2) }, () => ({
          organId: this.foreignId(),
          code: this.maybe(() => `${this.int(1, 99)}/UBND-VP`),
          promulgationDate: this.maybe(() => this.date()),
          documentId: this.pick([`${this.agencyCode()},2024/01/05,12/UBND-VP`, this.foreignId()]),
        })),
      },
      traceHeaderList: {
        traceHeaders: Array.from({ length: this.int(0, 3) }, () => ({
          organId: this.foreignId(),
          timestamp: this.timestamp(),
        })),
        bussiness: this.maybe(() => ({
          bussinessDocType: this.int(0, 3) as 0 | 1 | 2 | 3,
          bussinessDocReason: this.maybe(() => this.text(1, 10)),
          bussinessDocumentInfo: this.maybe(() => ({
            documentInfo: this.maybe(() => String(this.int(0, 1))),
            documentReceiver: this.maybe(() => String(this.int(0, 1))),
            receivers: Array.from({ length: this.int(0, 2) }, () => ({
              receiverType: String(this.int(0, 1)),
              organId: this.foreignId(),
            })),
          })),
          documentId: this.maybe(() => this.foreignId()),
          staffInfo: this.maybe(() => ({
            department: this.maybe(() => this.words(1, 3)),
            staff: this.maybe(() => this.words(2, 3)),
          })),
          paper: this.maybe(() => this.int(0, 1)),
          replacementInfoList: Array.from({ length: this.int(0, 2) }, () => ({
            documentId: this.foreignId(),
            organIds: Array.from({ length: this.int(0, 3) }, () => this.foreignId()),
          })),
        })),
      },
      attachments: Array.from({ length: this.int(0, 4) }, (_, i) => this.attachment(i)),
    };
  }

  status(): StatusPackageInput {
    return {
      responseFor: {
        organId: this.foreignId(),
        code: this.maybe(() => `${this.int(1, 99)}/QĐ-UBND`),
        promulgationDate: this.maybe(() => this.date()),
        documentId: this.foreignId(),
      },
      from: this.organization(),
      statusCode: this.pick(Object.keys(STATUS_CODES) as StatusCode[]),
      description: this.maybe(() => this.text(1, 20)),
      timestamp: this.timestamp(),
      staffInfo: this.maybe(() => ({
        staff: this.words(2, 3),
        mobile: this.maybe(() => `09${this.int(10000000, 99999999)}`),
      })),
    };
  }
}

/** What a parsed package gives back to the builder: the round trip's second half. */
export function edocInputFrom(p: ParsedEdocPackage): EdocPackageInput {
  return {
    header: p.header,
    traceHeaderList: p.traceHeaderList,
    attachments: p.attachments.map((a) => ({
      contentId: a.contentId,
      attachmentName: a.attachmentName,
      contentType: a.contentType,
      description: a.description,
      source: a.bytes,
    })),
  };
}

export function statusInputFrom(p: ParsedStatusPackage): StatusPackageInput {
  return p.status;
}
