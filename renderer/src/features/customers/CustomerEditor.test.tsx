import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fail, ok, unlocked } from '../../test/fakeClient';
import { customField, defaultFields, makeCustomer } from '../../test/fixtures';

const fake = await vi.hoisted(async () => {
  const { installFakeClient } = await import('../../test/fakeClient');
  return installFakeClient();
});

const { useStore } = await import('../../store');
const { CustomerEditor } = await import('./CustomerEditor');
const initial = useStore.getState();

beforeEach(() => {
  vi.clearAllMocks();
  useStore.setState(initial, true);
  useStore.setState({ fields: defaultFields(), status: unlocked });
  useStore.getState().openNewCustomer();
});
afterEach(cleanup);

const field = (label: RegExp) => screen.getByLabelText(label) as HTMLInputElement;

describe('CustomerEditor', () => {
  it('shows the server’s invalid_input field errors, translated, and keeps what was typed', async () => {
    fake.client.customers.save.mockResolvedValueOnce(fail('invalid_input', { 'customer.phone': 'invalid_phone' }));
    render(<CustomerEditor />);
    fireEvent.change(field(/^Nama/), { target: { value: 'Budi Santoso' } });
    fireEvent.change(field(/^Telepon/), { target: { value: '12ab' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Simpan' })));

    expect(fake.client.customers.save).toHaveBeenCalledWith({
      customer: { name: 'Budi Santoso', phone: '12ab', tags: [] },
    });
    const phone = field(/^Telepon/);
    const message = screen.getByText('Nomor telepon tidak valid. Contoh: 0812-3456-7890.');
    expect(phone.getAttribute('aria-invalid')).toBe('true');
    expect(phone.getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
    expect(phone.value).toBe('12ab');
    expect(field(/^Nama/).value).toBe('Budi Santoso');
    expect(document.activeElement).toBe(phone);
    expect(useStore.getState().editor).not.toBeNull(); // still open, nothing saved

    act(() => useStore.getState().setLocale('en'));
    expect(screen.getByText('Not a valid phone number. For example: 0812-3456-7890.')).toBeTruthy();
  });

  it('validates with the contract schema before sending anything', async () => {
    render(<CustomerEditor />);
    fireEvent.change(field(/^Nama/), { target: { value: '   ' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Simpan' })));
    expect(fake.client.customers.save).not.toHaveBeenCalled();
    expect(field(/^Nama/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Wajib diisi.')).toBeTruthy();
  });

  it('saves, closes and reloads the list on success', async () => {
    fake.client.customers.save.mockImplementationOnce(async ({ customer }) =>
      ok(makeCustomer({ id: 7, name: customer.name, tags: customer.tags ?? [] })),
    );
    render(<CustomerEditor />);
    fireEvent.change(field(/^Nama/), { target: { value: 'Sari' } });
    fireEvent.change(field(/^Label/), { target: { value: 'grosir, langganan, Grosir' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Simpan' })));
    expect(fake.client.customers.save).toHaveBeenLastCalledWith({ customer: { name: 'Sari', tags: ['grosir', 'langganan'] } });
    expect(useStore.getState().editor).toBeNull();
    expect(fake.client.customers.search).toHaveBeenCalled();
    expect(useStore.getState().notice?.key).toBe('customers.saved');
  });

  it('shows only the fields that are on, each with its purpose, and sends custom values by kind', async () => {
    const fields = defaultFields().map((f) =>
      f.key === 'birthday' || f.key === 'gender' ? { ...f, enabled: true, purpose: `Tujuan ${f.key}.` } : f.key === 'email' ? { ...f, enabled: false } : f,
    );
    useStore.setState({
      fields: [
        ...fields,
        customField({ key: 'custom_1', label: 'Jumlah anak', kind: 'number', position: 20 }),
        customField({ key: 'custom_2', label: 'Ukuran baju', kind: 'choice', choices: ['S', 'M', 'L'], position: 21 }),
      ],
    });
    fake.client.customers.save.mockImplementation(async ({ customer }) => ok(makeCustomer({ id: 9, name: customer.name })));
    render(<CustomerEditor />);
    expect(screen.queryByLabelText('Email')).toBeNull();
    expect(screen.queryByLabelText('Alamat')).toBeNull();
    const phone = field(/^Telepon/);
    const purpose = document.getElementById('customer-phone-purpose')!;
    expect(purpose.textContent).toBe('Tujuan: Untuk menghubungi pelanggan tentang pesanan.');
    expect(phone.getAttribute('aria-describedby')?.split(' ')).toContain(purpose.id);

    fireEvent.change(field(/^Nama/), { target: { value: 'Sari' } });
    fireEvent.change(field(/^Tanggal lahir/), { target: { value: '1990-08-17' } });
    fireEvent.change(screen.getByLabelText('Jenis kelamin'), { target: { value: 'female' } });
    fireEvent.change(field(/^Jumlah anak/), { target: { value: 'dua' } });
    fireEvent.change(screen.getByLabelText('Ukuran baju'), { target: { value: 'M' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Simpan' })));
    expect(fake.client.customers.save).not.toHaveBeenCalled();
    expect(screen.getByText('Bukan angka yang valid.')).toBeTruthy();
    expect(document.activeElement).toBe(field(/^Jumlah anak/));

    fireEvent.change(field(/^Jumlah anak/), { target: { value: '2' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Simpan' })));
    expect(fake.client.customers.save).toHaveBeenLastCalledWith({
      customer: { name: 'Sari', tags: [], birthday: '1990-08-17', gender: 'female', custom: { custom_1: 2, custom_2: 'M' } },
    });
  });

  it('completes tags from the ones already in use', async () => {
    fake.client.customers.tags.mockResolvedValue(ok([{ tag: 'langganan', count: 12 }, { tag: 'lama', count: 3 }]));
    render(<CustomerEditor />);
    const tags = screen.getByRole('combobox', { name: 'Label' }) as HTMLInputElement;
    fireEvent.change(tags, { target: { value: 'grosir, la' } });
    await act(async () => new Promise((r) => setTimeout(r, 200)));
    expect(fake.client.customers.tags).toHaveBeenCalledWith({ prefix: 'la', limit: 8 });
    expect(tags.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(tags, { key: 'ArrowDown' });
    expect(tags.getAttribute('aria-activedescendant')).toBe(screen.getByRole('option', { name: 'langganan' }).id);
    fireEvent.keyDown(tags, { key: 'Enter' });
    expect(tags.value).toBe('grosir, langganan, ');
    expect(tags.getAttribute('aria-expanded')).toBe('false');
  });
});
