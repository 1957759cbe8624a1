export type StorageConfig =
  | { driver: 'filesystem'; root: string }
  | {
      driver: 's3';
      endPoint: string;
      port: number;
      useSSL: boolean;
      accessKey: string;
      secretKey: string;
      bucket: string;
      region: string;
    };

export interface DatabaseConfig {
  /** External PostgreSQL; when absent the embedded server is started under `data.dir/pg`. */
  url?: string;
  embeddedPort: number;
  poolSize: number;
}

export interface AppConfig {
  server: {
    host: string;
    port: number;
    /** Maximum JSON body, in bytes. */
    jsonBodyLimit: number;
    /** Maximum uploaded file, in bytes. */
    uploadLimit: number;
    cookieSecure: boolean;
    logLevel: string;
  };
  data: { dir: string };
  database: DatabaseConfig;
  storage: StorageConfig;
  security: {
    sessionTtlMinutes: number;
    lockoutThreshold: number;
    lockoutMinutes: number;
    /** Password hashes (scrypt, on the libuv pool) computed at once. */
    passwordHashConcurrency: number;
    /** 32-byte key (base64) encrypting private keys at rest; generated under data.dir when absent. */
    masterKey?: string;
  };
  demo: {
    /** Create the demo world on first start when the database is empty. */
    seedOnFirstStart: boolean;
    /** Password for every demo user; random per user (printed once) when absent. */
    password?: string;
  };
  web: {
    /** The built web UI (index.html and assets/), served at `/`; absent: the API runs alone. */
    dir: string;
    /** Public verification page: uploads per client address per minute, and the largest PDF in bytes. */
    publicVerifyPerMinute: number;
    publicVerifyLimit: number;
  };
}
