/** The first user journey, end to end, with the real vault underneath. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { systemKeychain } from '../electron/vault/keys/keychain';
import { RECOVERY_FILE } from '../electron/vault/paths';
import { addCustomer, createVault, expectRows, expectSignedIn, fillCustomer, lock, personOnList, rows, search, signIn } from './app';
import { expect, test } from './fixtures';

const BUDI = { name: 'Budi Santoso', phone: '0812-3456-7890', email: 'Budi@Contoh.co.id', city: 'Bandung', tags: 'langganan, grosir' };
const SITI = { name: 'Siti Rahayu', phone: '+62 813 1111 2222', city: 'Surabaya', notes: 'Suka batik tulis' };
const JOSE = { name: 'José Ramos', phone: '(021) 555-1234', city: 'Jakarta' };

test('first run → add → search → edit → delete → lock → wrong password → sign in → data intact', async ({ openApp }) => {
  const { page } = await openApp();
  await createVault(page);
  await expect(page.getByTestId('empty-state')).toBeVisible();

  for (const c of [BUDI, SITI, JOSE]) await addCustomer(page, c);
  await expectRows(page, [BUDI.name, JOSE.name, SITI.name]);
  await expect(page.getByTestId('customer-count')).toContainText('3');
  // Stored normalised, shown the local way.
  await expect(rows(page).filter({ hasText: BUDI.name })).toContainText('0812-3456-7890');
  await expect(rows(page).filter({ hasText: SITI.name })).toContainText('0813-1111-2222');

  // Search as you type: name prefix, diacritics folded, phone fragments, city, tag.
  await search(page, 'bud');
  await expectRows(page, [BUDI.name]);
  await search(page, 'jose');
  await expectRows(page, [JOSE.name]);
  await search(page, '812 34');
  await expectRows(page, [BUDI.name]);
  await search(page, '0813');
  await expectRows(page, [SITI.name]);
  await search(page, 'surabaya');
  await expectRows(page, [SITI.name]);
  await search(page, 'grosir');
  await expectRows(page, [BUDI.name]);
  await search(page, 'tidakada');
  await expect(page.getByTestId('no-results')).toBeVisible();
  await search(page, '');
  await expectRows(page, [BUDI.name, JOSE.name, SITI.name]);

  // Edit.
  await rows(page).filter({ hasText: SITI.name }).click();
  await fillCustomer(page, { name: 'Siti Rahayu Putri', city: 'Malang' });
  await page.getByRole('dialog').getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(rows(page).filter({ hasText: 'Siti Rahayu Putri' })).toContainText('Malang');

  // Delete, with confirmation.
  await rows(page).filter({ hasText: JOSE.name }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Hapus' }).click();
  await expect(page.getByRole('alertdialog').or(page.getByRole('dialog', { name: /José Ramos/ }))).toContainText(JOSE.name);
  await page.getByRole('button', { name: 'Hapus pelanggan' }).click();
  await expectRows(page, [BUDI.name, 'Siti Rahayu Putri']);
  await search(page, 'jose');
  await expect(page.getByTestId('no-results')).toBeVisible();
  await search(page, '');

  // Lock clears the screen; a wrong password is refused; the right one opens it again.
  await lock(page);
  await expect(page.getByText(BUDI.name)).toHaveCount(0);
  await signIn(page, 'bukan-kata-sandinya');
  await expect(page.getByText('Kata sandi salah', { exact: false })).toBeVisible();
  await signIn(page);
  await expectRows(page, [BUDI.name, 'Siti Rahayu Putri']);
  await expectSignedIn(page, 'Ibu Sari Wulandari', 'Pemilik');
});

test('close and reopen the app on the same data folder: the data is still there', async ({ openApp }) => {
  const first = await openApp();
  await createVault(first.page);
  await addCustomer(first.page, BUDI);
  await addCustomer(first.page, SITI);
  await first.close();

  const second = await openApp();
  await expect(second.page.getByTestId('owner-name')).toContainText('Ibu Sari Wulandari');
  // The Owner is the only person: listed and already picked.
  await expect(second.page.getByTestId('signin-person')).toHaveCount(1);
  await expect(personOnList(second.page, 'Ibu Sari Wulandari').getByRole('radio')).toBeChecked();
  await signIn(second.page);
  await expectSignedIn(second.page, 'Ibu Sari Wulandari', 'Pemilik');
  await expectRows(second.page, [BUDI.name, SITI.name]);
  await search(second.page, '0812');
  await expectRows(second.page, [BUDI.name]);
});

test('bad input in the form: translated messages under the fields, nothing saved, input kept', async ({ openApp }) => {
  const { page, vault } = await openApp();
  await createVault(page);
  await page.getByRole('button', { name: 'Tambah pelanggan', exact: true }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog.getByLabel(/^Nama/)).toHaveAttribute('aria-invalid', 'true');

  await fillCustomer(page, { name: 'Rina', phone: '12345', email: 'rina@' });
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog.getByText('Nomor telepon tidak valid', { exact: false })).toBeVisible();
  await expect(dialog.getByText('Alamat email tidak valid', { exact: false })).toBeVisible();
  await expect(dialog.getByLabel('Telepon', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('Telepon', { exact: true })).toHaveValue('12345');
  await expect(dialog.getByLabel(/^Nama/)).toHaveValue('Rina');

  const stored = await vault.db().get<{ n: number }>('SELECT count(*) AS n FROM customers');
  expect(stored?.n).toBe(0);

  // Fixing the fields saves it.
  await fillCustomer(page, { phone: '0812 9999 0000', email: 'rina@contoh.id' });
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toBeHidden();
  await expectRows(page, ['Rina']);
});

test('keychain entry removed (new PC): recover with the code, data intact, key stored again', async ({ openApp, dataDir }) => {
  const first = await openApp();
  const groups = await createVault(first.page);
  await addCustomer(first.page, BUDI);
  await first.close();

  const { vaultId } = JSON.parse(readFileSync(join(dataDir, RECOVERY_FILE), 'utf8')) as { vaultId: string };
  expect(await systemKeychain().remove(vaultId)).toBe(true);

  const { page } = await openApp();
  await expect(page.getByTestId('recover-reason')).toHaveAttribute('data-reason', 'key_missing');
  await page.getByLabel('Kode pemulihan').fill('AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF');
  await page.getByRole('button', { name: 'Pulihkan akses' }).click();
  await expect(page.getByText('Kode pemulihan tidak cocok', { exact: false })).toBeVisible();

  await page.getByLabel('Kode pemulihan').fill(groups.join(' ').toLowerCase());
  await page.getByRole('button', { name: 'Pulihkan akses' }).click();
  await signIn(page);
  await expectRows(page, [BUDI.name]);
  expect(await systemKeychain().get(vaultId)).toMatch(/^[0-9a-f]{64}$/);
});
