import { newId } from '@vanthu/shared';
import { AGENCY_RECORD_FIELDS, type Agency, type AgencyRecord, toAgencyRecord } from '../agency';
import { tryNormalizeAgencyCode } from '../agency-code';
import { agencyRecordSchema, parseWithIssues } from '../agency-fields.schema';
import type { AgencyLink, AgencyRowChanges, NewAgencyRow } from '../agency.repository';
import type { ImportProblem } from '../directory.errors';
import { nodesOnCycles } from './find-cycles';
import type { ImportRow } from './import-row';

export interface ImportPlan {
  /** Parents before children. */
  creates: NewAgencyRow[];
  updates: { id: string; code: string; version: number; changes: AgencyRowChanges }[];
  unchanged: number;
}

interface Candidate {
  row: number;
  record: AgencyRecord;
}

const CODE_FIELDS = ['code', 'parentCode', 'successorCode'] as const;

/** `mentioned` maps each code seen so far to its first row. */
function readRow(
  { row, value }: ImportRow,
  problems: ImportProblem[],
  mentioned: Map<string, number>,
): Candidate | null {
  const rawCode = (value as { code?: unknown } | null)?.code;
  const shownCode = typeof rawCode === 'string' ? rawCode.trim().slice(0, 40) : undefined;
  const parsed = parseWithIssues(agencyRecordSchema, value);
  if (!parsed.ok) {
    for (const issue of parsed.issues) {
      problems.push({
        row,
        code: shownCode,
        field: issue.path,
        problem: 'FIELD_INVALID',
        message: issue.message,
      });
    }
  }
  const codes: Partial<Record<(typeof CODE_FIELDS)[number], string | null>> = {};
  let codesOk = true;
  for (const field of CODE_FIELDS) {
    const raw = (value as Record<string, unknown> | null)?.[field];
    if (typeof raw !== 'string' || raw.trim() === '') continue;
    const code = tryNormalizeAgencyCode(raw);
    if (code === undefined) {
      codesOk = false;
      problems.push({
        row,
        code: shownCode,
        field,
        problem: 'AGENCY_CODE_INVALID',
        message: `Mã "${raw.slice(0, 40)}" không đúng định dạng mã định danh (ví dụ 000.00.00.G22).`,
      });
    } else codes[field] = code;
  }
  if (codes.code) {
    const first = mentioned.get(codes.code);
    if (first !== undefined) {
      problems.push({
        row,
        code: codes.code,
        field: 'code',
        problem: 'AGENCY_CODE_DUPLICATE',
        message: `Mã ${codes.code} trùng với dòng ${first}.`,
      });
      return null;
    }
    // A row with other errors still claims its code, so rows referring to it are not reported too.
    mentioned.set(codes.code, row);
  }
  if (!parsed.ok || !codesOk || !codes.code) return null;
  const v = parsed.value;
  return {
    row,
    record: {
      code: codes.code,
      name: v.name,
      shortName: v.shortName ?? null,
      abbreviation: v.abbreviation ?? null,
      parentCode: codes.parentCode ?? null,
      levelLabel: v.levelLabel,
      successorCode: codes.successorCode ?? null,
      hosted: v.hosted,
      isDemo: v.isDemo,
      address: v.address ?? null,
      email: v.email ?? null,
      phone: v.phone ?? null,
      website: v.website ?? null,
    },
  };
}

