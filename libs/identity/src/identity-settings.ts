export interface IdentitySettings {
  sessionTtlMinutes: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
}

export const IDENTITY_SETTINGS = Symbol('IDENTITY_SETTINGS');
