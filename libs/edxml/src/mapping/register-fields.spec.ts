import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleEdoc, sampleStatus } from '../../test-fixtures/edxml-samples';
import { buildEdocPackageToBuffer, buildStatusPackageToBuffer } from '../build/package-to-buffer';
import type { ParsedEdocPackage, ParsedStatusPackage } from '../model/parsed-package';
import { readPackage } from '../parse/read-package';
import { ND30_DOCUMENT_TYPES } from './nd30-document-types';
import {
  deliveryStatusFromStatus,
  documentTypeCode,
  documentTypeName,
  edocHeaderFromRegister,
  priorityFromEdxml,
  priorityToEdxml,
  registerFieldsFromEdoc,
} from './register-fields';

describe('mapping between packages and register fields', () => {
  it('keeps the ND30 type table equal to the seed of the registers migration', () => {
    const migration = readFileSync(
      join(__dirname, '../../../persistence/src/migrations/1764100000300-registers.migration.ts'),
      'utf8',
    );
    const seeded = [...migration.matchAll(/\['([A-Z]+)', '([^']+)', (?:'([^']+)'|null)\]/g)].map((m) => [
      m[1],
      m[2],
      m[3] ?? null,
    ]);
    expect(seeded).toHaveLength(28);
    expect(ND30_DOCUMENT_TYPES).toEqual(seeded);
  });

  it('maps type codes and names both ways, names without regard to case or diacritics', () => {
    expect(documentTypeName('QD')).toBe('Quyết định');
    expect(documentTypeCode('Quyết định')).toBe('QD');
    expect(documentTypeCode('quyet dinh')).toBe('QD');
    expect(documentTypeCode('Công văn')).toBe('CV');
    expect(documentTypeCode('Thông tư')).toBeUndefined();
  });

  it('maps priorities: normal 0, urgent 1, very urgent 2, flash 3; timed flash (4) reads as flash', () => {
    expect((['normal', 'urgent', 'very_urgent', 'flash'] as const).map(priorityToEdxml)).toEqual([
      0, 1, 2, 3,
    ]);
    expect(([0, 1, 2, 3, 4] as const).map(priorityFromEdxml)).toEqual([
      'normal',
      'urgent',
      'very_urgent',
      'flash',
      'flash',
    ]);
  });

  it('maps a received status to the fields of a delivery status', async () => {
    const { xml } = await buildStatusPackageToBuffer(sampleStatus());
    const parsed = (await readPackage(xml)) as ParsedStatusPackage;
    expect(deliveryStatusFromStatus(parsed.status)).toEqual({
      code: '03',
      description: 'Đã vào sổ văn bản đến số 125',
      staffName: 'Trần Thị Bình',
      at: new Date('2025-03-14T02:12:05Z'),
    });
  });

  it('turns an issued outgoing document into a package whose incoming fields give the same values back', async () => {
    const header = edocHeaderFromRegister({
      typeCode: 'TB',
      codeNumber: '05',
      codeNotation: 'TB-UBND',
      issuedDate: '2025-06-02',
      subject: 'Thông báo lịch tiếp công dân tháng 6',
      signerInfo: { position: 'Chủ tịch', fullName: 'Nguyễn Văn An' },
      priority: 'very_urgent',
      dueDate: '2025-06-10',
      toPlaces: 'Các phòng, ban;\nLưu: VT.',
      pageAmount: 3,
      issuedAmount: 12,
      from: { organId: '000.00.12.H15', organName: "Ủy ban nhân dân huyện Ea H'Leo" },
      to: [{ organId: '000.01.12.H15', organName: 'Ủy ban nhân dân xã Ea Drăng' }],
    });
    const input = sampleEdoc();
    const { xml } = await buildEdocPackageToBuffer({ ...input, header });
    const parsed = (await readPackage(xml)) as ParsedEdocPackage;
    expect(parsed.header.documentType).toEqual({ type: '1', typeName: 'Thông báo' });
    expect(registerFieldsFromEdoc(parsed.header)).toEqual({
      typeCode: 'TB',
      typeName: 'Thông báo',
      codeNumber: '05',
      codeNotation: 'TB-UBND',
      issuedDate: '2025-06-02',
      subject: 'Thông báo lịch tiếp công dân tháng 6',
      organId: '000.00.12.H15',
      organName: "Ủy ban nhân dân huyện Ea H'Leo",
      signerPosition: 'Chủ tịch',
      signerName: 'Nguyễn Văn An',
      priority: 'very_urgent',
      toPlaces: 'Các phòng, ban;\nLưu: VT.',
      dueDate: '2025-06-10',
      pageAmount: 3,
      description: null,
      documentIdentifier: '000.00.12.H15,2025/06/02,05/TB-UBND',
    });
  });
});
