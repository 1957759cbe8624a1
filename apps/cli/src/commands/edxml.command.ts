import type { Command } from 'commander';
import { registerEdxmlInspectCommand } from './edxml/edxml-inspect.command';
import { registerEdxmlPackCommand } from './edxml/edxml-pack.command';
import { registerEdxmlStatusCommand } from './edxml/edxml-status.command';
import { registerEdxmlUnpackCommand } from './edxml/edxml-unpack.command';
import { registerEdxmlVerifyCommand } from './edxml/edxml-verify.command';

/** `vanthu edxml pack | inspect | verify | unpack | status`: edXML packages (QCVN 102:2016). */
export function registerEdxmlCommand(
  program: Command,
  // The variable the user names with --password-env is read at the CLI's edge, like argv; it is no
  // configuration of vanthu, so it does not belong to libs/config.
  // eslint-disable-next-line no-restricted-syntax
  env: NodeJS.ProcessEnv = process.env,
): void {
  const edxml = program
    .command('edxml')
    .description('Gói tin edXML trao đổi văn bản giữa các cơ quan (QCVN 102:2016)');
  registerEdxmlPackCommand(edxml, env);
  registerEdxmlInspectCommand(edxml);
  registerEdxmlVerifyCommand(edxml);
  registerEdxmlUnpackCommand(edxml);
  registerEdxmlStatusCommand(edxml, env);
}
