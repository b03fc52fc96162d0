// Passwords: argon2id (the library's default algorithm and parameters) and the NIST SP 800-63B policy —
// at least 8 characters, not a known common password, no composition rules.
import { readFileSync } from 'node:fs';
import { hash, verify } from '@node-rs/argon2';
import { err, ok, type Result } from '@lumbung/core';

export const MIN_PASSWORD_LENGTH = 8;
/** Bounds the hashing work an attacker can ask for. */
export const MAX_PASSWORD_LENGTH = 256;

let commonPasswords: ReadonlySet<string> | undefined;

function loadCommonPasswords(): ReadonlySet<string> {
  if (!commonPasswords) {
    const text = readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8');
    commonPasswords = new Set(
      text
        .split('\n')
        .map((line) => line.trim().toLowerCase())
        .filter((line) => line.length > 0 && !line.startsWith('#')),
    );
  }
  return commonPasswords;
}

export type PasswordPolicyCode = 'password_too_short' | 'password_too_long' | 'password_too_common';

export function checkPasswordPolicy(
  password: string,
  field = 'password',
): Result<string, PasswordPolicyCode> {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return err('password_too_short', undefined, field);
  if (length > MAX_PASSWORD_LENGTH) return err('password_too_long', undefined, field);
  if (loadCommonPasswords().has(password.toLowerCase())) return err('password_too_common', undefined, field);
  return ok(password);
}

export function isCommonPassword(password: string): boolean {
  return loadCommonPasswords().has(password.toLowerCase());
}

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Hashed once at start: verifying against it costs the same as against a real user's hash. */
let dummyHash: Promise<string> | undefined;

/** Verifies against the user's hash, or against a dummy when there is no user, so timing is equal. */
export async function verifyPassword(
  storedHash: string | null | undefined,
  password: string,
): Promise<boolean> {
  dummyHash ??= hash('lumbung-dummy-password-for-equal-timing');
  const target = storedHash ?? (await dummyHash);
  const isMatch = await verify(target, password.slice(0, MAX_PASSWORD_LENGTH)).catch(() => false);
  return Boolean(storedHash) && isMatch;
}
