import {
  agencyOf,
  CENTRAL_NODE,
  type Cluster,
  demoPeople,
  DISTRICT_NODE,
  issuePrepared,
  ok,
  prepareDocument,
  type SignedDraft,
} from '../../test/kit/cluster';

const CENTRAL = demoPeople('vpcp');

export interface DocumentRunInput {
  readonly label: string;
  /** Documents issued, one recipient each. */
  readonly count: number;
  readonly concurrency: number;
  readonly pdf: Buffer;
  readonly attachments: readonly Buffer[];
  /** The recipient's agency code (hosted by the district node). */
  readonly recipient: string;
  /** Marks the run's subjects, so its documents are told apart at the receiver. */
  readonly runId: string;
  readonly log: (line: string) => void;
}

export interface IssuedDocument {
  readonly entryId: string;
  readonly deliveryId: string;
  /** When the issue call returned (this process's clock, as the arrival observations). */
  readonly issuedAt: number;
}

/** Runs `work` over `items` with at most `concurrency` at once, in order of start. */
export async function pool<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i], i);
      }
    }),
  );
  return results;
}

/** Drafts and signs the run's documents at the central node, one after the other (not measured). */
export async function prepareDocuments(cluster: Cluster, input: DocumentRunInput): Promise<SignedDraft[]> {
  const central = cluster.get(CENTRAL_NODE);
  const agencyId = await agencyOf(central, CENTRAL.clerk);
  const passphrase = cluster.signingPassphrase(CENTRAL.leader);
  // one at a time: one leader signing in parallel counts every try against the passphrase
  // throttle (a right passphrase resets it only when tried alone) and locks the key
  const drafts = await pool(
    Array.from({ length: input.count }, (_, i) => i),
    1,
    (i) =>
      prepareDocument(central, agencyId, CENTRAL, passphrase, {
        subject: `${input.runId} ${input.label} số ${i + 1}: về việc thử nghiệm liên thông văn bản bốn cấp`,
        recipients: [input.recipient],
        pdf: input.pdf,
        attachments: input.attachments,
      }),
  );
  input.log(`${input.label}: ${drafts.length} documents drafted and signed`);
  return drafts;
}

/** The clerk issues each draft; the delivery to the recipient is the consignment. */
export async function issueDocuments(
  cluster: Cluster,
  drafts: readonly SignedDraft[],
  concurrency: number,
): Promise<IssuedDocument[]> {
  const central = cluster.get(CENTRAL_NODE);
  const agencyId = await agencyOf(central, CENTRAL.clerk);
  return pool(drafts, concurrency, async (draft) => {
    const issued = await issuePrepared(central, agencyId, CENTRAL, draft);
    const issuedAt = Date.now();
    const entry = await ok(
      central,
      CENTRAL.clerk,
      'get',
      `/api/v1/agencies/${agencyId}/entries/${issued.id}`,
    );
    const [delivery] = entry.deliveries as { id: string; channel: string }[];
    if (delivery?.channel !== 'exchange') throw new Error(`entry ${issued.id}: no exchange delivery`);
    return { entryId: issued.id as string, deliveryId: delivery.id, issuedAt };
  });
}

/**
 * Watches the central node's database until each delivery has status 01 or later (every `everyMs`),
 * recording when each was first seen so: the sender's view of "arrived".
 */
export async function watchArrivals(
  cluster: Cluster,
  deliveryIds: readonly string[],
  timeoutMs: number,
  onProgress?: (arrived: number) => void,
  everyMs = 100,
): Promise<Map<string, number>> {
  const central = cluster.get(CENTRAL_NODE);
  const seen = new Map<string, number>();
  const deadline = Date.now() + timeoutMs;
  let reported = 0;
  while (seen.size < deliveryIds.length && Date.now() < deadline) {
    const pending = deliveryIds.filter((id) => !seen.has(id));
    const rows = await central.sql<{ id: string }>(
      `SELECT id FROM delivery WHERE id = ANY($1::uuid[]) AND status_code IS NOT NULL AND status_code <> '02'`,
      [pending],
    );
    const now = Date.now();
    for (const row of rows) seen.set(row.id, now);
    if (onProgress && seen.size - reported >= Math.max(1, deliveryIds.length / 10)) {
      reported = seen.size;
      onProgress(seen.size);
    }
    if (seen.size < deliveryIds.length) await new Promise((r) => setTimeout(r, everyMs));
  }
  return seen;
}

/**
 * At the district node: documents of the run that never became an inbox entry (lost) and entries
 * beyond the first for one consignment (duplicated), by the sender's delivery id each entry records.
 */
export async function countLostAndDuplicated(
  cluster: Cluster,
  deliveryIds: readonly string[],
): Promise<{ lost: number; duplicated: number }> {
  const rows = await cluster.get(DISTRICT_NODE).sql<{ source_delivery_id: string; n: number }>(
    `SELECT source_delivery_id, count(*)::int AS n FROM register_entry
      WHERE direction = 'incoming' AND source_delivery_id = ANY($1::uuid[]) GROUP BY source_delivery_id`,
    [deliveryIds],
  );
  return {
    lost: deliveryIds.length - rows.length,
    duplicated: rows.reduce((sum, r) => sum + r.n - 1, 0),
  };
}
