import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { transitions, type RequestDetail, type RequestSummary } from '../../contract';
import { ok, unlocked, unlockedAs } from '../../test/fakeClient';

const fake = await vi.hoisted(async () => {
  const { installFakeClient } = await import('../../test/fakeClient');
  return installFakeClient();
});
const { useStore } = await import('../../store');
const { RequestsScreen } = await import('./RequestsScreen');
const { RequestsBanner } = await import('./RequestsBanner');
const initial = useStore.getState();

const H = 3_600_000;
const summary = (over: Partial<RequestSummary> & { number: number }): RequestSummary => ({
  type: 'access',
  channel: 'walk-in',
  state: 'received',
  receivedAt: Date.UTC(2026, 11, 4, 10),
  dueAt: Date.UTC(2026, 11, 7, 10),
  dueBasis: 'law',
  hoursLeft: 47,
  urgency: 'ok',
  customers: [{ id: 3, name: 'Ani Lestari' }],
  notCustomer: false,
  takenBy: 'Ibu Sari',
  ...over,
});
const detail = (over: Partial<RequestDetail> & { number: number }): RequestDetail => ({
  ...summary(over),
  requester: null,
  asked: 'Minta salinan data saya',
  lang: 'id',
  outcome: null,
  reason: null,
  pasal15: null,
  history: [{ id: 1, at: Date.UTC(2026, 11, 4, 10), kind: 'state', state: 'received', by: 'Ibu Sari', detail: null }],
  next: [...transitions[over.state ?? 'received']],
  ...over,
});

beforeEach(() => {
  vi.clearAllMocks();
  useStore.setState(initial, true);
  useStore.setState({ status: unlocked });
});
afterEach(cleanup);

describe('the requests screen', () => {
  it('lists open requests with the time left the vault computed, red when overdue', async () => {
    fake.client.requests.list.mockResolvedValue(ok([summary({ number: 2, hoursLeft: -3, urgency: 'overdue' }), summary({ number: 1, hoursLeft: 23, urgency: 'due_soon', customers: [{ id: 9, name: null }] })]));
    await act(async () => void render(<RequestsScreen />));
    expect(fake.client.requests.list).toHaveBeenCalledWith({ open: true });
    expect(screen.getByTestId('request-left-2').textContent).toBe('Terlambat 3 jam');
    expect(screen.getByTestId('request-left-2').dataset.urgency).toBe('overdue');
    expect(screen.getByTestId('request-left-1').textContent).toBe('Sisa 23 jam');
    expect(within(screen.getByTestId('request-row-1')).getByText('Pelanggan #9 (sudah dihapus)')).toBeTruthy();
  });

  it('builds the step buttons from the transitions the vault sends, and asks a refusal for its reason', async () => {
    fake.client.requests.get.mockResolvedValue(ok(detail({ number: 1 })));
    fake.client.requests.move.mockResolvedValue(ok(detail({ number: 1, state: 'refused', outcome: 'refused', reason: 'Tidak jelas', hoursLeft: null, urgency: 'answered' })));
    await act(async () => void render(<RequestsScreen />));
    await act(async () => useStore.getState().openRequest(1));
    const dialog = screen.getByTestId('request-detail');
    expect(within(dialog).getAllByTestId(/^request-to-/).map((b) => b.dataset.testid)).toEqual(['request-to-verifying', 'request-to-in_progress', 'request-to-refused']);
    await act(async () => fireEvent.click(within(dialog).getByTestId('request-to-refused')));
    expect((within(dialog).getByTestId('request-step-confirm') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(dialog).getByTestId('request-step-reason'), { target: { value: 'Tidak jelas' } });
    fireEvent.change(within(dialog).getByTestId('request-step-pasal15'), { target: { value: 'law_enforcement' } });
    await act(async () => fireEvent.click(within(dialog).getByTestId('request-step-confirm')));
    expect(fake.client.requests.move).toHaveBeenCalledWith({ number: 1, to: 'refused', reason: 'Tidak jelas', pasal15: 'law_enforcement' });
    expect(screen.getByTestId('request-state').textContent).toBe('Ditolak');
    expect(within(screen.getByTestId('request-detail')).getAllByTestId(/^request-to-/).map((b) => b.dataset.testid)).toEqual(['request-to-told']);
  });

  it('lets a cashier record a request but shows no register', async () => {
    useStore.setState({ status: unlockedAs('staff') });
    await act(async () => void render(<RequestsScreen />));
    expect(fake.client.requests.list).not.toHaveBeenCalled();
    expect(screen.queryByTestId('requests-table')).toBeNull();
    expect(screen.getByTestId('requests-new')).toBeTruthy();
  });
});

describe('the home banner', () => {
  it('is amber within 24 hours, red once overdue, and absent otherwise', async () => {
    fake.client.requests.overview.mockResolvedValue(ok({ open: 1, overdue: 0, dueSoon: 0, next: summary({ number: 1, customers: [] }) }));
    const view = await act(async () => render(<RequestsBanner />));
    expect(screen.queryByTestId('home-requests-banner')).toBeNull();
    view.unmount();
    fake.client.requests.overview.mockResolvedValue(ok({ open: 2, overdue: 1, dueSoon: 1, next: summary({ number: 4, hoursLeft: -2, urgency: 'overdue', customers: [] }) }));
    await act(async () => void render(<RequestsBanner />));
    const banner = screen.getByTestId('home-requests-banner');
    expect(banner.dataset.state).toBe('overdue');
    expect(banner.textContent).toContain('PDP-0004, terlambat 2 jam');
    void H;
  });
});
