import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import { Clock, newId } from '@vanthu/shared';
import { sha256Hex } from '../identity/exchange-identity-certificate';
import type { PeerDefinition } from './peers-file';
import { ExchangePeerEntity } from './exchange-peer.entity';
import { ExchangeRouteEntity } from './exchange-route.entity';

/** Arbitrary constant: two processes starting at once load the peers file one after the other. */
const PEERS_SYNC_LOCK = 5_210_016;

@Injectable()
export class ExchangePeerRepository {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  findByName(name: string): Promise<ExchangePeerEntity | null> {
    return this.db.manager.findOneBy(ExchangePeerEntity, { name });
  }

  findById(id: string): Promise<ExchangePeerEntity | null> {
    return this.db.manager.findOneBy(ExchangePeerEntity, { id });
  }

  list(): Promise<ExchangePeerEntity[]> {
    return this.db.manager.find(ExchangePeerEntity, { order: { name: 'ASC' } });
  }

  listRoutes(): Promise<ExchangeRouteEntity[]> {
    return this.db.manager.find(ExchangeRouteEntity, { order: { agencyCode: 'ASC' } });
  }

  /** Hubs this installation polls. */
  listPolled(): Promise<ExchangePeerEntity[]> {
    return this.db.manager.find(ExchangePeerEntity, { where: { poll: true, enabled: true } });
  }

  /** Must run in a transaction: held until it commits. */
  async lockForSync(): Promise<void> {
    await this.db.manager.query('SELECT pg_advisory_xact_lock($1)', [PEERS_SYNC_LOCK]);
  }

  /**
   * Inserts or updates each defined peer by name and disables the others (outbound rows point at
   * them). A changed certificate or address resets the circuit: it describes another endpoint.
   */
  async upsertAll(definitions: readonly PeerDefinition[]): Promise<Map<string, string>> {
    const now = this.clock.now();
    const ids = new Map<string, string>();
    for (const def of definitions) {
      const fingerprint = sha256Hex(def.certificate);
      const existing = await this.findByName(def.name);
      if (existing) {
        const changed = existing.sha256Fingerprint !== fingerprint || existing.baseUrl !== def.baseUrl;
        await this.db.manager.update(
          ExchangePeerEntity,
          { id: existing.id },
          {
            role: def.role,
            baseUrl: def.baseUrl,
            poll: def.poll,
            certificateDer: def.certificate,
            sha256Fingerprint: fingerprint,
            enabled: true,
            updatedAt: now,
            ...(changed ? { failures: 0, probeAt: null, openedAt: null } : {}),
          },
        );
        ids.set(def.name, existing.id);
      } else {
        const id = newId();
        await this.db.manager.insert(ExchangePeerEntity, {
          id,
          name: def.name,
          role: def.role,
          baseUrl: def.baseUrl,
          poll: def.poll,
          certificateDer: def.certificate,
          sha256Fingerprint: fingerprint,
          enabled: true,
          failures: 0,
          probeAt: null,
          openedAt: null,
          lastError: null,
          lastSuccessAt: null,
          updatedAt: now,
        });
        ids.set(def.name, id);
      }
    }
    const keep = [...ids.values()];
    await this.db.manager.query(
      `UPDATE exchange_peer SET enabled = false, updated_at = $2 WHERE enabled AND NOT (id = ANY($1::uuid[]))`,
      [keep, now],
    );
    return ids;
  }

  async replaceRoutes(routes: ReadonlyMap<string, string>): Promise<void> {
    await this.db.manager.query('DELETE FROM exchange_route');
    const rows = [...routes].map(([agencyCode, peerId]) => ({ agencyCode, peerId }));
    if (rows.length > 0) await this.db.manager.insert(ExchangeRouteEntity, rows);
  }

  /** The route of the first code (in the order given) that has one, to an enabled peer. */
  async firstRoute(codes: readonly string[]): Promise<ExchangePeerEntity | null> {
    if (codes.length === 0) return null;
    const rows: { agency_code: string; peer_id: string }[] = await this.db.manager.query(
      `SELECT r.agency_code, r.peer_id FROM exchange_route r JOIN exchange_peer p ON p.id = r.peer_id
        WHERE r.agency_code = ANY($1::varchar[]) AND p.enabled`,
      [[...codes]],
    );
    const byCode = new Map(rows.map((r) => [r.agency_code, r.peer_id]));
    const code = codes.find((c) => byCode.has(c));
    return code ? this.findById(byCode.get(code)!) : null;
  }

  /** A success closes the circuit. */
  async recordSuccess(peerId: string): Promise<void> {
    await this.db.manager.query(
      `UPDATE exchange_peer SET failures = 0, probe_at = NULL, opened_at = NULL, last_error = NULL,
              last_success_at = $2
        WHERE id = $1 AND (failures <> 0 OR probe_at IS NOT NULL OR last_success_at IS NULL
              OR last_success_at < $2::timestamptz - interval '1 second')`,
      [peerId, this.clock.now()],
    );
  }

  /**
   * One more consecutive failure; at `threshold` the circuit opens (or stays open) until
   * `now + interval`. One statement, so failures counted by several processes add up.
   */
  async recordFailure(
    peerId: string,
    error: string,
    threshold: number,
    intervalMs: number,
  ): Promise<boolean> {
    const now = this.clock.now();
    const { rows } = await this.db.prepared<{ opened: boolean }>(
      `UPDATE exchange_peer
          SET failures = failures + 1, last_error = $2,
              probe_at = CASE WHEN failures + 1 >= $3 THEN $4::timestamptz ELSE probe_at END,
              opened_at = CASE WHEN failures + 1 >= $3 THEN coalesce(opened_at, $5) ELSE opened_at END
        WHERE id = $1
        RETURNING (failures >= $3) AS opened`,
      [peerId, error.slice(0, 500), threshold, new Date(now.getTime() + intervalMs), now],
    );
    return rows[0]?.opened ?? false;
  }

  /**
   * While a circuit is open exactly one claim per interval wins the probe: the conditional update
   * moves probe_at forward, and only the statement that saw it due gets a row back.
   */
  async claimProbe(peerId: string, intervalMs: number): Promise<boolean> {
    const now = this.clock.now();
    const { rows } = await this.db.prepared(
      `UPDATE exchange_peer SET probe_at = $3 WHERE id = $1 AND probe_at IS NOT NULL AND probe_at <= $2 RETURNING id`,
      [peerId, now, new Date(now.getTime() + intervalMs)],
    );
    return rows.length === 1;
  }
}
