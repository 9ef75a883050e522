import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ok, unlocked } from '../../test/fakeClient';
import { defaultFields } from '../../test/fixtures';

const fake = await vi.hoisted(async () => {
  const { installFakeClient } = await import('../../test/fakeClient');
  return installFakeClient();
});
const { useStore } = await import('../../store');
const { PurposesScreen } = await import('../purposes/PurposesScreen');
const initial = useStore.getState();

const withCity = (enabled: boolean) => defaultFields().map((f) => (f.key === 'city' ? { ...f, enabled } : f));

async function openCatalogue() {
  await act(async () => render(<PurposesScreen />));
}

beforeEach(() => {
  vi.clearAllMocks();
  useStore.setState(initial, true);
  useStore.setState({ page: 'purposes', status: unlocked });
});
afterEach(cleanup);

describe('field catalogue', () => {
  it('asks before switching off a field that holds data, and keeps it hidden on request', async () => {
    fake.client.fields.usage.mockResolvedValueOnce(ok({ key: 'city', count: 1234 }));
    fake.client.fields.update.mockResolvedValueOnce(ok(withCity(false)));
    await openCatalogue();
    const city = screen.getByRole('switch', { name: 'Kumpulkan Kota' });
    expect(city.getAttribute('aria-checked')).toBe('true');
    await act(async () => fireEvent.click(city));

    expect(fake.client.fields.usage).toHaveBeenCalledWith({ key: 'city' });
    expect(fake.client.fields.update).not.toHaveBeenCalled();
    const dialog = screen.getByRole('alertdialog', { name: 'Hapus 1.234 data yang tersimpan?' });
    // Cancel is focused: Enter alone never erases.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Batal' }));

    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan tersembunyi' })));
    expect(fake.client.fields.update).toHaveBeenCalledWith({ key: 'city', enabled: false, purpose: 'Untuk mengatur pengiriman.', sensitive: false, erase: false });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('switch', { name: 'Kumpulkan Kota' }).getAttribute('aria-checked')).toBe('false');
  });

  it('erases for real only when asked, and cancel changes nothing', async () => {
    fake.client.fields.usage.mockResolvedValueOnce(ok({ key: 'city', count: 3 })).mockResolvedValueOnce(ok({ key: 'city', count: 3 }));
    fake.client.fields.update.mockResolvedValueOnce(ok(withCity(false)));
    await openCatalogue();
    await act(async () => fireEvent.click(screen.getByRole('switch', { name: 'Kumpulkan Kota' })));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Batal' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(fake.client.fields.update).not.toHaveBeenCalled();

    await act(async () => fireEvent.click(screen.getByRole('switch', { name: 'Kumpulkan Kota' })));
    await act(async () => fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Hapus datanya' })));
    expect(fake.client.fields.update).toHaveBeenCalledWith(expect.objectContaining({ key: 'city', enabled: false, erase: true }));
    expect(fake.client.customers.search).toHaveBeenCalled(); // erased values leave the list
  });

  it('switches off an empty field without asking', async () => {
    fake.client.fields.update.mockResolvedValueOnce(ok(withCity(false)));
    await openCatalogue();
    await act(async () => fireEvent.click(screen.getByRole('switch', { name: 'Kumpulkan Kota' })));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(fake.client.fields.update).toHaveBeenCalledWith({ key: 'city', enabled: false, purpose: 'Untuk mengatur pengiriman.', sensitive: false });
  });

  it('does not switch a field on without a purpose; new words are sent as a new purpose', async () => {
    await openCatalogue();
    await act(async () => fireEvent.click(screen.getByRole('switch', { name: 'Kumpulkan Tanggal lahir' })));
    const dialog = screen.getByRole('dialog', { name: 'Aktifkan Tanggal lahir' });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Aktifkan' })));
    expect(fake.client.fields.update).not.toHaveBeenCalled();
    expect(within(dialog).getByLabelText(/^Atau tulis tujuan baru/).getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(within(dialog).getByLabelText(/^Atau tulis tujuan baru/), { target: { value: 'Untuk ucapan ulang tahun.' } });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Aktifkan' })));
    expect(fake.client.fields.update).toHaveBeenCalledWith({ key: 'birthday', enabled: true, purposes: [], purpose: 'Untuk ucapan ulang tahun.', sensitive: true });
  });

  it('switching a field on asks to choose its purposes, each shown with its basis', async () => {
    await openCatalogue();
    // Each row shows the purposes it serves, by name.
    expect(screen.getByTestId('field-purposes-phone').textContent).toBe('Tujuan: Kabar pesanan');
    expect(screen.getByTestId('field-purposes-birthday').textContent).toBe('Belum ada tujuan. Pilih atau tulis tujuannya saat mengaktifkan.');
    await act(async () => fireEvent.click(screen.getByRole('switch', { name: 'Kumpulkan Tanggal lahir' })));
    const dialog = screen.getByRole('dialog', { name: 'Aktifkan Tanggal lahir' });
    const group = within(dialog).getByRole('group', { name: 'Tujuan' });
    const promo = within(group).getByRole('checkbox', { name: 'Promo lewat WhatsApp' });
    expect(promo).toHaveProperty('checked', false); // nothing is pre-ticked
    expect(promo.getAttribute('aria-describedby')).toBe('field-purpose-promotions_wa-basis');
    expect(document.getElementById('field-purpose-promotions_wa-basis')?.textContent).toBe('Persetujuan · perlu persetujuan');
    fireEvent.click(promo);
    fireEvent.click(within(group).getByRole('checkbox', { name: 'Layanan pelanggan' }));
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Aktifkan' })));
    expect(fake.client.fields.update).toHaveBeenCalledWith({ key: 'birthday', enabled: true, purposes: ['promotions_wa', 'customer_service'], purpose: '', sensitive: true });
  });

  it('a field that is on is edited with its purposes ticked, and shown in English', async () => {
    useStore.setState({ locale: 'en' });
    await openCatalogue();
    expect(screen.getByTestId('field-purposes-notes').textContent).toBe('Purpose: Customer service');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Edit Notes' })));
    const dialog = screen.getByRole('dialog', { name: 'Edit Notes' });
    expect(within(dialog).getByRole('checkbox', { name: 'Customer service' })).toHaveProperty('checked', true);
    expect(within(dialog).getByRole('checkbox', { name: 'Order updates' })).toHaveProperty('checked', false);
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Customer service' }));
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Save' })));
    // Nothing ticked and no new words: refused before the vault is asked (the vault refuses too).
    expect(fake.client.fields.update).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Order updates' }));
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Save' })));
    expect(fake.client.fields.update).toHaveBeenCalledWith({ key: 'notes', enabled: true, purposes: ['order_updates'], purpose: '', sensitive: false });
  });
});
