import {
  CENTRAL_NODE,
  type Cluster,
  DISTRICT_NODE,
  NATIONAL_HUB,
  PROVINCE_HUB,
} from '../../test/kit/cluster';

type Times = Map<string, Date | null>;

/**
 * Where the time of each consignment goes, hop by hop, from the timestamps every installation
 * writes (one machine, one clock): central build/sign, each push (queue wait + transmit + the next
 * hop's verify and store + its receipt), each hub's forward, the district node's processing (PDF
 * verification, inbox entry), and status 01's way back. Per hop: the durations in ms of the given
 * consignments (the sender's delivery ids).
 */
export async function hopBreakdown(
  cluster: Cluster,
  deliveryIds: readonly string[],
): Promise<Map<string, number[]>> {
  const ids = [...deliveryIds];
  const central = cluster.get(CENTRAL_NODE);
  const national = cluster.get(NATIONAL_HUB);
  const province = cluster.get(PROVINCE_HUB);
  const district = cluster.get(DISTRICT_NODE);
  const one = (rows: Record<string, unknown>[], key: string, fields: string[]): Map<string, Times> =>
    new Map(
      rows.map((r) => [String(r[key]), new Map(fields.map((f) => [f, (r[f] as Date | null) ?? null]))]),
    );

  const issued = one(
    await central.sql(
      `SELECT d.id, d.created_at, o.first_queued_at, o.sent_at FROM delivery d
        JOIN exchange_outbound o ON o.consignment_id = d.id WHERE d.id = ANY($1::uuid[])`,
      [ids],
    ),
    'id',
    ['created_at', 'first_queued_at', 'sent_at'],
  );
  const relay = async (name: typeof national, consignments: string[]) =>
    one(
      await name.sql(
        `SELECT i.consignment_id, i.received_at, o.sent_at FROM exchange_inbound i
          LEFT JOIN exchange_outbound o ON o.consignment_id = i.consignment_id
          WHERE i.consignment_id = ANY($1::uuid[])`,
        [consignments],
      ),
      'consignment_id',
      ['received_at', 'sent_at'],
    );
  const downNational = await relay(national, ids);
  const downProvince = await relay(province, ids);
  const districtRows = await district.sql<{ consignment_id: string; status_id: string | null }>(
    `SELECT i.consignment_id, i.received_at, i.processed_at, o.consignment_id AS status_id,
            o.first_queued_at, o.sent_at FROM exchange_inbound i
       LEFT JOIN exchange_outbound o ON o.answers_consignment = i.consignment_id AND o.status_code = '01'
      WHERE i.consignment_id = ANY($1::uuid[])`,
    [ids],
  );
  const processed = one(districtRows, 'consignment_id', ['received_at', 'processed_at', 'first_queued_at']);
  // status 01's own consignment, by the document consignment it answers
  const statusOf = new Map(districtRows.map((r) => [r.consignment_id, r.status_id ?? '']));
  const statusIds = [...statusOf.values()].filter(Boolean);
  const upProvince = await relay(province, statusIds);
  const upNational = await relay(national, statusIds);
  const applied = one(
    await central.sql(
      `SELECT consignment_id, received_at, processed_at FROM exchange_inbound
        WHERE consignment_id = ANY($1::uuid[])`,
      [statusIds],
    ),
    'consignment_id',
    ['received_at', 'processed_at'],
  );

  const hops = new Map<string, number[]>();
  const add = (hop: string, from: Date | null | undefined, to: Date | null | undefined) => {
    if (!from || !to) return;
    hops.set(hop, [...(hops.get(hop) ?? []), to.getTime() - from.getTime()]);
  };
  for (const id of ids) {
    const c = issued.get(id);
    const n = downNational.get(id);
    const p = downProvince.get(id);
    const d = processed.get(id);
    const s = statusOf.get(id) ?? '';
    add('central_build_sign', c?.get('created_at'), c?.get('first_queued_at'));
    add('central_to_national_stored', c?.get('first_queued_at'), n?.get('received_at'));
    add('national_forward_to_province_stored', n?.get('received_at'), p?.get('received_at'));
    add('province_forward_to_district_stored', p?.get('received_at'), d?.get('received_at'));
    add('district_process_verify', d?.get('received_at'), d?.get('processed_at'));
    add('district_status01_queued', d?.get('processed_at'), d?.get('first_queued_at'));
    add('district_to_province_status', d?.get('first_queued_at'), upProvince.get(s)?.get('received_at'));
    add(
      'province_to_national_status',
      upProvince.get(s)?.get('received_at'),
      upNational.get(s)?.get('received_at'),
    );
    add(
      'national_to_central_status',
      upNational.get(s)?.get('received_at'),
      applied.get(s)?.get('received_at'),
    );
    add('central_status_applied', applied.get(s)?.get('received_at'), applied.get(s)?.get('processed_at'));
  }
  return hops;
}
