// PII at rest: AES-256-GCM with a key id for rotation, and keyed HMAC-SHA256 blind indexes so exact
// lookups (NIK, phone, e-mail) never need the plaintext in the database.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

export interface PiiKeys {
  /** The first entry encrypts; every entry may decrypt (rotation). */
  readonly encryption: ReadonlyArray<{ readonly id: string; readonly key: Buffer }>;
  readonly blindIndex: Buffer;
}

export type BlindIndexKind = 'nik' | 'phone' | 'email' | 'kpj' | 'bank_account';

export interface PiiCipher {
  encrypt(plaintext: string): string;
  decrypt(ciphertext: string): string;
  /** Deterministic keyed hash of an already normalised value; the kind separates the domains. */
  blindIndex(kind: BlindIndexKind, normalised: string): string;
}

const VERSION = 'v1';

export function parsePiiKeys(piiKeys: string, blindIndexKey: string): PiiKeys {
  const encryption = piiKeys.split(',').map((pair) => {
    const at = pair.indexOf(':');
    return { id: pair.slice(0, at), key: Buffer.from(pair.slice(at + 1), 'base64') };
  });
  return { encryption, blindIndex: Buffer.from(blindIndexKey, 'base64') };
}

export function generatePiiKeys(): { piiKeys: string; blindIndexKey: string } {
  return {
    piiKeys: `k1:${randomBytes(32).toString('base64')}`,
    blindIndexKey: randomBytes(32).toString('base64'),
  };
}

export function createPiiCipher(keys: PiiKeys): PiiCipher {
  const current = keys.encryption[0];
  if (!current || current.key.length !== 32) throw new Error('PII encryption key must be 32 bytes');
  if (keys.blindIndex.length !== 32) throw new Error('blind index key must be 32 bytes');
  const byId = new Map(keys.encryption.map((entry) => [entry.id, entry.key]));

  return {
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      // The key id is authenticated too, so a ciphertext cannot be moved to another key's slot.
      cipher.setAAD(Buffer.from(current.id));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${VERSION}:${current.id}:${iv.toString('base64url')}:${body.toString('base64url')}`;
    },
    decrypt(ciphertext) {
      const [version, keyId, ivText, bodyText] = ciphertext.split(':');
      const key = keyId === undefined ? undefined : byId.get(keyId);
      if (version !== VERSION || !key || ivText === undefined || bodyText === undefined) {
        throw new Error('unreadable PII ciphertext (unknown version or key id)');
      }
      const body = Buffer.from(bodyText, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(ivText, 'base64url'));
      decipher.setAAD(Buffer.from(keyId!));
      decipher.setAuthTag(body.subarray(body.length - 16));
      return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString(
        'utf8',
      );
    },
    blindIndex(kind, normalised) {
      return createHmac('sha256', keys.blindIndex).update(`${kind}\u0000${normalised}`).digest('base64url');
    },
  };
}
