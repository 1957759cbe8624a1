import type { AgencyRecord } from '../agency';
import { agenciesToCsv, parseAgencyCsv } from './agency-csv';

const record: AgencyRecord = {
  code: '000.00.12.H15',
  name: "Ủy ban nhân dân huyện Ea H'Leo, tỉnh Đắk Lắk",
  shortName: 'UBND "huyện"',
  abbreviation: 'UBND',
  parentCode: null,
  levelLabel: 'Huyện',
  successorCode: null,
  hosted: true,
  isDemo: false,
  address: '=HYPERLINK("http://evil")',
  email: null,
  phone: '+84 262 3876 123',
  website: "'quoted",
};

describe('agency CSV', () => {
  it('writes a header and reads its own output back exactly', () => {
    const csv = agenciesToCsv([record]);
    expect(csv.split('\r\n')[0]).toBe(
      'code,name,shortName,abbreviation,parentCode,levelLabel,successorCode,hosted,isDemo,address,email,phone,website',
    );
    const parsed = parseAgencyCsv(`\uFEFF${csv}`);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toEqual([{ row: 2, value: record }]);
  });

  it('escapes cells a spreadsheet would run as formulas', () => {
    const csv = agenciesToCsv([record]);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain("'+84 262 3876 123");
    expect(csv).not.toMatch(/,=HYPERLINK/);
  });

  it('reports unknown and missing columns on row 1', () => {
    const parsed = parseAgencyCsv('code,ten\n000.00.00.G22,x\n');
    expect(parsed.rows).toEqual([]);
    expect(parsed.problems.map((p) => [p.row, p.problem])).toEqual([
      [1, 'CSV_UNKNOWN_COLUMN'],
      [1, 'CSV_MISSING_COLUMN'],
      [1, 'CSV_MISSING_COLUMN'],
    ]);
  });

  it('reports a row with the wrong number of cells by its spreadsheet row, skipping blank lines', () => {
    const parsed = parseAgencyCsv('code,name,levelLabel\n000.00.00.G22,A,B\n\n000.00.00.H15,A\n');
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.problems).toMatchObject([{ row: 4, problem: 'CSV_COLUMN_COUNT' }]);
  });

  it('reports an unclosed quote as unreadable CSV', () => {
    expect(parseAgencyCsv('code,name,levelLabel\n"000.00.00.G22,A,B\n').problems).toMatchObject([
      { problem: 'CSV_INVALID' },
    ]);
  });
});
