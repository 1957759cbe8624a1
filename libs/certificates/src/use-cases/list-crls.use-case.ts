import { Injectable } from '@nestjs/common';
import type { CertificateActor } from '../certificate-actor';
import { CrlRepository } from '../trust/crl.repository';
import { TrustStoreAuthorization } from '../trust/trust-store-authorization';
import { toCrlView, type CrlView } from '../trust/trust-views';

@Injectable()
export class ListCrlsUseCase {
  constructor(
    private readonly crls: CrlRepository,
    private readonly authorization: TrustStoreAuthorization,
  ) {}

  async execute(input: { actor: CertificateActor }): Promise<CrlView[]> {
    await this.authorization.assertNodeAdmin(input.actor);
    return (await this.crls.list()).map(toCrlView);
  }
}
