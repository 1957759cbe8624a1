export type { AppConfig, DatabaseConfig, DemoWorldName, ExchangeConfig, StorageConfig } from './app-config';
export { ConfigError, type ConfigProblem } from './config-error';
export { loadConfig, MAX_LONG_POLL_MS } from './load-config';
export { childEnvironment } from './child-environment';
export { APP_CONFIG } from './app-config.token';
