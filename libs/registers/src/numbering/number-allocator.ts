import { Injectable } from '@nestjs/common';
import { DocumentTypeRepository } from '../types/document-type.repository';
import { RegisterRepository } from './register.repository';

export interface AllocatedNumber {
  registerId: string;
  year: number;
  number: number;
}

/**
 * Hands out register numbers. Must be called inside the transaction that records the document:
 * the number exists only if that transaction commits, so numbers never skip and never repeat.
 */
@Injectable()
export class NumberAllocator {
  constructor(
    private readonly registers: RegisterRepository,
    private readonly types: DocumentTypeRepository,
  ) {}

  /** The outgoing number: one series for the agency, or one per document type, as it configured. */
  async takeOutgoing(agencyId: string, year: number, documentTypeCode: string): Promise<AllocatedNumber> {
    await this.types.get(documentTypeCode);
    const taken = await this.registers.takeFromExisting({
      agencyId,
      year,
      kind: 'outgoing',
      typeCodeIfPerType: documentTypeCode,
    });
    if (taken) return { registerId: taken.registerId, year, number: taken.number };
    const perType = (await this.registers.outgoingSeries(agencyId)) === 'per_type';
    const type = perType ? await this.types.get(documentTypeCode) : null;
    const name = type
      ? `Sổ đăng ký văn bản đi – ${type.name} năm ${year}`
      : `Sổ đăng ký văn bản đi năm ${year}`;
    const registerId = await this.registers.ensure(
      { agencyId, year, kind: 'outgoing', documentTypeCode: type ? type.code : null },
      name,
    );
    return { registerId, year, number: await this.registers.takeNumber(registerId) };
  }

  /** The arrival number (số đến), consecutive in order of registration. */
  async takeArrival(agencyId: string, year: number): Promise<AllocatedNumber> {
    const taken = await this.registers.takeFromExisting({
      agencyId,
      year,
      kind: 'incoming',
      typeCodeIfPerType: null,
    });
    if (taken) return { registerId: taken.registerId, year, number: taken.number };
    const registerId = await this.registers.ensure(
      { agencyId, year, kind: 'incoming', documentTypeCode: null },
      `Sổ đăng ký văn bản đến năm ${year}`,
    );
    return { registerId, year, number: await this.registers.takeNumber(registerId) };
  }
}

/**
 * The group-commit key (Database.groupTransaction) of the transactions that take numbers from an
 * agency's registers of one direction: they all wait for the same register row anyway, so they
 * queue in the process and commit together instead of handing the row lock over one by one.
 */
export function numberingGroup(agencyId: string, direction: 'outgoing' | 'incoming'): string {
  return `numbers:${direction}:${agencyId}`;
}
