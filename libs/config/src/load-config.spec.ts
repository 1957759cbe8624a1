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
