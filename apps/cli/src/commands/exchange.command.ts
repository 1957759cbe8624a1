import type { Command } from 'commander';
import { registerExchangeIdentityCommands } from './exchange/exchange-identity.command';
import { registerExchangeQueueCommands } from './exchange/exchange-queue.command';

/** `vanthu exchange status | peers | resend | identity …`: the exchange between installations. */
export function registerExchangeCommand(program: Command): void {
  const exchange = program
    .command('exchange')
    .description('Liên thông văn bản giữa các hệ thống (docs/exchange.md)');
  registerExchangeQueueCommands(exchange);
  registerExchangeIdentityCommands(exchange);
}
