import type { LoggerOptions } from 'pino';

/**
 * Paths that must never reach a log line: credentials, keys, passphrases and document bodies.
 * Applied to every pino logger of the product (server, CLI, workers).
 */
export const REDACTED_LOG_PATHS = [
  'password',
  '*.password',
  'newPassword',
  '*.newPassword',
  'currentPassword',
  '*.currentPassword',
  'passphrase',
  '*.passphrase',
  'privateKey',
  '*.privateKey',
  'p12',
  '*.p12',
  'token',
  '*.token',
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'body',
  'req.body',
];

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    base: { service: 'vanthu' },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
  };
}
