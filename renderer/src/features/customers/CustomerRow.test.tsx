import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Customer } from '../../contract';
import { fail, ok, unlockedAs } from '../../test/fakeClient';
import { makeCustomer } from '../../test/fixtures';

const fake = await vi.hoisted(async () => {
  const { installFakeClient } = await import('../../test/fakeClient');
  return installFakeClient();
});

const { useStore } = await import('../../store');
const { CustomerRow } = await import('./CustomerRow');
const initial = useStore.getState();

beforeEach(() => {
  vi.clearAllMocks();
  useStore.setState(initial, true);
});
afterEach(cleanup);

const masked = makeCustomer({ id: 7, name: 'Budi', phone: '0812****7890', phoneDisplay: '0812****7890', masked: ['phone'] });
const plain = makeCustomer({ id: 8, name: 'Siti', phone: '+6281311112222', phoneDisplay: '0813-1111-2222' });

const row = (customer: Customer) => (
  <div role="list">
    <CustomerRow
      index={0}
      total={1}
      top={0}
      customer={customer}
      tabbable
      selecting={false}
      selected={false}
      focusRef={() => {}}
      onOpen={() => {}}
      onToggle={() => {}}
      onFocus={() => {}}
      onKeyDown={() => {}}
    />
  </div>
);

describe('CustomerRow masking', () => {
  it('shows a masked phone as it came, with Show that reveals it in place and Hide that masks it again', async () => {
    useStore.setState({ status: unlockedAs('staff') });
    render(row(masked));
    expect(screen.getByTestId('row-phone').textContent).toBe('0812****7890');
    const show = screen.getByRole('button', { name: 'Tampilkan telepon Budi' });
    // A sibling of the row's button, never inside it.
    expect(show.closest('[data-testid="customer-row"]')).toBeNull();

    fake.client.customers.reveal.mockResolvedValueOnce(ok({ field: 'phone', value: '+6281234567890', display: '0812-3456-7890' }));
    await act(async () => fireEvent.click(show));
    expect(fake.client.customers.reveal).toHaveBeenCalledWith({ id: 7, field: 'phone' });
    expect(screen.getByTestId('row-phone').textContent).toBe('0812-3456-7890');
    expect(useStore.getState().revealed).toEqual({ '7:phone': { field: 'phone', value: '+6281234567890', display: '0812-3456-7890' } });

    fireEvent.click(screen.getByRole('button', { name: 'Sembunyikan telepon Budi' }));
    expect(screen.getByTestId('row-phone').textContent).toBe('0812****7890');
  });

  it('has no Show button for a role without customers.reveal, nor for values that are not masked', () => {
    useStore.setState({ status: unlockedAs('viewer') });
    render(row(masked));
    expect(screen.queryByTestId('reveal-button')).toBeNull();
    cleanup();
    useStore.setState({ status: unlockedAs('staff') });
    render(row(plain));
    expect(screen.queryByTestId('reveal-button')).toBeNull();
    expect(screen.getByTestId('row-phone').textContent).toBe('0813-1111-2222');
  });

  it('explains a refused reveal in the notice area', async () => {
    useStore.setState({ status: unlockedAs('staff') });
    render(row(masked));
    fake.client.customers.reveal.mockResolvedValueOnce(fail('forbidden'));
    await act(async () => fireEvent.click(screen.getByTestId('reveal-button')));
    expect(useStore.getState().notice?.key).toBe('error.forbidden');
    expect(screen.getByTestId('row-phone').textContent).toBe('0812****7890');
  });
});
