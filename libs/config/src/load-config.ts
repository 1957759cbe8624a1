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
});

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
    data: { dir: dataDir },
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
    demo: { seedOnFirstStart: e.VANTHU_DEMO_SEED, password: e.VANTHU_DEMO_PASSWORD },
    web: {
      dir: resolve(e.VANTHU_WEB_DIR),
      publicVerifyPerMinute: e.VANTHU_PUBLIC_VERIFY_PER_MINUTE,
      publicVerifyLimit: e.VANTHU_PUBLIC_VERIFY_LIMIT_MB * 1024 * 1024,
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
