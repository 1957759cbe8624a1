import { Global, Module } from '@nestjs/common';
import { ExchangeInboxPort, ExchangeModule, ExchangeOutboxPort } from '@vanthu/exchange';
import { RegistersModule, RemoteDeliveryQueue, StatusOutbox } from '@vanthu/registers';
import {
  ExchangeBuildWakeup,
  ExchangeStatusOutbox,
  RegistersExchangeInbox,
  RegistersExchangeOutbox,
} from './registers-exchange.adapters';

const exchange = ExchangeModule.forNode();

/**
 * Registers and exchange never import each other (architecture.md §1): here each one's port is
 * answered by the other's services, for every application that runs a node's use cases (the server
 * and the CLI). Global, so that both modules find the ports they need.
 */
@Global()
@Module({
  imports: [RegistersModule, exchange],
  providers: [
    { provide: ExchangeInboxPort, useClass: RegistersExchangeInbox },
    { provide: ExchangeOutboxPort, useClass: RegistersExchangeOutbox },
    { provide: StatusOutbox, useClass: ExchangeStatusOutbox },
    { provide: RemoteDeliveryQueue, useClass: ExchangeBuildWakeup },
  ],
  exports: [ExchangeInboxPort, ExchangeOutboxPort, StatusOutbox, RemoteDeliveryQueue, exchange],
})
export class ExchangeWiringModule {}
