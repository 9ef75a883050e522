import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fail, ok } from '../../test/fakeClient';

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
      ok({ id: 7, name: customer.name, phone: null, phoneDisplay: null, email: null, address: null, city: null, notes: null, tags: customer.tags ?? [], createdAt: 0, updatedAt: 0 }),
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
});
