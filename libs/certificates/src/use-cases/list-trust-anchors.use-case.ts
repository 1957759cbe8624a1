import { Injectable } from '@nestjs/common';
import type { CertificateActor } from '../certificate-actor';
import { TrustAnchorRepository } from '../trust/trust-anchor.repository';
import { TrustStoreAuthorization } from '../trust/trust-store-authorization';
import { toTrustAnchorView, type TrustAnchorView } from '../trust/trust-views';

@Injectable()
export class ListTrustAnchorsUseCase {
  constructor(
    private readonly anchors: TrustAnchorRepository,
    private readonly authorization: TrustStoreAuthorization,
  ) {}

  async execute(input: { actor: CertificateActor }): Promise<TrustAnchorView[]> {
    await this.authorization.assertNodeAdmin(input.actor);
    return (await this.anchors.list()).map(toTrustAnchorView);
  }
}
