import { Module } from '@nestjs/common';
import { ExchangeWiringModule } from '@vanthu/wiring';
import { DeliveriesController } from './deliveries.controller';

/** The node's exchange (ports wired in libs/wiring) and its API for dead letters and resend. */
@Module({
  imports: [ExchangeWiringModule],
  controllers: [DeliveriesController],
})
export class ExchangeHttpModule {}
