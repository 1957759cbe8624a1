#!/usr/bin/env node
import 'reflect-metadata';
import { buildCli } from './cli-program';

buildCli()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`vanthu: ${message}\n`);
    process.exit(
      typeof (error as { exitCode?: number })?.exitCode === 'number'
        ? (error as { exitCode: number }).exitCode
        : 1,
    );
  });
