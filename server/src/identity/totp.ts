// Authenticator-app codes (RFC 6238: SHA-1, 6 digits, 30 s) through otplib. Time comes from the
// service clock; a code is accepted once (the last accepted time step is kept by the caller).
import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';

/** One step either side, for phones whose clocks drift a little. */
const TOLERANCE_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, label: string): string {
  return generateURI({ issuer: 'Lumbung', label, secret });
}

export function currentTotp(secret: string, now: Date): string {
  return generateSync({ secret, epoch: Math.floor(now.getTime() / 1000) });
}

/** The time step the code belongs to, or undefined when it is wrong or was already used. */
export function checkTotp(
  secret: string,
  code: string,
  now: Date,
  lastStep: number | null,
): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  try {
    const result = verifySync({
      secret,
      token: code,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: TOLERANCE_SECONDS,
      ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : undefined;
  } catch {
    return undefined;
  }
}
