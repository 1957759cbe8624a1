import {
  type EntrySearchCriteria,
  filterConditions,
  positionConditions,
  SqlParams,
} from './entry-search-criteria';

const hostile = "x'); DROP TABLE register_entry; --";

describe('entry search conditions', () => {
  it('puts every value in a bind parameter, never in the SQL text', () => {
    const criteria: EntrySearchCriteria = {
      agencyId: hostile,
      tsQuery: hostile,
      direction: hostile as 'incoming',
      registerId: hostile,
      typeCode: hostile,
      statuses: [hostile as 'closed'],
      priority: hostile as 'normal',
      unitId: hostile,
      assigneeId: hostile,
      from: hostile,
      to: hostile,
      overdueOn: hostile,
      after: { entryDate: hostile, id: hostile },
      limit: 20,
    };
    const params = new SqlParams();
    const sql = [...positionConditions(criteria, params), ...filterConditions(criteria, params)].join(
      ' AND ',
    );
    expect(sql).not.toContain('DROP');
    expect(
      params.values.filter((v) => v === hostile || (Array.isArray(v) && v.includes(hostile))),
    ).toHaveLength(params.values.length);
    // Each placeholder is used where it was added, in order: $1 … $n.
    const placeholders = [...new Set(sql.match(/\$\d+/g))];
    expect(placeholders).toEqual(params.values.map((_, i) => `$${i + 1}`));
  });

  it('adds nothing for criteria without filters', () => {
    const params = new SqlParams();
    const none: EntrySearchCriteria = { agencyId: 'a', tsQuery: null, limit: 20 };
    expect([...positionConditions(none, params), ...filterConditions(none, params)]).toEqual([]);
    expect(params.values).toEqual([]);
  });

  it('writes the overdue statuses as the open-due index predicate spells them', () => {
    const params = new SqlParams();
    const conditions = filterConditions(
      { agencyId: 'a', tsQuery: null, overdueOn: '2026-11-25', limit: 20 },
      params,
    );
    expect(conditions).toContain("e.status IN ('registered', 'assigned', 'in_progress')");
    expect(params.values).toEqual(['2026-11-25']);
  });
});
