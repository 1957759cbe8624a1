import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import { DocumentTypeRepository } from '../types/document-type.repository';
import type { RegisterKind } from './register.entity';
import { RegisterRepository, type SeriesKey } from './register.repository';

export interface AllocatedNumber {
  registerId: string;
  year: number;
  number: number;
}

/** A register row the current transaction has locked, and the next number it will hand out. */
interface Lease {
  registerId: string;
  next: number;
  /** next_number as the row holds it now: the lease writes `next` back before commit if they differ. */
  stored: number;
}

/** What the current transaction has taken: its leases by series, and the agencies' series setting. */
class TakenInTransaction {
  readonly leases = new Map<string, Lease>();
  /** Agency id → whether it numbers outgoing documents per type, as read by this transaction. */
  readonly perType = new Map<string, boolean>();
}

function seriesKey(agencyId: string, year: number, kind: RegisterKind, typeCode: string | null): string {
  return `${agencyId}|${year}|${kind}|${typeCode ?? ''}`;
}

/**
 * Hands out register numbers. Must be called inside the transaction that records the document:
 * the number exists only if that transaction commits, so numbers never skip and never repeat.
 *
 * The first number a transaction takes from a register moves the row's counter, which locks the
 * row until the transaction ends; no other transaction can take from that register meanwhile, so
 * the transaction's further numbers from it are counted here, in memory, and the counter is
 * written once just before commit. A group-commit batch of 50 issues thus costs two statements on
 * the register (take, write back), not 50. A rollback discards the counting with everything else.
 */
@Injectable()
export class NumberAllocator {
  constructor(
    private readonly db: Database,
    private readonly registers: RegisterRepository,
    private readonly types: DocumentTypeRepository,
  ) {}

  /** The outgoing number: one series for the agency, or one per document type, as it configured. */
  async takeOutgoing(agencyId: string, year: number, documentTypeCode: string): Promise<AllocatedNumber> {
    await this.types.get(documentTypeCode);
    const taken = this.takenInTransaction();
    const perType = taken.perType.get(agencyId);
    if (perType !== undefined) {
      const lease = taken.leases.get(
        seriesKey(agencyId, year, 'outgoing', perType ? documentTypeCode : null),
      );
      if (lease) return { registerId: lease.registerId, year, number: lease.next++ };
    }
    const fromExisting = await this.registers.takeFromExisting({
      agencyId,
      year,
      kind: 'outgoing',
      typeCodeIfPerType: documentTypeCode,
    });
    if (fromExisting) {
      taken.perType.set(agencyId, fromExisting.perType);
      const key = seriesKey(agencyId, year, 'outgoing', fromExisting.perType ? documentTypeCode : null);
      return this.lease(taken, key, fromExisting.registerId, fromExisting.number, year);
    }
    const type =
      (await this.registers.outgoingSeries(agencyId)) === 'per_type'
        ? await this.types.get(documentTypeCode)
        : null;
    taken.perType.set(agencyId, type !== null);
    const name = type
      ? `Sổ đăng ký văn bản đi – ${type.name} năm ${year}`
      : `Sổ đăng ký văn bản đi năm ${year}`;
    return this.takeFromNew(
      taken,
      { agencyId, year, kind: 'outgoing', documentTypeCode: type ? type.code : null },
      name,
    );
  }

  /** The number of an electronic copy: one series per agency and year for sao y, sao lục and trích sao. */
  async takeCopy(agencyId: string, year: number): Promise<AllocatedNumber> {
    const taken = this.takenInTransaction();
    const key = seriesKey(agencyId, year, 'copy', null);
    const lease = taken.leases.get(key);
    if (lease) return { registerId: lease.registerId, year, number: lease.next++ };
    const fromExisting = await this.registers.takeFromExisting({
      agencyId,
      year,
      kind: 'copy',
      typeCodeIfPerType: null,
    });
    if (fromExisting) return this.lease(taken, key, fromExisting.registerId, fromExisting.number, year);
    return this.takeFromNew(
      taken,
      { agencyId, year, kind: 'copy', documentTypeCode: null },
      `Sổ đăng ký bản sao năm ${year}`,
    );
  }

  /** The arrival number (số đến), consecutive in order of registration. */
  async takeArrival(agencyId: string, year: number): Promise<AllocatedNumber> {
    return (await this.takeArrivals([{ agencyId, year }]))[0];
  }

  /**
   * Arrival numbers for several registrations, in the order given (consecutive per agency), with
   * one statement for all the registers this transaction has not taken from yet.
   */
  async takeArrivals(requests: readonly { agencyId: string; year: number }[]): Promise<AllocatedNumber[]> {
    const taken = this.takenInTransaction();
    const blocks = new Map<string, { agencyId: string; year: number; count: number; name: string }>();
    for (const { agencyId, year } of requests) {
      const key = seriesKey(agencyId, year, 'incoming', null);
      if (taken.leases.has(key)) continue;
      const block = blocks.get(key);
      if (block) block.count++;
      else blocks.set(key, { agencyId, year, count: 1, name: `Sổ đăng ký văn bản đến năm ${year}` });
    }
    if (blocks.size > 0) {
      const firsts = await this.registers.takeArrivalBlocks([...blocks.values()]);
      [...blocks.entries()].forEach(([key, block], i) => {
        const { registerId, first } = firsts[i];
        // the row now says first + count: handing those out from memory leaves nothing to write back
        taken.leases.set(key, { registerId, next: first, stored: first + block.count });
      });
    }
    return requests.map(({ agencyId, year }) => {
      const lease = taken.leases.get(seriesKey(agencyId, year, 'incoming', null))!;
      return { registerId: lease.registerId, year, number: lease.next++ };
    });
  }

  /** The first number of a series that may not have its register yet (created as `name`). */
  private async takeFromNew(
    taken: TakenInTransaction,
    series: SeriesKey,
    name: string,
  ): Promise<AllocatedNumber> {
    const registerId = await this.registers.ensure(series, name);
    const key = seriesKey(series.agencyId, series.year, series.kind, series.documentTypeCode);
    return this.lease(taken, key, registerId, await this.registers.takeNumber(registerId), series.year);
  }

  /** Records the number just taken from the database and keeps counting from it in memory. */
  private lease(
    taken: TakenInTransaction,
    key: string,
    registerId: string,
    number: number,
    year: number,
  ): AllocatedNumber {
    taken.leases.set(key, { registerId, next: number + 1, stored: number + 1 });
    return { registerId, year, number };
  }

  private takenInTransaction(): TakenInTransaction {
    if (!this.db.inTransaction) throw new Error('numbers are taken inside the transaction that uses them');
    return this.db.transactionState(this, () => {
      const taken = new TakenInTransaction();
      this.db.beforeCommit(() =>
        this.registers.storeNextNumbers(
          [...taken.leases.values()]
            .filter((lease) => lease.next !== lease.stored)
            .map(({ registerId, next }) => ({ registerId, next })),
        ),
      );
      return taken;
    });
  }
}

/**
 * The group-commit key (Database.groupTransaction) of the transactions that take numbers from an
 * agency's registers of one kind: they all wait for the same register row anyway, so they queue in
 * the process and commit together instead of handing the row lock over one by one.
 */
export function numberingGroup(agencyId: string, kind: RegisterKind): string {
  return `numbers:${kind}:${agencyId}`;
}
