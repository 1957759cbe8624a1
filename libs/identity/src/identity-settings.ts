export interface IdentitySettings {
  sessionTtlMinutes: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  /** Password hashes computed at once (each holds a libuv pool thread and 32 MiB); default 2. */
  passwordHashConcurrency?: number;
}

export const IDENTITY_SETTINGS = Symbol('IDENTITY_SETTINGS');
