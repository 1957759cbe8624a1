import { Injectable } from '@nestjs/common';
import { isUuid } from '@vanthu/shared';
import { tryNormalizeAgencyCode } from '../agency-code';
import { AgencyRepository } from '../agency.repository';

/**
 * An agency as a URL may name it: by id, or by its code (mã định danh, `000.00.12.H15`), which is
 * what people and other systems use. The id, or null when the reference names no agency.
 */
@Injectable()
export class ResolveAgencyReferenceUseCase {
  constructor(private readonly agencies: AgencyRepository) {}

  async execute(reference: string): Promise<string | null> {
    if (isUuid(reference)) return reference.toLowerCase();
    const code = tryNormalizeAgencyCode(reference);
    if (code === undefined) return null;
    return (await this.agencies.findByCode(code))?.id ?? null;
  }
}
