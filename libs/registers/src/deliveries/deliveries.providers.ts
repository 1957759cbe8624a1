import { InboxDelivery } from './inbox-delivery';
import { InboxRecall } from './inbox-recall';
import { InboxUpdate } from './inbox-update';
import { RemoteDeliveries } from './remote-deliveries';
import { RemoteDeliveryRepository } from './remote-delivery.repository';
import { RemoteInbox } from './remote-inbox';

/**
 * The receiver side every delivery ends in (local or by exchange) and the services the exchange
 * module reaches through the ports the application wires; RemoteDeliveries and RemoteInbox are
 * exported by RegistersModule.
 */
export const DELIVERIES_PROVIDERS = [
  InboxDelivery,
  InboxRecall,
  InboxUpdate,
  RemoteDeliveryRepository,
  RemoteDeliveries,
  RemoteInbox,
];
