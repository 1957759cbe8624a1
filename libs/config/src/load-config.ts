import { resolve } from 'node:path';
import { z } from 'zod';
import type { AppConfig, StorageConfig } from './app-config';
import { ConfigError, type ConfigProblem } from './config-error';

type Env = Record<string, string | undefined>;

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => ['true', '1', 'yes'].includes(v));
const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().positive();
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
/** `500ms`, `30s`, `15m`, `72h`, `7d` → milliseconds. */
const duration = z
  .string()
  .regex(/^\d{1,9}(ms|s|m|h|d)$/, 'phải là một khoảng thời gian như 500ms, 30s, 15m, 72h, 7d')
  .transform((v) => {
    const [, n, unit] = /^(\d+)(ms|s|m|h|d)$/.exec(v)!;
    return Number(n) * UNIT_MS[unit as keyof typeof UNIT_MS];
  });
const filePath = z.string().min(1);

/** Every environment variable vanthu reads, with its default. The README lists the same table. */
const schema = z.object({
  VANTHU_HOST: z.string().min(1).default('0.0.0.0'),
  PORT: port.default(3000),
  VANTHU_DATA_DIR: z.string().min(1).default('./data'),
  VANTHU_JSON_LIMIT_KB: positiveInt.max(10240).default(256),
  VANTHU_UPLOAD_LIMIT_MB: positiveInt.max(2048).default(100),
  VANTHU_COOKIE_SECURE: bool.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'phải là URL postgres://user:pass@host:port/db')
    .optional(),
  VANTHU_EMBEDDED_PG_PORT: port.default(54329),
  VANTHU_DB_POOL_SIZE: positiveInt.max(200).default(10),
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_ACCESS_KEY: z.string().min(1).optional(),
  S3_SECRET_KEY: z.string().min(1).optional(),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'tên bucket S3 không hợp lệ')
    .optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  VANTHU_SESSION_TTL_MINUTES: positiveInt.max(60 * 24 * 30).default(12 * 60),
  VANTHU_LOCKOUT_THRESHOLD: positiveInt.max(100).default(5),
  VANTHU_LOCKOUT_MINUTES: positiveInt.max(24 * 60).default(15),
  VANTHU_PASSWORD_HASH_CONCURRENCY: positiveInt.max(64).default(2),
  VANTHU_MASTER_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'phải là 32 byte mã hóa base64')
    .optional(),
  VANTHU_DEMO_SEED: bool.default(true),
  VANTHU_DEMO_PASSWORD: z.string().min(8).optional(),
  VANTHU_WEB_DIR: z.string().min(1).default('./dist/web'),
  VANTHU_PUBLIC_VERIFY_PER_MINUTE: positiveInt.max(10000).default(10),
  VANTHU_PUBLIC_VERIFY_LIMIT_MB: positiveInt.max(100).default(20),
  VANTHU_DEMO_WORLD: z.enum(['district', 'central', 'none']).default('district'),
  VANTHU_EXCHANGE_ENABLED: bool.default(true),
  VANTHU_EXCHANGE_NAME: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{0,62}$/, 'chỉ gồm chữ thường, chữ số, "." và "-" (tối đa 63 ký tự)')
    .default('vanthu'),
  VANTHU_EXCHANGE_PEERS_FILE: filePath.optional(),
  VANTHU_EXCHANGE_WORKERS: bool.default(true),
  VANTHU_STORAGE_SWEEP_INTERVAL: duration.prefault('15m'),
  VANTHU_EXCHANGE_POLL_INTERVAL: duration.prefault('2s'),
  VANTHU_EXCHANGE_LONG_POLL: duration.prefault('25s'),
  VANTHU_EXCHANGE_MAX_AGE: duration.prefault('72h'),
  VANTHU_EXCHANGE_BACKOFF_BASE: duration.prefault('2s'),
  VANTHU_EXCHANGE_BACKOFF_CAP: duration.prefault('15m'),
  VANTHU_EXCHANGE_BREAKER_THRESHOLD: positiveInt.max(1000).default(5),
  VANTHU_EXCHANGE_BREAKER_INTERVAL: duration.prefault('30s'),
  VANTHU_EXCHANGE_TIMEOUT: duration.prefault('60s'),
  VANTHU_EXCHANGE_MAX_PACKAGE_MB: positiveInt.max(2048).default(256),
  VANTHU_EXCHANGE_CONCURRENCY: positiveInt.max(64).default(4),
  VANTHU_EXCHANGE_BATCH: positiveInt.max(64).default(32),
  VANTHU_EXCHANGE_IDENTITY_P12: filePath.optional(),
  VANTHU_EXCHANGE_IDENTITY_PASSWORD_FILE: filePath.optional(),
  VANTHU_EXCHANGE_TLS_CA_FILE: filePath.optional(),
  VANTHU_EXCHANGE_TLS_CERT_FILE: filePath.optional(),
  VANTHU_EXCHANGE_TLS_KEY_FILE: filePath.optional(),
});

