export type { AppConfig, DatabaseConfig, DemoWorldName, ExchangeConfig, StorageConfig } from './app-config';
export { ConfigError, type ConfigProblem } from './config-error';
export { loadConfig } from './load-config';
export { childEnvironment } from './child-environment';
export { APP_CONFIG } from './app-config.token';
