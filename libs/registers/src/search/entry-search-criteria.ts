import type { AssignmentRole } from '../assignments/assignment.entity';
import type { EntryDirection, EntryStatus, Priority } from '../entries/register-entry.entity';

/** A position in the listing order (entry_date DESC, id DESC): the last row of a page. */
export interface EntryPosition {
  entryDate: string;
  id: string;
}

/** What to look for, already validated; dates are `YYYY-MM-DD`, both bounds inclusive. */
export interface EntrySearchCriteria {
  agencyId: string;
  /** A tsquery in to_tsquery('simple') syntax from toPrefixTsQuery; null: no text condition. */
  tsQuery: string | null;
  direction?: EntryDirection;
  registerId?: string;
  typeCode?: string;
  statuses?: readonly EntryStatus[];
  priority?: Priority;
  /** Lead unit, or any assignment (lead, co-operating, for information) to the unit. */
  unitId?: string;
  /** Lead person, or any assignment of the person. */
  assigneeId?: string;
  /**
   * With unitId / assigneeId: only assignments of that unit / person in this role (e.g. "inform":
   * Xem để biết, what was given for information only, not what they lead or co-operate on).
   */
  assignedAs?: AssignmentRole;
  from?: string;
  to?: string;
  /** Overdue on this day: due before it and still being handled. */
  overdueOn?: string;
  /** Only rows after this position (keyset pagination). */
  after?: EntryPosition;
  limit: number;
  /**
   * Few entries are assigned to the unit / person: list them and check the rest, instead of
   * checking every row of the agency for an assignment (the repository counts and decides).
   */
  assignedAsList?: { unit?: boolean; user?: boolean };
}

/** The statuses in which an incoming document is still being handled (deadline applies). */
export const OPEN_STATUSES: readonly EntryStatus[] = ['registered', 'assigned', 'in_progress'];

/** Collects bind parameters; SQL text only ever contains `$n` placeholders, never user values. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Conditions on the entry date: the requested range and the keyset position. */
export function positionConditions(c: EntrySearchCriteria, p: SqlParams): string[] {
  const conditions: string[] = [];
  if (c.from) conditions.push(`e.entry_date >= ${p.add(c.from)}::date`);
  if (c.to) conditions.push(`e.entry_date <= ${p.add(c.to)}::date`);
  // A row comparison matches the index order (agency_id, entry_date DESC, id DESC): an index bound.
  if (c.after)
    conditions.push(`(e.entry_date, e.id) < (${p.add(c.after.entryDate)}::date, ${p.add(c.after.id)}::uuid)`);
  return conditions;
}

/** Every other filter of the criteria, as conditions on `e` (register_entry). */
export function filterConditions(c: EntrySearchCriteria, p: SqlParams): string[] {
  const conditions: string[] = [];
  if (c.direction) conditions.push(`e.direction = ${p.add(c.direction)}`);
  if (c.registerId) conditions.push(`e.register_id = ${p.add(c.registerId)}::uuid`);
  if (c.typeCode) conditions.push(`e.document_type_code = ${p.add(c.typeCode)}`);
  if (c.statuses && c.statuses.length > 0) conditions.push(`e.status = ANY(${p.add(c.statuses)}::varchar[])`);
  if (c.priority) conditions.push(`e.priority = ${p.add(c.priority)}`);
  if (c.assignedAs) {
    // an assignment in one role: few rows per person or unit, listed through ix_assignment_user/_unit
    const role = p.add(c.assignedAs);
    if (c.unitId) conditions.push(assignedIn(ASSIGNED.unit, p.add(c.unitId), role));
    if (c.assigneeId) conditions.push(assignedIn(ASSIGNED.user, p.add(c.assigneeId), role));
  } else {
    if (c.unitId)
      conditions.push(assignedTo(ASSIGNED.unit, p.add(c.unitId), c.assignedAsList?.unit ?? false));
    if (c.assigneeId)
      conditions.push(assignedTo(ASSIGNED.user, p.add(c.assigneeId), c.assignedAsList?.user ?? false));
  }
  if (c.overdueOn) {
    conditions.push(`e.due_date < ${p.add(c.overdueOn)}::date`);
    // Written like the predicate of ix_register_entry_open_due, so the planner can use that index.
    conditions.push(`e.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`);
  }
  return conditions;
}

/** The lead column of the entry and the column of `assignment` that name a unit or a person. */
export const ASSIGNED = {
  unit: { lead: 'lead_unit_id', assignment: 'unit_id' },
  user: { lead: 'lead_user_id', assignment: 'user_id' },
} as const;

export type Assigned = (typeof ASSIGNED)[keyof typeof ASSIGNED];

/** Lead on the entry, or any assignment of it: as a list of ids (few) or a check per row (many). */
function assignedTo(to: Assigned, param: string, asList: boolean): string {
  if (asList)
    return `e.id IN (SELECT a.entry_id FROM assignment a WHERE a.${to.assignment} = ${param}::uuid
                     UNION ALL SELECT r.id FROM register_entry r WHERE r.${to.lead} = ${param}::uuid)`;
  // OFFSET 0 keeps this a probe per row (ix_assignment_entry): left to itself PostgreSQL hashes
  // every assignment of the unit first (27,000 rows, 45 ms in the 1M benchmark) to check a few hundred.
  return `(e.${to.lead} = ${param}::uuid
           OR EXISTS (SELECT 1 FROM assignment a WHERE a.entry_id = e.id AND a.${to.assignment} = ${param}::uuid OFFSET 0))`;
}

/** An assignment row of the unit / person in the given role (the lead is an assignment row too). */
function assignedIn(to: Assigned, param: string, role: string): string {
  return `e.id IN (SELECT a.entry_id FROM assignment a WHERE a.${to.assignment} = ${param}::uuid AND a.role = ${role})`;
}

export function whereClause(conditions: string[]): string {
  return conditions.length > 0 ? conditions.join(' AND ') : 'TRUE';
}
