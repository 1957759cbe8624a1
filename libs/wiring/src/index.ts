export { ExchangeWiringModule } from './exchange-wiring.module';
