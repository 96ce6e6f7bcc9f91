// Password hashing with scrypt (node:crypto) and the password rules (length, common passwords, username).
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { PASSWORD_MIN_LENGTH } from '@scimon/contracts';
import { COMMON_PASSWORDS } from './common-passwords.ts';

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(password, salt, keylen, options, (e, key) => (e ? reject(e) : resolve(key))),
  );

// N = 2^15, r = 8, p = 1: about 30 ms per hash here; the parameters travel with the hash.
const PARAMS = { N: 32768, r: 8, p: 1 };
const KEYLEN = 64;

/** `scrypt$N$r$p$salt$key` (base64 salt and key). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, { ...PARAMS, maxmem: 128 * PARAMS.N * PARAMS.r * 2 });
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const N = Number(n);
  const R = Number(r);
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N,
    r: R,
    p: Number(p),
    maxmem: 128 * N * R * 2,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash of a random secret: compared against when the user is unknown, so timing tells nothing. */
export const DUMMY_HASH_SOURCE = randomBytes(24).toString('base64');

export type PasswordProblem =
  { reason: 'too_short'; min: number } | { reason: 'too_common' | 'like_username' | 'one_character' };

/** Checks a new password against the rules; returns the first problem or null. */
export function checkPasswordRules(
  password: string,
  username: string,
  minLength = PASSWORD_MIN_LENGTH,
): PasswordProblem | null {
  if ([...password].length < minLength) return { reason: 'too_short', min: minLength };
  const lower = password.toLowerCase();
  if (new Set(lower).size === 1) return { reason: 'one_character' };
  if (username.length >= 3 && lower.includes(username.toLowerCase())) return { reason: 'like_username' };
  if (COMMON_PASSWORDS.has(lower)) return { reason: 'too_common' };
  return null;
}

/** A random password that meets the rules: 20 characters from an unambiguous alphabet. */
export function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = randomBytes(20);
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}
