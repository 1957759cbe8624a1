import { randomInt } from 'node:crypto';

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz';

/** A random password a person can type from the console: e.g. `Vanthu-kqzt-4821`. */
export function generateDemoPassword(): string {
  const letters = Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `Vanthu-${letters}-${String(randomInt(10_000)).padStart(4, '0')}`;
}
