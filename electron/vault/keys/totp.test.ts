import { describe, it, expect } from 'vitest';
import { checkTotp, generateTotpSecret, totpAt, totpQrDataUrl, totpStep, totpUri, type TotpAlgorithm } from './totp';

const ascii = (s: string) => new TextEncoder().encode(s);
const SEEDS: Record<TotpAlgorithm, Uint8Array> = {
  sha1: ascii('12345678901234567890'),
  sha256: ascii('12345678901234567890123456789012'),
  sha512: ascii('1234567890123456789012345678901234567890123456789012345678901234'),
};

// RFC 6238 Appendix B: [time, SHA1, SHA256, SHA512], 8 digits.
const VECTORS: [number, string, string, string][] = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('totpAt (RFC 6238 Appendix B)', () => {
  for (const [time, sha1, sha256, sha512] of VECTORS) {
    it(`T=${time}`, () => {
      expect(totpAt(SEEDS.sha1, time, { algorithm: 'sha1', digits: 8 })).toBe(sha1);
      expect(totpAt(SEEDS.sha256, time, { algorithm: 'sha256', digits: 8 })).toBe(sha256);
      expect(totpAt(SEEDS.sha512, time, { algorithm: 'sha512', digits: 8 })).toBe(sha512);
    });
  }

  it('gives the same code for the base32 form of a seed', () => {
    // base32("12345678901234567890")
    expect(totpAt('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 59, { digits: 8 })).toBe('94287082');
    expect(totpAt('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 59)).toBe('287082');
  });
});

describe('generateTotpSecret', () => {
  it('is 160 random bits in base32 (32 characters)', () => {
    const a = generateTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(generateTotpSecret()).not.toBe(a);
  });
});

describe('checkTotp', () => {
  const secret = generateTotpSecret();
  // The middle of a step, so ±15 s never crosses a boundary by accident.
  const now = (1_700_000_000 - (1_700_000_000 % 30) + 15) * 1000;
  const step = totpStep(now);
  const codeAt = (s: number) => totpAt(secret, s * 30);

  it('accepts the current code and reports its step', () => {
    expect(checkTotp(secret, codeAt(step), now, null)).toEqual({ ok: true, step });
    expect(step).toBe(Math.floor(now / 1000 / 30));
  });

  it('accepts one step of drift either way and reports the matched step', () => {
    expect(checkTotp(secret, codeAt(step - 1), now, null)).toEqual({ ok: true, step: step - 1 });
    expect(checkTotp(secret, codeAt(step + 1), now, null)).toEqual({ ok: true, step: step + 1 });
  });

  it('refuses two steps of drift', () => {
    for (const s of [step - 2, step + 2]) {
      const code = codeAt(s);
      // A 1-in-10^6 collision with a neighbouring step would make this flaky; skip that case.
      if ([step - 1, step, step + 1].some((n) => codeAt(n) === code)) continue;
      expect(checkTotp(secret, code, now, null)).toEqual({ ok: false, reason: 'wrong' });
    }
  });

  it('accepts a code only once', () => {
    const first = checkTotp(secret, codeAt(step), now, null);
    expect(first).toEqual({ ok: true, step });
    expect(checkTotp(secret, codeAt(step), now, step)).toEqual({ ok: false, reason: 'replayed' });
    // An older code inside the window after a newer one was used: also replayed.
    expect(checkTotp(secret, codeAt(step - 1), now, step)).toEqual({ ok: false, reason: 'replayed' });
    // The next step's code is still fine.
    expect(checkTotp(secret, codeAt(step + 1), now, step)).toEqual({ ok: true, step: step + 1 });
    // After the window's last step was used, every code in the window is spent.
    expect(checkTotp(secret, codeAt(step), now, step + 1)).toEqual({ ok: false, reason: 'replayed' });
    // A stored step beyond the window (clock set back) does not throw.
    expect(checkTotp(secret, codeAt(step), now, step + 100)).toEqual({ ok: false, reason: 'replayed' });
    expect(checkTotp(secret, '000000' === codeAt(step) ? '111111' : '000000', now, step + 100).ok).toBe(false);
  });

  it('says wrong, not replayed, for a wrong code after a used step', () => {
    const window = [step - 1, step, step + 1].map(codeAt);
    const wrong = ['123456', '654321', '000000'].find((c) => !window.includes(c))!;
    expect(checkTotp(secret, wrong, now, step - 5)).toEqual({ ok: false, reason: 'wrong' });
    expect(checkTotp(secret, wrong, now, null)).toEqual({ ok: false, reason: 'wrong' });
  });

  it('tolerates spaces in the typed code', () => {
    const code = codeAt(step);
    expect(checkTotp(secret, ` ${code.slice(0, 3)} ${code.slice(3)} `, now, null)).toEqual({ ok: true, step });
  });

  it('refuses malformed input without checking it', () => {
    for (const bad of ['', '12345', '1234567', 'abcdef', '12345a', '１２３４５６', '12 34 5'])
      expect(checkTotp(secret, bad, now, null)).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('totpUri', () => {
  it('is an otpauth URI with issuer, account, secret and the SHA1/6/30 profile', () => {
    const secret = generateTotpSecret();
    const uri = totpUri({ secret, account: 'budi@toko', issuer: 'Brankas (Toko Makmur)' });
    expect(uri.startsWith('otpauth://totp/')).toBe(true);
    const url = new URL(uri);
    expect(decodeURIComponent(url.pathname.slice(1))).toBe('Brankas (Toko Makmur):budi@toko');
    expect(url.searchParams.get('secret')).toBe(secret);
    expect(url.searchParams.get('issuer')).toBe('Brankas (Toko Makmur)');
    expect(url.searchParams.get('algorithm')).toBe('SHA1');
    expect(url.searchParams.get('digits')).toBe('6');
    expect(url.searchParams.get('period')).toBe('30');
  });

  it('keeps colons out of the label parts', () => {
    const uri = totpUri({ secret: generateTotpSecret(), account: 'a:b', issuer: 'X:Y' });
    const label = decodeURIComponent(new URL(uri).pathname.slice(1));
    expect(label.split(':')).toEqual(['X Y', 'a b']);
  });
});

describe('totpQrDataUrl', () => {
  it('is a PNG data URL', async () => {
    const url = await totpQrDataUrl(totpUri({ secret: generateTotpSecret(), account: 'budi', issuer: 'Brankas' }));
    expect(url.startsWith('data:image/png;base64,')).toBe(true);
    const png = Buffer.from(url.slice('data:image/png;base64,'.length), 'base64');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.length).toBeGreaterThan(200);
  });
});
