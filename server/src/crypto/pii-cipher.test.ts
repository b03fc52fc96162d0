import { describe, expect, it } from 'vitest';
import { createPiiCipher, generatePiiKeys, parsePiiKeys } from './pii-cipher';

const keys = generatePiiKeys();
const cipher = createPiiCipher(parsePiiKeys(keys.piiKeys, keys.blindIndexKey));

describe('PII cipher', () => {
  it('round-trips and never repeats a ciphertext', () => {
    const a = cipher.encrypt('3171010101900001');
    const b = cipher.encrypt('3171010101900001');
    expect(a).not.toBe(b);
    expect(a).not.toContain('3171010101900001');
    expect(cipher.decrypt(a)).toBe('3171010101900001');
  });

  it('detects tampering', () => {
    const text = cipher.encrypt('+6281234567890');
    const parts = text.split(':');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString('base64url');
    expect(() => cipher.decrypt(parts.join(':'))).toThrow();
  });

  it('decrypts with an older key after rotation', () => {
    const old = keys.piiKeys;
    const rotated = createPiiCipher(
      parsePiiKeys(`k2:${generatePiiKeys().piiKeys.slice(3)},${old}`, keys.blindIndexKey),
    );
    const written = cipher.encrypt('budi@example.id');
    expect(rotated.decrypt(written)).toBe('budi@example.id');
    expect(rotated.encrypt('x').split(':')[1]).toBe('k2');
  });

  it('blind indexes are deterministic and separated by kind', () => {
    expect(cipher.blindIndex('nik', '1')).toBe(cipher.blindIndex('nik', '1'));
    expect(cipher.blindIndex('nik', '1')).not.toBe(cipher.blindIndex('phone', '1'));
  });
});
