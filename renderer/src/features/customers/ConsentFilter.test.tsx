import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultPurposes } from '../../test/fixtures';

const fake = await vi.hoisted(async () => {
  const { installFakeClient } = await import('../../test/fakeClient');
  return installFakeClient();
});
const { useStore } = await import('../../store');
const { ConsentFilter } = await import('./ConsentFilter');
const initial = useStore.getState();

beforeEach(() => {
  vi.clearAllMocks();
  useStore.setState(initial, true);
  useStore.setState({ purposes: defaultPurposes() });
});
afterEach(cleanup);

const options = () => [...(screen.getByTestId('filter-consent') as HTMLSelectElement).options].map((o) => o.textContent);

describe('consent filter', () => {
  it('offers each consent-based purpose by state and searches the vault by it', async () => {
    render(<ConsentFilter />);
    expect(screen.getByLabelText('Persetujuan')).toBe(screen.getByTestId('filter-consent'));
    expect(options()).toEqual([
      'Tidak disaring',
      'Promo lewat WhatsApp: setuju',
      'Promo lewat WhatsApp: ditarik',
      'Promo lewat WhatsApp: menolak',
      'Promo lewat WhatsApp: belum ditanya',
    ]);
    await act(async () => fireEvent.change(screen.getByTestId('filter-consent'), { target: { value: 'promotions_wa:withdrawn' } }));
    expect(useStore.getState().filter).toEqual({ consent: { purpose: 'promotions_wa', state: 'withdrawn' } });
    expect(fake.client.customers.search).toHaveBeenCalledWith(expect.objectContaining({ filter: { consent: { purpose: 'promotions_wa', state: 'withdrawn' } } }));
    await act(async () => fireEvent.change(screen.getByTestId('filter-consent'), { target: { value: '' } }));
    expect(useStore.getState().filter).toEqual({});
  });

  it('in English; hidden while no purpose needs consent', () => {
    useStore.setState({ locale: 'en' });
    const { unmount } = render(<ConsentFilter />);
    expect(options()).toEqual(['Anyone', 'Promotions by WhatsApp: agreed', 'Promotions by WhatsApp: withdrawn', 'Promotions by WhatsApp: refused', 'Promotions by WhatsApp: not asked yet']);
    unmount();
    useStore.setState({ purposes: defaultPurposes().filter((p) => !p.needsConsent) });
    render(<ConsentFilter />);
    expect(screen.queryByTestId('filter-consent')).toBeNull();
  });
});
