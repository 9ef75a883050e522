import { describe, it, expect } from 'vitest';
import { checkPassword, containsPersonal, PASSWORD_MIN, personalWords } from './password-policy';

const shop = { userInputs: ['Toko Makmur', 'Budi Santoso', 'brankas', 'Siti Rahayu'] };
const none = { userInputs: [] };

describe('checkPassword', () => {
  it('needs at least 10 characters', () => {
    expect(PASSWORD_MIN).toBe(10);
    const r = checkPassword('xK9#mQ2$v', none);
    expect(r).toMatchObject({ ok: false, reason: 'too_short' });
    expect(typeof r.score).toBe('number');
  });

  it('refuses common passwords, English and Indonesian', () => {
    for (const pw of ['password12', 'sayangku123', 'qwertyuiop12', 'bismillah123']) {
      const r = checkPassword(pw, none);
      expect(r.ok, pw).toBe(false);
      if (!r.ok) {
        expect(['too_common', 'too_weak'], pw).toContain(r.reason);
        expect(r.score).toBeLessThan(3);
      }
    }
    expect(checkPassword('password12', none)).toMatchObject({ ok: false, reason: 'too_common', warning: 'common' });
    expect(checkPassword('sayangku123', none)).toMatchObject({ ok: false, reason: 'too_common' });
  });

  it('gives zxcvbn feedback keys with a refusal', () => {
    const r = checkPassword('password12', none);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.suggestions?.length).toBeGreaterThan(0);
  });

  it('refuses weak but uncommon patterns as too_weak', () => {
    expect(checkPassword('abcabcabcabc', none)).toMatchObject({ ok: false, reason: 'too_weak' });
  });

  it("refuses the shop's own words, in any case or spacing", () => {
    // zxcvbn alone would give this a 3; the explicit rule refuses it.
    expect(checkPassword('TokoMakmur2026', shop)).toMatchObject({ ok: false, reason: 'contains_personal' });
    expect(checkPassword('zq-MAKMUR-vw-8841', shop)).toMatchObject({ ok: false, reason: 'contains_personal' });
    expect(checkPassword('Brankas2026!!x', shop)).toMatchObject({ ok: false, reason: 'contains_personal' });
    expect(checkPassword('santoso-kuda-laut-91', shop)).toMatchObject({ ok: false, reason: 'contains_personal' });
    expect(checkPassword('T0k0-Makmur-jaya-77', shop)).toMatchObject({ ok: false, reason: 'contains_personal' });
    // The same password is fine for a shop it says nothing about.
    expect(checkPassword('zq-MAKMUR-vw-8841', none).ok).toBe(true);
  });

  it('accepts a strong passphrase', () => {
    const r = checkPassword('kuda-biru-melompat-pagar-77', shop);
    expect(r.ok).toBe(true);
    expect(r.score).toBeGreaterThanOrEqual(3);
    expect(checkPassword('correct horse battery staple', shop).ok).toBe(true);
  });

  it('handles Unicode: counts characters after NFC, and matches personal words across forms', () => {
    // 9 characters composed, 18 code points decomposed: still too short.
    expect(checkPassword('e\u0301'.repeat(9), none)).toMatchObject({ ok: false, reason: 'too_short' });
    // 5 emoji are 10 UTF-16 units but 5 characters.
    expect(checkPassword('🔑🦊🌶️🐉🍵', none)).toMatchObject({ ok: false, reason: 'too_short' });
    expect(checkPassword('Ünïcödé-kopi-susu-gelas-9', none).ok).toBe(true);
    expect(checkPassword('kerupuk-🦊-jendela-🌶️-84', none).ok).toBe(true);
    const cafe = { userInputs: ['Caf\u00e9 Ümit'] };
    expect(checkPassword('CAFE\u0301-senja-merah-4471', cafe)).toMatchObject({ ok: false, reason: 'contains_personal' });
    expect(checkPassword('zz-ÜMIT-kereta-malam-3', cafe)).toMatchObject({ ok: false, reason: 'contains_personal' });
  });
});

describe('personalWords / containsPersonal', () => {
  it('splits inputs into words of 4+ characters, plus the run-together form', () => {
    expect(personalWords(['Toko Makmur', 'Bu Ani', 'brankas'])).toEqual(['toko', 'makmur', 'tokomakmur', 'buani', 'brankas']);
  });

  it('is case-insensitive and sees through simple l33t', () => {
    expect(containsPersonal('xxMaKmUrxx', ['Toko Makmur'])).toBe(true);
    expect(containsPersonal('m4kmur', ['Toko Makmur'])).toBe(true);
    expect(containsPersonal('8r4nk4$', ['brankas'])).toBe(false); // 8 is not undone: fine, zxcvbn still scores it
    expect(containsPersonal('br4nk4$', ['brankas'])).toBe(true);
    expect(containsPersonal('kuda-biru', ['Toko Makmur'])).toBe(false);
    expect(containsPersonal('anything', [])).toBe(false);
  });
});
