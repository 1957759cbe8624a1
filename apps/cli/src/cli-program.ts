import { Command } from 'commander';
import { registerAuditCommand } from './commands/audit.command';
import { registerBackupCommand } from './commands/backup.command';
import { registerDbCommand } from './commands/db.command';
import { registerDemoCommand } from './commands/demo.command';
import { registerEdxmlCommand } from './commands/edxml.command';
import { registerExchangeCommand } from './commands/exchange.command';
import { registerNetworkCommand } from './commands/network.command';
import { registerPkiDemoCommand } from './commands/pki-demo.command';
import { registerVerifyCommand } from './commands/verify.command';
import { registerSignCommand } from './commands/sign.command';

/**
 * The `vanthu` command. Each subject registers its commands from its own file under ./commands;
 * exit codes: 0 success, 1 a negative result (e.g. a signature that does not verify), 2 usage or
 * unreadable input.
 */
export function buildCli(): Command {
  const program = new Command('vanthu')
    .description('vanthu — quản lý văn bản và ký số cho cơ quan nhà nước')
    .exitOverride((error) => {
      // commander's own usage errors (unknown option, missing argument) end with exit code 2
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') process.exit(0);
      process.exit(2);
    });
  registerDbCommand(program);
  registerAuditCommand(program);
  registerBackupCommand(program);
  registerDemoCommand(program);
  registerPkiDemoCommand(program);
  registerVerifyCommand(program);
  registerSignCommand(program);
  registerEdxmlCommand(program);
  registerExchangeCommand(program);
  registerNetworkCommand(program);
  return program;
}
