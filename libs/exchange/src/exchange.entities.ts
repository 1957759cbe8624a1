import { ExchangeIdentityEntity } from './identity/exchange-identity.entity';
import { ExchangeInboundEntity } from './inbound/exchange-inbound.entity';
import { ExchangeMailboxEntity } from './mailbox/exchange-mailbox.entity';
import { ExchangeOutboundEntity } from './outbound/exchange-outbound.entity';
import { ExchangePeerEntity } from './peers/exchange-peer.entity';
import { ExchangeRouteEntity } from './peers/exchange-route.entity';

export const EXCHANGE_ENTITIES = [
  ExchangeIdentityEntity,
  ExchangePeerEntity,
  ExchangeRouteEntity,
  ExchangeInboundEntity,
  ExchangeOutboundEntity,
  ExchangeMailboxEntity,
];
