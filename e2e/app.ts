/** User-level steps, written the way a shop owner sees the app (Bahasa Indonesia, the default). */
import { expect, type Page } from '@playwright/test';

export const OWNER = 'Ibu Sari Wulandari';
export const PASSWORD = 'teh-manis-jahe-merah-7';

export interface NewCustomer {
  name: string;
  phone?: string;
  email?: string;
  city?: string;
  address?: string;
  notes?: string;
  tags?: string;
}

/** First run → recovery code shown → two groups typed back → customer list. Returns the code. */
export async function createVault(page: Page, owner = OWNER, password = PASSWORD): Promise<string[]> {
  await page.getByLabel('Nama pemilik toko').fill(owner);
  await page.getByLabel('Kata sandi', { exact: true }).fill(password);
  await page.getByLabel('Ulangi kata sandi').fill(password);
  await page.getByRole('button', { name: 'Buat brankas' }).click();
  const groups = await readRecoveryCode(page);
  await confirmRecoveryCode(page, groups);
  await expect(page.getByRole('heading', { name: 'Pelanggan', exact: true })).toBeVisible();
  await expectSignedIn(page, owner, 'Pemilik');
  return groups;
}

export async function readRecoveryCode(page: Page): Promise<string[]> {
  const code = page.getByTestId('recovery-code');
  await expect(code).toBeVisible();
  const groups = (await page.getByTestId('recovery-group').allInnerTexts()).map((g) => g.trim());
  expect(groups).toHaveLength(6);
  for (const g of groups) expect(g).toMatch(/^[0-9A-Z]{5}$/);
  return groups;
}

export async function confirmRecoveryCode(page: Page, groups: string[]): Promise<void> {
  await page.getByRole('button', { name: 'Saya sudah menuliskannya' }).click();
  const inputs = page.getByLabel(/^Kelompok ke-\d+$/);
  await expect(inputs.first()).toBeVisible();
  const count = await inputs.count();
  for (let i = 0; i < count; i++) {
    const label = (await inputs.nth(i).getAttribute('aria-label')) ?? (await labelText(page, inputs.nth(i)));
    const n = Number(/(\d+)/.exec(label)?.[1]);
    await inputs.nth(i).fill(groups[n - 1]!.toLowerCase());
  }
  await page.getByRole('button', { name: 'Konfirmasi' }).click();
}

async function labelText(page: Page, input: ReturnType<Page['getByLabel']>): Promise<string> {
  const id = await input.getAttribute('id');
  return id ? await page.locator(`label[for="${id}"]`).innerText() : '';
}

export async function addCustomer(page: Page, c: NewCustomer): Promise<void> {
  await page.getByRole('button', { name: 'Tambah pelanggan', exact: true }).first().click();
  await fillCustomer(page, c);
  await page.getByRole('dialog').getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
}

export async function fillCustomer(page: Page, c: Partial<NewCustomer>): Promise<void> {
  const dialog = page.getByRole('dialog');
  const fields: [keyof NewCustomer, string][] = [
    ['name', '^Nama'],
    ['phone', 'Telepon'],
    ['email', 'Email'],
    ['address', 'Alamat'],
    ['city', 'Kota'],
    ['notes', 'Catatan'],
    ['tags', 'Label'],
  ];
  for (const [key, label] of fields) {
    const v = c[key];
    if (v !== undefined) await dialog.getByLabel(label.startsWith('^') ? new RegExp(label) : label, { exact: true }).fill(v);
  }
}

export async function search(page: Page, query: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Cari pelanggan' }).fill(query);
}

export const rows = (page: Page) => page.getByTestId('customer-row');

export async function expectRows(page: Page, names: string[]): Promise<void> {
  await expect(rows(page)).toHaveCount(names.length);
  for (const n of names) await expect(rows(page).filter({ hasText: n })).toHaveCount(1);
}

/** "Kunci" in the header: back to the sign-in list (the same person stays preselected). */
export async function lock(page: Page): Promise<void> {
  await page.getByTestId('lock-button').click();
  await expect(page.getByTestId('signin-person').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Buka' })).toBeVisible();
}

/** "Ganti orang": back to the sign-in list with nobody preselected. */
export async function switchPerson(page: Page): Promise<void> {
  await page.getByTestId('switch-person').click();
  await expect(page.getByTestId('signin-person').first()).toBeVisible();
}

/** The sign-in list's entry for `name`. */
export const personOnList = (page: Page, name: string) => page.getByTestId('signin-person').filter({ hasText: name });

/**
 * Sign in: pick the person (when given; one person alone, or the last one, is preselected),
 * type the password and press "Buka". Accounts with 2FA then show the code step.
 */
export async function signIn(page: Page, password = PASSWORD, person?: string): Promise<void> {
  if (person) {
    await personOnList(page, person).click();
    await expect(personOnList(page, person).getByRole('radio')).toBeChecked();
  }
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
}

/** The header says who is signed in, as "Name (Role)". */
export async function expectSignedIn(page: Page, name: string, role: string): Promise<void> {
  await expect(page.getByTestId('signed-in-person')).toHaveText(`${name} (${role})`);
}
