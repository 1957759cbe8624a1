/** Variables vanthu reads (load-config.ts): a child installation must get them from its launcher only. */
const VANTHU_VARIABLE = /^(VANTHU_|S3_)|^(PORT|DATABASE_URL|LOG_LEVEL)$/;

/**
 * The environment of an installation that this process starts (the network launcher, the cluster test
 * kit): this process's environment without any variable vanthu reads, with `settings` on top. A
 * `DATABASE_URL` or `VANTHU_DATA_DIR` exported in the launcher's shell would otherwise point every
 * installation of the network at one database; PATH, HOME, TZ and the locale pass through.
 */
export function childEnvironment(settings: Readonly<Record<string, string>>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env))
    if (value !== undefined && !VANTHU_VARIABLE.test(key)) env[key] = value;
  return { ...env, ...settings };
}
