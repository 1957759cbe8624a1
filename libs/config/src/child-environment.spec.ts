import { childEnvironment } from './child-environment';

describe('childEnvironment', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('drops every variable vanthu reads from the launcher and keeps the others', () => {
    process.env.DATABASE_URL = 'postgres://u:p@db:5432/shared';
    process.env.VANTHU_DATA_DIR = '/srv/one-folder';
    process.env.S3_BUCKET = 'shared-bucket';
    process.env.PORT = '3000';
    process.env.LOG_LEVEL = 'debug';
    process.env.PATH = '/usr/local/bin:/usr/bin';
    process.env.TZ = 'Asia/Ho_Chi_Minh';
    const env = childEnvironment({ PORT: '3101', VANTHU_EXCHANGE_NAME: 'hub-daklak' });
    expect(env).toMatchObject({
      PORT: '3101',
      VANTHU_EXCHANGE_NAME: 'hub-daklak',
      PATH: '/usr/local/bin:/usr/bin',
      TZ: 'Asia/Ho_Chi_Minh',
    });
    for (const key of ['DATABASE_URL', 'VANTHU_DATA_DIR', 'S3_BUCKET', 'LOG_LEVEL'])
      expect(env).not.toHaveProperty(key);
  });
});
