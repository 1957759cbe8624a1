import type { PositionedGlyph } from './content-state';
import { findDateSlots, findNumberSlot } from './number-date-slots';
import { findPrintedSignerName, findSignerBlock, personalImageBox } from './signer-block';
import { buildSegments } from './text-lines';

/** Glyphs of a line, each character 0.5 em wide, starting at x on baseline y. */
function line(text: string, x: number, y: number, size = 14): PositionedGlyph[] {
  return [...text].map((ch, i) => ({ text: ch, x: x + i * size * 0.5, y, advance: size * 0.5, size }));
}

describe('buildSegments', () => {
  it('splits columns on one baseline and turns positioned gaps into spaces', () => {
    const glyphs = [
      ...line('Nơi nhận:', 85, 375),
      ...line('TM. ỦY BAN', 355, 373.5),
      ...line('Số:', 124, 743, 13),
      ...line('/QĐ', 170, 743, 13),
    ];
    const segments = buildSegments(glyphs);
    expect(segments.map((s) => s.text)).toEqual(['Số: /QĐ', 'Nơi nhận:', 'TM. ỦY BAN']);
    const number = segments[0];
    expect(number.left[4]).toBe(170);
    expect(number.right[2]).toBeCloseTo(124 + 3 * 6.5);
  });
});

describe('findNumberSlot', () => {
  it('puts the number between "Số:" and a printed notation', () => {
    const segments = buildSegments([
      ...line('Số:        /QĐ-UBND', 124, 743, 13),
      ...line('Nghị định số 30/2020/NĐ-CP', 85, 600),
    ]);
    const slot = findNumberSlot(segments)!;
    expect(slot.notationPrinted).toBe(true);
    expect(slot.x1).toBeCloseTo(124 + 3 * 6.5);
    expect(slot.x2).toBeCloseTo(124 + 11 * 6.5);
    expect(slot.y).toBe(743);
  });

  it('gives room for number and notation when none is printed, and nothing without a label', () => {
    const slot = findNumberSlot(buildSegments(line('Số:', 124, 743, 13)))!;
    expect(slot.notationPrinted).toBe(false);
    expect(slot.x2).toBeGreaterThan(slot.x1);
    expect(findNumberSlot(buildSegments(line('theo Nghị định số 30/2020/NĐ-CP', 85, 600)))).toBeUndefined();
  });
});

describe('findDateSlots', () => {
  it('finds the blanks after ngày and tháng and keeps a printed year', () => {
    const text = "Ea H'Leo, ngày      tháng      năm 2026";
    const date = findDateSlots(buildSegments(line(text, 302, 735)))!;
    const at = (i: number): number => 302 + i * 7;
    expect(date.day!.x1).toBeCloseTo(at(text.indexOf('ngày') + 4));
    expect(date.day!.x2).toBeCloseTo(at(text.indexOf('tháng')));
    expect(date.month!.x1).toBeCloseTo(at(text.indexOf('tháng') + 5));
    expect(date.month!.x2).toBeCloseTo(at(text.indexOf('năm')));
    expect(date.year).toBeUndefined();
  });

  it('asks for the year when it is blank and skips parts already filled', () => {
    const date = findDateSlots(buildSegments(line('Hà Nội, ngày 05 tháng      năm', 302, 735)))!;
    expect(date.day).toBeUndefined();
    expect(date.month).toBeDefined();
    expect(date.year).toBeDefined();
    expect(findDateSlots(buildSegments(line('Ngày nay, tháng trước', 85, 500)))).toBeUndefined();
  });
});

describe('findSignerBlock', () => {
  const page = [
    ...line('Ông Nguyễn Văn An chịu trách nhiệm thi hành', 85, 500),
    ...line('TM. ỦY BAN NHÂN DÂN', 356, 373),
    ...line('CHỦ TỊCH', 401, 357),
    ...line('Nguyễn Văn An', 389, 266),
  ];

  it('takes the name line at the bottom and the title above it in the same column', () => {
    const block = findSignerBlock(buildSegments(page), 'NGUYEN VAN AN')!;
    expect(block.name.y).toBe(266);
    expect(block.title?.text).toBe('CHỦ TỊCH');
  });

  it('centres the image between title and name, keeping its aspect ratio', () => {
    const block = findSignerBlock(buildSegments(page), 'Nguyễn Văn Ấn')!;
    const box = personalImageBox(block, 600, 240);
    expect((box.x2 - box.x1) / (box.y2 - box.y1)).toBeCloseTo(2.5);
    expect(box.y1).toBeGreaterThan(266 + 14 * 0.9);
    expect(box.y2).toBeLessThan(357 - 14 * 0.25);
    const nameCentre = (block.name.x1 + block.name.x2) / 2;
    expect((box.x1 + box.x2) / 2).toBeCloseTo(nameCentre);
  });

  it('finds nothing for another signer', () => {
    expect(findSignerBlock(buildSegments(page), 'Trần Thị Bích')).toBeUndefined();
  });
});

describe('findPrintedSignerName', () => {
  it('reads the name under the title of the signer block, not names or lines elsewhere', () => {
    const page = [
      ...line('Điều 3. Ông Trần Văn Bình chịu trách nhiệm thi hành Quyết định này', 85, 500),
      ...line('Trần Văn Bình', 85, 480),
      ...line('Nơi nhận:', 85, 375),
      ...line('- Như Điều 3;', 85, 362),
      ...line('TM. ỦY BAN NHÂN DÂN', 356, 373),
      ...line('KT. CHỦ TỊCH', 390, 357),
      ...line('PHÓ CHỦ TỊCH', 385, 341),
      ...line('Lê Thị   Hồng Nhung', 380, 266),
    ];
    expect(findPrintedSignerName(buildSegments(page))).toBe('Lê Thị Hồng Nhung');
  });

  it('finds none without a title above the name', () => {
    expect(findPrintedSignerName(buildSegments(line('Nguyễn Văn An', 389, 266)))).toBeUndefined();
    const lower = [...line('Căn cứ Luật Tổ chức', 380, 300), ...line('Nguyễn Văn An', 389, 266)];
    expect(findPrintedSignerName(buildSegments(lower))).toBeUndefined();
  });
});
