import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fail, ok, unlocked, unlockedAs } from '../../test/fakeClient';
import { defaultFields, defaultPurposes } from '../../test/fixtures';

const fake = await vi.hoisted(async () => {
  const { installFakeClient } = await import('../../test/fakeClient');
  return installFakeClient();
});
const { useStore } = await import('../../store');
const { SwitchedOffColumn } = await import('./SwitchedOffColumn');
const initial = useStore.getState();

const address = () => defaultFields().find((f) => f.key === 'address')!;
const withAddressOn = (purposes: string[]) => defaultFields().map((f) => (f.key === 'address' ? { ...f, enabled: true, purposes } : f));

function show() {
  render(<SwitchedOffColumn column={3} field={address()} />);
}

beforeEach(() => {
  vi.clearAllMocks();
  useStore.setState(initial, true);
  useStore.setState({ status: unlocked, fields: defaultFields(), purposes: defaultPurposes() });
  useStore.setState({ importer: { ...initial.importer, mapping: ['name', 'phone', 'email', null], leftOut: [] } });
});
afterEach(cleanup);

describe('a column matching a switched-off field', () => {
  it('says so, and the Owner switches the field on for one of the shop’s purposes', async () => {
    fake.client.fields.update.mockResolvedValueOnce(ok(withAddressOn(['order_updates'])));
    show();
    expect(screen.getByTestId('import-off-3').textContent).toContain('Cocok dengan kolom data “Alamat”, yang sedang dimatikan');
    fireEvent.click(screen.getByRole('button', { name: 'Nyalakan “Alamat”…' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Kabar pesanan' }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Nyalakan dan impor kolom ini' })));
    expect(fake.client.fields.update).toHaveBeenCalledWith({ key: 'address', enabled: true, purpose: '', purposes: ['order_updates'] });
    expect(useStore.getState().importer.mapping[3]).toBe('address');
  });

  it('switches the field on with new words for a new purpose', async () => {
    fake.client.fields.update.mockResolvedValueOnce(ok(withAddressOn(['custom'])));
    show();
    fireEvent.click(screen.getByTestId('import-off-3-switch'));
    fireEvent.click(screen.getByRole('radio', { name: 'Tujuan baru' }));
    fireEvent.change(screen.getByLabelText('Tujuan baru, dengan kata-kata untuk pelanggan'), { target: { value: '  Untuk mengantar pesanan  ' } });
    await act(async () => fireEvent.click(screen.getByTestId('import-off-3-confirm')));
    expect(fake.client.fields.update).toHaveBeenCalledWith({ key: 'address', enabled: true, purpose: 'Untuk mengantar pesanan' });
    expect(useStore.getState().importer.mapping[3]).toBe('address');
  });

  it('refuses without a purpose, and shows the vault’s refusal translated', async () => {
    show();
    fireEvent.click(screen.getByTestId('import-off-3-switch'));
    await act(async () => fireEvent.click(screen.getByTestId('import-off-3-confirm')));
    expect(fake.client.fields.update).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('Pilih satu tujuan atau tulis tujuan baru.');
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Kabar pesanan' }));

    // New purpose chosen but left blank: refused too, focus on the words.
    fireEvent.click(screen.getByRole('radio', { name: 'Tujuan baru' }));
    await act(async () => fireEvent.click(screen.getByTestId('import-off-3-confirm')));
    expect(fake.client.fields.update).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByTestId('import-off-3-text'));

    fake.client.fields.update.mockResolvedValueOnce(fail('invalid_input', { purpose: 'required' }));
    fireEvent.change(screen.getByTestId('import-off-3-text'), { target: { value: 'x' } });
    await act(async () => fireEvent.click(screen.getByTestId('import-off-3-confirm')));
    expect(screen.getByRole('alert').textContent).not.toBe('');
    expect(useStore.getState().importer.mapping[3]).toBeNull();
  });

  it('leaves the column out knowingly, and the choice can be undone', () => {
    show();
    fireEvent.click(screen.getByRole('button', { name: 'Biarkan tidak diimpor' }));
    expect(useStore.getState().importer.leftOut).toEqual([3]);
    expect(screen.getByTestId('import-off-3-left-out').textContent).toContain('Sengaja tidak diimpor');
    fireEvent.click(screen.getByRole('button', { name: 'Batalkan pilihan' }));
    expect(useStore.getState().importer.leftOut).toEqual([]);
    expect(screen.getByTestId('import-off-3-switch')).toBeTruthy();
  });

  it('tells a non-Owner why, without a switch', () => {
    useStore.setState({ status: unlockedAs('staff') });
    show();
    expect(screen.getByTestId('import-off-3').textContent).toContain('Hanya Pemilik yang bisa menyalakan kolom data');
    expect(screen.queryByTestId('import-off-3-switch')).toBeNull();
    expect(screen.getByTestId('import-off-3-leave')).toBeTruthy();
  });
});
