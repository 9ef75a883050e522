/**
 * TOTP second factor (RFC 6238) through otplib v13's functional API.
 *
 * Fixed profile, the one every authenticator app understands: SHA-1, 6 digits, 30-second steps,
 * a 160-bit random secret in base32. A code is accepted for the current step and one step either
 * side (clock drift of up to ~30 s), and only once: the caller stores the returned `step` and
 * passes it back as `lastUsedStep`; a code from that step or an earlier one is 'replayed'.
 *
 * otplib v13 defaults to pure-JS plugins (@noble/hashes for HMAC, @scure/base for base32), so the
 * code path is the same in Node, Electron and tests. Every code this module computes or checks
 * goes through `generateSync`/`verifySync`; the RFC vectors in the test use the same `totpAt`.
 */
import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';
import QRCode from 'qrcode';

export const TOTP_PERIOD = 30;
export const TOTP_DIGITS = 6;
/** 20 bytes = 160 bits, RFC 4226's recommended secret length. */
export const TOTP_SECRET_BYTES = 20;

export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'malformed' | 'wrong' | 'replayed' };

export function generateTotpSecret(): string {
  return generateSecret({ length: TOTP_SECRET_BYTES });
}

/** The RFC 6238 time step of a moment: floor(unix seconds / 30). */
export const totpStep = (nowMs: number): number => Math.floor(Math.floor(nowMs / 1000) / TOTP_PERIOD);

/**
 * The code for one moment. `secret` is base32 (as stored) or raw bytes (the RFC test seeds).
 * Internal building block, exported for the RFC 6238 test vectors.
 */
export function totpAt(
  secret: string | Uint8Array,
  timeSec: number,
  opts: { algorithm?: TotpAlgorithm; digits?: number } = {},
): string {
  return generateSync({
    secret,
    epoch: timeSec,
    period: TOTP_PERIOD,
    algorithm: opts.algorithm ?? 'sha1',
    digits: opts.digits ?? TOTP_DIGITS,
  });
}

/** Authenticator apps split the label on ':' (issuer:account), so neither part may contain one. */
const labelPart = (s: string): string => s.replace(/:/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * The otpauth:// URI for the enrolment QR code. otplib leaves out parameters equal to the
 * defaults; they are appended explicitly so no app has to guess.
 */
export function totpUri(opts: { secret: string; account: string; issuer: string }): string {
  const issuer = labelPart(opts.issuer);
  const account = labelPart(opts.account);
  const uri = generateURI({ issuer, label: account, secret: opts.secret, algorithm: 'sha1', digits: TOTP_DIGITS, period: TOTP_PERIOD });
  const extra = [['algorithm', 'SHA1'], ['digits', String(TOTP_DIGITS)], ['period', String(TOTP_PERIOD)]]
    .filter(([k]) => !new RegExp(`[?&]${k}=`).test(uri))
    .map(([k, v]) => `${k}=${v}`);
  return extra.length ? `${uri}${uri.includes('?') ? '&' : '?'}${extra.join('&')}` : uri;
}

/** Drops the spaces (and dashes) people type or paste between the digit groups. */
export const normaliseTotpInput = (token: string): string => token.replace(/[\s\u00a0-]/g, '');

/**
 * Checks a typed code against the secret at `nowMs`, accepting one step of drift either way.
 * A matching code whose step is ≤ `lastUsedStep` is 'replayed'. Throws only on a bad secret.
 */
export function checkTotp(secret: string, token: string, nowMs: number, lastUsedStep: number | null): TotpCheck {
  const code = normaliseTotpInput(token);
  if (!new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(code)) return { ok: false, reason: 'malformed' };
  const epoch = Math.floor(nowMs / 1000);
  const current = totpStep(nowMs);
  const verifyAt = (afterTimeStep: number | undefined) =>
    verifySync({
      secret,
      token: code,
      epoch,
      period: TOTP_PERIOD,
      algorithm: 'sha1',
      digits: TOTP_DIGITS,
      // In seconds: with one period each way otplib tries steps current-1 … current+1.
      epochTolerance: TOTP_PERIOD,
      afterTimeStep,
    });
  // otplib throws when afterTimeStep is past the window; clamping keeps the meaning
  // ("every step in the window has been used") without the exception.
  const after = lastUsedStep === null || lastUsedStep < 0 ? undefined : Math.min(Math.floor(lastUsedStep), current + 1);
  const fresh = verifyAt(after);
  // verifySync's result type is the TOTP/HOTP union; only the TOTP branch carries timeStep.
  if (fresh.valid && 'timeStep' in fresh) return { ok: true, step: fresh.timeStep };
  if (after !== undefined && verifyAt(undefined).valid) return { ok: false, reason: 'replayed' };
  return { ok: false, reason: 'wrong' };
}

/** The URI as a PNG data URL for an <img> (the renderer's CSP allows `img-src data:`). */
export function totpQrDataUrl(uri: string): Promise<string> {
  return QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 256, type: 'image/png' });
}
