export interface ConfigProblem {
  key: string;
  message: string;
}

/** Raised at boot when configuration is invalid; names every bad key at once. */
export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(
      `Cấu hình không hợp lệ (invalid configuration): ${problems.map((p) => `${p.key}: ${p.message}`).join('; ')}`,
    );
    this.name = 'ConfigError';
  }
}
