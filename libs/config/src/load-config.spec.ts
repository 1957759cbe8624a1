import { ConfigError } from './config-error';
import { loadConfig } from './load-config';

describe('loadConfig', () => {
  it('gives the embedded defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config.server.port).toBe(3000);
    expect(config.database.url).toBeUndefined();
    expect(config.storage).toEqual({ driver: 'filesystem', root: expect.stringMatching(/data\/objects$/) });
    expect(config.security.lockoutThreshold).toBe(5);
  });

  it('switches to S3 when every S3 key is set', () => {
    const config = loadConfig({
      S3_ENDPOINT: 'https://minio.example.gov.vn:9000',
      S3_ACCESS_KEY: 'ak',
      S3_SECRET_KEY: 'sk',
      S3_BUCKET: 'vanthu-docs',
    });
    expect(config.storage).toMatchObject({
      driver: 's3',
      endPoint: 'minio.example.gov.vn',
      port: 9000,
      useSSL: true,
    });
  });

  it('names every bad key in one error', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: '70000',
        DATABASE_URL: 'mysql://x',
        LOG_LEVEL: 'loud',
        S3_ENDPOINT: 'http://localhost:9000',
        VANTHU_MASTER_KEY: 'c2hvcnQ=',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const keys = (error as ConfigError).problems.map((p) => p.key).sort();
    expect(keys).toEqual(
      [
        'DATABASE_URL',
        'LOG_LEVEL',
        'PORT',
        'S3_ACCESS_KEY',
        'S3_BUCKET',
        'S3_SECRET_KEY',
        'VANTHU_MASTER_KEY',
      ].sort(),
    );
    expect((error as ConfigError).message).toContain('PORT');
  });
});

describe('loadConfig: exchange', () => {
  it('has working defaults for a single node', () => {
    const { exchange, demo } = loadConfig({});
    expect(exchange).toMatchObject({
      enabled: true,
      name: 'vanthu',
      workers: true,
      pollIntervalMs: 2000,
      longPollMs: 25_000,
      maxAgeMs: 72 * 3_600_000,
      backoffBaseMs: 2000,
      backoffCapMs: 15 * 60_000,
      breakerThreshold: 5,
      breakerIntervalMs: 30_000,
      maxPackageBytes: 256 * 1024 * 1024,
      sendBatch: 32,
    });
    expect(loadConfig({ VANTHU_EXCHANGE_BATCH: '1' }).exchange.sendBatch).toBe(1);
    expect(() => loadConfig({ VANTHU_EXCHANGE_BATCH: '65' })).toThrow(ConfigError);
    expect(exchange.peersFile).toBeUndefined();
    expect(demo.world).toBe('district');
  });

  it('reads durations with their unit and resolves files', () => {
    const { exchange } = loadConfig({
      VANTHU_EXCHANGE_NAME: 'hub-daklak',
      VANTHU_EXCHANGE_MAX_AGE: '90s',
      VANTHU_EXCHANGE_BACKOFF_BASE: '250ms',
      VANTHU_EXCHANGE_BREAKER_INTERVAL: '2m',
      VANTHU_EXCHANGE_PEERS_FILE: 'net/peers.json',
    });
    expect(exchange.maxAgeMs).toBe(90_000);
    expect(exchange.backoffBaseMs).toBe(250);
    expect(exchange.breakerIntervalMs).toBe(120_000);
    expect(exchange.peersFile).toMatch(/^\/.*net\/peers\.json$/);
  });

  it('bounds the long poll at 25 s, and 0 turns it off', () => {
    expect(loadConfig({ VANTHU_EXCHANGE_LONG_POLL: '0s' }).exchange.longPollMs).toBe(0);
    expect(() => loadConfig({ VANTHU_EXCHANGE_LONG_POLL: '26s' })).toThrow(ConfigError);
  });

  it('names bad exchange keys together', () => {
    let error: unknown;
    try {
      loadConfig({
        VANTHU_EXCHANGE_NAME: 'Hub Đắk Lắk',
        VANTHU_EXCHANGE_MAX_AGE: '3 days',
        VANTHU_EXCHANGE_IDENTITY_P12: '/etc/vanthu/exchange.p12',
        VANTHU_EXCHANGE_TLS_CERT_FILE: '/etc/vanthu/client.pem',
        VANTHU_DEMO_WORLD: 'province',
      });
    } catch (e) {
      error = e;
    }
    expect((error as ConfigError).problems.map((p) => p.key).sort()).toEqual([
      'VANTHU_DEMO_WORLD',
      'VANTHU_EXCHANGE_IDENTITY_PASSWORD_FILE',
      'VANTHU_EXCHANGE_MAX_AGE',
      'VANTHU_EXCHANGE_NAME',
      'VANTHU_EXCHANGE_TLS_KEY_FILE',
    ]);
  });
});
