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
  data: {
    dir: string;
    /**
     * How often the storage sweep (server and hub) releases the claims of requests that died
     * between storing an object and committing; the first sweep runs a minute after start, or
     * after one interval when that is shorter.
     */
    storageSweepIntervalMs: number;
  };
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
    /**
     * Which demo agencies this installation hosts: `district` (Ea H'Leo and its communes, the
     * default), `central` (Văn phòng Chính phủ) or `none` (the directory only: a hub).
     */
    world: DemoWorldName;
  };
  web: {
    /** The built web UI (index.html and assets/), served at `/`; absent: the API runs alone. */
    dir: string;
    /** Public verification page: uploads per client address per minute, and the largest PDF in bytes. */
    publicVerifyPerMinute: number;
    publicVerifyLimit: number;
  };
  exchange: ExchangeConfig;
}

export type DemoWorldName = 'district' | 'central' | 'none';

/** Exchange between installations (docs/exchange.md); durations in milliseconds. */
export interface ExchangeConfig {
  /** Serve the exchange endpoint and send deliveries to other installations. */
  enabled: boolean;
  /** This installation's name in its peers' `exchange_peer` rows and in the X-Vanthu-Peer header. */
  name: string;
  /** JSON file with the peers, their pinned certificates, the routes and extra trust anchors. */
  peersFile?: string;
  /** Run the outbox, inbox and mailbox workers in this process (false: an API-only process). */
  workers: boolean;
  /** How often idle workers look for due work and poll-only nodes poll their hub. */
  pollIntervalMs: number;
  /**
   * A poll-only node asks its hub to hold an empty mailbox poll this long (at most 25 s) and answer
   * as soon as an item arrives; 0: plain polls every pollIntervalMs.
   */
  longPollMs: number;
  /** A consignment unsent for longer is dead (delivery failed, clerks alerted). */
  maxAgeMs: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  /** Consecutive transient failures that open a peer's circuit. */
  breakerThreshold: number;
  /** While open, one probe per interval. */
  breakerIntervalMs: number;
  /** One HTTP exchange (connect, send, answer). */
  requestTimeoutMs: number;
  /** Largest package accepted or built, in bytes. */
  maxPackageBytes: number;
  /** Consignments sent at once by one process. */
  sendConcurrency: number;
  /** Most consignments of small packages sent to one peer in one request (1: each alone). */
  sendBatch: number;
  /** PKCS#12 of the exchange identity, imported at boot when it differs from the stored one. */
  identityP12?: string;
  identityPasswordFile?: string;
  /** Extra CA (PEM) for https:// peers, and the client certificate for mutual TLS. */
  tlsCaFile?: string;
  tlsCertFile?: string;
  tlsKeyFile?: string;
}
