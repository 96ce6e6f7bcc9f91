// Random secrets for sessions, CSRF and API tokens; only their SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';

export const newSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');
export const sha256Hex = (value: string): string => createHash('sha256').update(value).digest('hex');

/** API tokens carry a recognisable prefix so they can be told from session cookies and found in leaks. */
export const API_TOKEN_PREFIX = 'scimon_';
export const newApiToken = (): string => `${API_TOKEN_PREFIX}${newSecret(30)}`;