function checkReferences(
  candidates: Candidate[],
  links: readonly AgencyLink[],
  mentioned: ReadonlyMap<string, number>,
  problems: ImportProblem[],
): void {
  const codeById = new Map(links.map((l) => [l.id, l.code]));
  const parentOf = new Map(
    links.map((l) => [l.code, l.parentId ? (codeById.get(l.parentId) ?? null) : null]),
  );
  const successorOf = new Map(links.map((l) => [l.code, l.successorCode]));
  for (const { record } of candidates) {
    parentOf.set(record.code, record.parentCode);
    successorOf.set(record.code, record.successorCode);
  }
  const known = (code: string) => parentOf.has(code) || mentioned.has(code);
  const starts = candidates.map((c) => c.record.code);
  const parentCycles = nodesOnCycles(starts, (c) => parentOf.get(c));
  const successorCycles = nodesOnCycles(starts, (c) => successorOf.get(c));

  for (const { row, record } of candidates) {
    const { code, parentCode, successorCode } = record;
    const report = (field: string, problem: string, message: string) =>
      problems.push({ row, code, field, problem, message });
    if (parentCode && !known(parentCode)) {
      report(
        'parentCode',
        'AGENCY_PARENT_NOT_FOUND',
        `Không tìm thấy cơ quan cấp trên ${parentCode} trong tệp hoặc danh bạ.`,
      );
    } else if (parentCycles.has(code)) {
      report('parentCode', 'AGENCY_CYCLE', `Cơ quan cấp trên ${parentCode} làm cây cơ quan bị lặp vòng.`);
    }
    if (successorCode && !known(successorCode)) {
      report(
        'successorCode',
        'AGENCY_SUCCESSOR_NOT_FOUND',
        `Không tìm thấy cơ quan kế thừa ${successorCode} trong tệp hoặc danh bạ.`,
      );
    } else if (successorCycles.has(code)) {
      report(
        'successorCode',
        'AGENCY_SUCCESSOR_CYCLE',
        `Cơ quan kế thừa ${successorCode} làm chuỗi kế thừa bị lặp vòng.`,
      );
    }
  }
}

function sameRecord(a: AgencyRecord, b: AgencyRecord): boolean {
  return AGENCY_RECORD_FIELDS.every((f) => a[f] === b[f]);
}

function buildPlan(
  candidates: Candidate[],
  existing: ReadonlyMap<string, Agency>,
  links: readonly AgencyLink[],
): ImportPlan {
  const idByCode = new Map(links.map((l) => [l.code, l.id]));
  const fresh = candidates.filter((c) => !existing.has(c.record.code));
  for (const { record } of fresh) idByCode.set(record.code, newId());
  const rowOf = (record: AgencyRecord) => ({
    name: record.name,
    shortName: record.shortName,
    abbreviation: record.abbreviation,
    parentId: record.parentCode ? (idByCode.get(record.parentCode) as string) : null,
    levelLabel: record.levelLabel,
    successorCode: record.successorCode,
    hosted: record.hosted,
    isDemo: record.isDemo,
    address: record.address,
    email: record.email,
    phone: record.phone,
    website: record.website,
  });

  // Depth among the new rows only: a parent that already exists is in the table before any insert.
  const freshParent = new Map(fresh.map((c) => [c.record.code, c.record.parentCode]));
  const depth = new Map<string, number>();
  const depthOf = (code: string): number => {
    const known = depth.get(code);
    if (known !== undefined) return known;
    const chain: string[] = [];
    let c: string | null | undefined = code;
    while (c && freshParent.has(c) && !depth.has(c)) {
      chain.push(c);
      c = freshParent.get(c);
    }
    let d = c && depth.has(c) ? (depth.get(c) as number) : -1;
    for (const n of chain.reverse()) depth.set(n, ++d);
    return depth.get(code) as number;
  };
  const creates = [...fresh]
    .sort((a, b) => depthOf(a.record.code) - depthOf(b.record.code))
    .map(({ record }) => ({ id: idByCode.get(record.code) as string, code: record.code, ...rowOf(record) }));

  const updates: ImportPlan['updates'] = [];
  let unchanged = 0;
  for (const { record } of candidates) {
    const current = existing.get(record.code);
    if (!current) continue;
    if (sameRecord(toAgencyRecord(current), record)) unchanged++;
    else
      updates.push({ id: current.id, code: current.code, version: current.version, changes: rowOf(record) });
  }
  return { creates, updates, unchanged };
}

/**
 * Checks every row of an import against the file itself and the directory as it will be after the
 * import (parents and successors may come later in the file), then plans the writes. Any problem
 * means nothing is written.
 */
export function planImport(
  rows: readonly ImportRow[],
  existing: ReadonlyMap<string, Agency>,
  links: readonly AgencyLink[],
): { ok: true; plan: ImportPlan } | { ok: false; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const mentioned = new Map<string, number>();
  const candidates: Candidate[] = [];
  for (const row of rows) {
    const candidate = readRow(row, problems, mentioned);
    if (candidate) candidates.push(candidate);
  }
  checkReferences(candidates, links, mentioned, problems);
  if (problems.length > 0)
    return { ok: false, problems: problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) };
  return { ok: true, plan: buildPlan(candidates, existing, links) };
}
