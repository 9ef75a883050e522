import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fail, ok, unlocked, unlockedAs } from '../../test/fakeClient';
import { defaultPurposes } from '../../test/fixtures';

const fake = await vi.hoisted(async () => {
  const { installFakeClient } = await import('../../test/fakeClient');
  return installFakeClient();
});
const { useStore } = await import('../../store');
const { PurposesScreen } = await import('./PurposesScreen');
const initial = useStore.getState();

async function openTab() {
  await act(async () => render(<PurposesScreen />));
}

beforeEach(() => {
  vi.clearAllMocks();
  useStore.setState(initial, true);
  useStore.setState({ page: 'purposes', status: unlocked });
});
afterEach(cleanup);

describe('purposes beside the field catalogue', () => {
  it('shows a role without settings.manage the purposes to read, without the fields or any button', async () => {
    useStore.setState({ status: unlockedAs('staff') });
    await openTab();
    expect(screen.getByRole('heading', { level: 1, name: 'Tujuan & persetujuan' })).toBeTruthy();
    expect(screen.getByTestId('purpose-row-order_updates').textContent).toContain('Dipakai oleh: Telepon, Email, Kota');
    expect(screen.getByTestId('purposes-read-only')).toBeTruthy();
    expect(screen.queryByTestId('field-catalogue')).toBeNull();
    expect(screen.queryAllByRole('button')).toEqual([]);
  });

  it('lists each purpose with its basis, retention and fields', async () => {
    await openTab();
    const promo = screen.getByTestId('purpose-row-promotions_wa');
    expect(within(promo).getByText('Persetujuan')).toBeTruthy();
    expect(within(promo).getByText('perlu persetujuan')).toBeTruthy();
    expect(screen.getByTestId('purpose-row-order_updates').textContent).toContain('Disimpan 12 bulan sejak pembelian terakhir · Dipakai oleh: Telepon, Email, Kota');
    expect(within(promo).getByText(/Belum dipakai kolom mana pun/)).toBeTruthy();
    expect(promo.textContent).toContain('Disimpan 1 bulan sejak persetujuan ditarik');
  });

  it('adds a purpose in both languages, checked before it is sent', async () => {
    await openTab();
    await act(async () => fireEvent.click(screen.getByTestId('purpose-add')));
    const dialog = screen.getByRole('dialog', { name: 'Tujuan baru' });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan' })));
    expect(fake.client.purposes.save).not.toHaveBeenCalled();
    expect(within(dialog).getByLabelText(/^Nama \(Inggris\)/).getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(within(dialog).getByLabelText(/^Nama \(Bahasa Indonesia\)/), { target: { value: 'Kartu member' } });
    fireEvent.change(within(dialog).getByLabelText(/^Nama \(Inggris\)/), { target: { value: 'Membership card' } });
    fireEvent.change(within(dialog).getByLabelText(/^Penjelasan untuk pelanggan \(Bahasa Indonesia\)/), { target: { value: 'Mencatat poin belanja.' } });
    fireEvent.change(within(dialog).getByLabelText(/^Penjelasan untuk pelanggan \(Inggris\)/), { target: { value: 'To keep your points.' } });
    fireEvent.change(within(dialog).getByLabelText('Dasar hukum'), { target: { value: 'consent' } });
    fireEvent.change(within(dialog).getByLabelText(/^Lama penyimpanan/), { target: { value: '24' } });
    fireEvent.change(within(dialog).getByLabelText('Dihitung sejak'), { target: { value: 'consent_withdrawn' } });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan' })));
    expect(fake.client.purposes.save).toHaveBeenCalledWith({
      name: { id: 'Kartu member', en: 'Membership card' },
      description: { id: 'Mencatat poin belanja.', en: 'To keep your points.' },
      basis: 'consent',
      retention: { months: 24, from: 'consent_withdrawn' },
    });
    expect(screen.queryByRole('dialog', { name: 'Tujuan baru' })).toBeNull();
    expect(fake.client.fields.list).toHaveBeenCalled(); // the catalogue re-reads the purposes' names
  });

  it('says which field still needs a purpose the vault will not retire', async () => {
    fake.client.purposes.retire.mockResolvedValueOnce(fail('conflict', { city: 'required' }));
    await openTab();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Hentikan tujuan Kabar pesanan' })));
    expect(fake.client.purposes.retire).toHaveBeenCalledWith({ key: 'order_updates' });
    expect(screen.getByRole('alert').textContent).toContain('Kota hanya punya tujuan ini');
  });

  it('edits in English with the stored values', async () => {
    useStore.setState({ locale: 'en' });
    fake.client.purposes.save.mockResolvedValueOnce(ok(defaultPurposes()));
    await openTab();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Edit the purpose Customer service' })));
    const dialog = screen.getByRole('dialog', { name: 'Edit the purpose Customer service' });
    expect(within(dialog).getByLabelText(/^Name \(Indonesian\)/)).toHaveProperty('value', 'Layanan pelanggan');
    fireEvent.change(within(dialog).getByLabelText(/^How long to keep/), { target: { value: '36' } });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Save' })));
    expect(fake.client.purposes.save).toHaveBeenCalledWith(expect.objectContaining({ key: 'customer_service', basis: 'legitimate_interest', retention: { months: 36, from: 'last_contact' } }));
  });
});