/** The longest a hub holds a mailbox poll (docs/exchange.md "Long poll"); proxies commonly cut at 30 s. */
export const MAX_LONG_POLL_MS = 25_000;

const S3_KEYS = ['S3_ENDPOINT', 'S3_ACCESS_KEY', 'S3_SECRET_KEY', 'S3_BUCKET'] as const;

/**
 * Reads and validates the configuration. Throws ConfigError listing every invalid key, so that an
 * operator fixes them all in one go instead of one per restart.
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const parsed = schema.safeParse(env);
  const problems: ConfigProblem[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ key: String(issue.path[0]), message: issue.message }));

  const s3Given = S3_KEYS.filter((key) => env[key] !== undefined && env[key] !== '');
  if (s3Given.length > 0 && s3Given.length < S3_KEYS.length) {
    for (const key of S3_KEYS.filter((k) => !s3Given.includes(k))) {
      problems.push({ key, message: 'bắt buộc khi dùng lưu trữ S3 (đã đặt ' + s3Given.join(', ') + ')' });
    }
  }
  if (env.VANTHU_EXCHANGE_IDENTITY_P12 && !env.VANTHU_EXCHANGE_IDENTITY_PASSWORD_FILE)
    problems.push({
      key: 'VANTHU_EXCHANGE_IDENTITY_PASSWORD_FILE',
      message: 'bắt buộc khi đặt VANTHU_EXCHANGE_IDENTITY_P12 (tệp chứa mật khẩu của tệp .p12)',
    });
  if (Boolean(env.VANTHU_EXCHANGE_TLS_CERT_FILE) !== Boolean(env.VANTHU_EXCHANGE_TLS_KEY_FILE))
    problems.push({
      key: env.VANTHU_EXCHANGE_TLS_CERT_FILE
        ? 'VANTHU_EXCHANGE_TLS_KEY_FILE'
        : 'VANTHU_EXCHANGE_TLS_CERT_FILE',
      message: 'chứng thư và khóa TLS của máy khách phải được đặt cùng nhau',
    });
  if (parsed.success && parsed.data.VANTHU_EXCHANGE_BACKOFF_BASE > parsed.data.VANTHU_EXCHANGE_BACKOFF_CAP)
    problems.push({
      key: 'VANTHU_EXCHANGE_BACKOFF_BASE',
      message: 'không được lớn hơn VANTHU_EXCHANGE_BACKOFF_CAP',
    });
  if (parsed.success && parsed.data.VANTHU_EXCHANGE_LONG_POLL > MAX_LONG_POLL_MS)
    problems.push({
      key: 'VANTHU_EXCHANGE_LONG_POLL',
      message: 'tối đa 25s (trục liên thông không giữ yêu cầu lâu hơn)',
    });
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);

  const e = parsed.data;
  const dataDir = resolve(e.VANTHU_DATA_DIR);
  return {
    server: {
      host: e.VANTHU_HOST,
      port: e.PORT,
      jsonBodyLimit: e.VANTHU_JSON_LIMIT_KB * 1024,
      uploadLimit: e.VANTHU_UPLOAD_LIMIT_MB * 1024 * 1024,
      cookieSecure: e.VANTHU_COOKIE_SECURE,
      logLevel: e.LOG_LEVEL,
    },
    data: { dir: dataDir, storageSweepIntervalMs: e.VANTHU_STORAGE_SWEEP_INTERVAL },
    database: {
      url: e.DATABASE_URL,
      embeddedPort: e.VANTHU_EMBEDDED_PG_PORT,
      poolSize: e.VANTHU_DB_POOL_SIZE,
    },
    storage: storageConfig(e, dataDir),
    security: {
      sessionTtlMinutes: e.VANTHU_SESSION_TTL_MINUTES,
      lockoutThreshold: e.VANTHU_LOCKOUT_THRESHOLD,
      lockoutMinutes: e.VANTHU_LOCKOUT_MINUTES,
      passwordHashConcurrency: e.VANTHU_PASSWORD_HASH_CONCURRENCY,
      masterKey: e.VANTHU_MASTER_KEY,
    },
    web: {
      dir: resolve(e.VANTHU_WEB_DIR),
      publicVerifyPerMinute: e.VANTHU_PUBLIC_VERIFY_PER_MINUTE,
      publicVerifyLimit: e.VANTHU_PUBLIC_VERIFY_LIMIT_MB * 1024 * 1024,
    },
    demo: {
      seedOnFirstStart: e.VANTHU_DEMO_SEED,
      password: e.VANTHU_DEMO_PASSWORD,
      world: e.VANTHU_DEMO_WORLD,
    },
    exchange: {
      enabled: e.VANTHU_EXCHANGE_ENABLED,
      name: e.VANTHU_EXCHANGE_NAME,
      peersFile: e.VANTHU_EXCHANGE_PEERS_FILE && resolve(e.VANTHU_EXCHANGE_PEERS_FILE),
      workers: e.VANTHU_EXCHANGE_WORKERS,
      pollIntervalMs: e.VANTHU_EXCHANGE_POLL_INTERVAL,
      longPollMs: e.VANTHU_EXCHANGE_LONG_POLL,
      maxAgeMs: e.VANTHU_EXCHANGE_MAX_AGE,
      backoffBaseMs: e.VANTHU_EXCHANGE_BACKOFF_BASE,
      backoffCapMs: e.VANTHU_EXCHANGE_BACKOFF_CAP,
      breakerThreshold: e.VANTHU_EXCHANGE_BREAKER_THRESHOLD,
      breakerIntervalMs: e.VANTHU_EXCHANGE_BREAKER_INTERVAL,
      requestTimeoutMs: e.VANTHU_EXCHANGE_TIMEOUT,
      maxPackageBytes: e.VANTHU_EXCHANGE_MAX_PACKAGE_MB * 1024 * 1024,
      sendConcurrency: e.VANTHU_EXCHANGE_CONCURRENCY,
      sendBatch: e.VANTHU_EXCHANGE_BATCH,
      identityP12: e.VANTHU_EXCHANGE_IDENTITY_P12 && resolve(e.VANTHU_EXCHANGE_IDENTITY_P12),
      identityPasswordFile:
        e.VANTHU_EXCHANGE_IDENTITY_PASSWORD_FILE && resolve(e.VANTHU_EXCHANGE_IDENTITY_PASSWORD_FILE),
      tlsCaFile: e.VANTHU_EXCHANGE_TLS_CA_FILE && resolve(e.VANTHU_EXCHANGE_TLS_CA_FILE),
      tlsCertFile: e.VANTHU_EXCHANGE_TLS_CERT_FILE && resolve(e.VANTHU_EXCHANGE_TLS_CERT_FILE),
      tlsKeyFile: e.VANTHU_EXCHANGE_TLS_KEY_FILE && resolve(e.VANTHU_EXCHANGE_TLS_KEY_FILE),
    },
  };
}

function storageConfig(e: z.infer<typeof schema>, dataDir: string): StorageConfig {
  if (!e.S3_ENDPOINT || !e.S3_ACCESS_KEY || !e.S3_SECRET_KEY || !e.S3_BUCKET) {
    return { driver: 'filesystem', root: resolve(dataDir, 'objects') };
  }
  const url = new URL(e.S3_ENDPOINT);
  const useSSL = url.protocol === 'https:';
  return {
    driver: 's3',
    endPoint: url.hostname,
    port: url.port ? Number(url.port) : useSSL ? 443 : 80,
    useSSL,
    accessKey: e.S3_ACCESS_KEY,
    secretKey: e.S3_SECRET_KEY,
    bucket: e.S3_BUCKET,
    region: e.S3_REGION,
  };
}
