import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExportResult, Result } from '../../contract';
import { fail, ok } from '../../test/fakeClient';
import { defaultFields, defaultPurposes } from '../../test/fixtures';

const fake = await vi.hoisted(async () => {
  const { installFakeClient } = await import('../../test/fakeClient');
  return installFakeClient();
});
const { api } = await import('../../api');
const { useStore } = await import('../../store');
const { ExportDialog } = await import('./ExportDialog');
const initial = useStore.getState();

beforeEach(() => {
  vi.clearAllMocks();
  useStore.setState(initial, true);
  useStore.setState({ fields: defaultFields(), purposes: defaultPurposes(), exportOpen: true });
});
afterEach(cleanup);

/** Starts an export that runs until the test settles it. */
async function startExport() {
  render(<ExportDialog />);
  api.on('job.progress', useStore.getState().receiveJobProgress);
  let finish: (r: Result<ExportResult | null>) => void = () => undefined;
  fake.client.export.run.mockReturnValueOnce(new Promise((r) => (finish = r)));
  fireEvent.click(screen.getByTestId('export-purpose-order_updates'));
  await act(async () => fireEvent.click(screen.getByTestId('export-run')));
  return (r: Result<ExportResult | null>) => act(async () => finish(r));
}

const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

describe('export dialog', () => {
  it('while running: an enabled "Batalkan ekspor" (focused), closing blocked; cancel waits, then says no file was saved', async () => {
    const finish = await startExport();
    act(() => fake.emitEvent('job.progress', { job: 'export', done: 250_000, total: 1_000_000 }));
    expect(screen.getByTestId('job-progress').textContent).toContain('250.000 dari 1.000.000');
    const cancel = button('Batalkan ekspor');
    expect(cancel.disabled).toBe(false);
    expect(document.activeElement).toBe(cancel);
    expect(cancel.getAttribute('aria-describedby')).toBe('export-cancel-note');
    expect(button('Batal').disabled).toBe(true);
    fireEvent.keyDown(cancel, { key: 'Escape' });
    expect(useStore.getState().exportOpen).toBe(true);

    await act(async () => fireEvent.click(cancel));
    expect(fake.client.export.cancel).toHaveBeenCalledTimes(1);
    expect(fake.client.import.cancel).not.toHaveBeenCalled();
    expect(button('Membatalkan…').disabled).toBe(true);
    expect(screen.getByRole('status').textContent).toContain('Membatalkan…');

    await finish(fail('cancelled'));
    expect(screen.queryByTestId('export-cancel')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Ekspor dibatalkan. Tidak ada file yang disimpan.');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('export-run'));
    fireEvent.click(button('Batal'));
    expect(useStore.getState().exportOpen).toBe(false);
  });

  it('a cancel that comes too late (the export had finished) shows the result', async () => {
    const finish = await startExport();
    fake.client.export.cancel.mockResolvedValueOnce(ok({ cancelled: false }));
    await act(async () => fireEvent.click(button('Batalkan ekspor')));
    expect(button('Batalkan ekspor').disabled).toBe(false);
    await finish(ok({ fileName: 'pelanggan.csv', count: 3 }));
    expect(screen.getByTestId('export-result').textContent).toContain('pelanggan.csv');
  });

  it('in English too', async () => {
    useStore.setState({ locale: 'en' });
    const finish = await startExport();
    await act(async () => fireEvent.click(button('Cancel export')));
    expect(button('Cancelling…').disabled).toBe(true);
    await finish(fail('cancelled'));
    expect(screen.getByTestId('export-cancelled').textContent).toBe('Export cancelled. No file was saved.');
  });

  it('names a purpose first: nothing runs without one; a consent purpose says so and offers only its data', async () => {
    // As migration 4 links it: promotions by WhatsApp uses the phone.
    useStore.setState({ purposes: defaultPurposes().map((p) => (p.key === 'promotions_wa' ? { ...p, fields: ['phone'] } : p)) });
    render(<ExportDialog />);
    const purposes = screen.getByTestId('export-purpose');
    expect(purposes.textContent).toContain('Promo lewat WhatsApp — hanya pelanggan yang setuju');
    expect(purposes.textContent).toContain('Kabar pesanan');
    await act(async () => fireEvent.click(screen.getByTestId('export-run')));
    expect(fake.client.export.run).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('Pilih untuk apa ekspor ini.');
    expect(document.activeElement?.getAttribute('name')).toBe('export-purpose');

    fireEvent.click(screen.getByTestId('export-purpose-promotions_wa'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText(/Hanya pelanggan yang saat ini setuju untuk “Promo lewat WhatsApp” yang diekspor/)).toBeTruthy();
    // Only the name and the phone (what promotions by WhatsApp uses) are offered.
    const offered = [...document.querySelectorAll<HTMLInputElement>('input[id^="export-field-"]')].map((i) => i.id.replace('export-field-', ''));
    expect(offered).toEqual(['name', 'phone']);
    fake.client.export.run.mockResolvedValueOnce(ok({ fileName: 'promo.csv', count: 1 }));
    await act(async () => fireEvent.click(screen.getByTestId('export-run')));
    expect(fake.client.export.run).toHaveBeenCalledWith(expect.objectContaining({ purpose: 'promotions_wa', fields: ['name', 'phone'], scope: { kind: 'all' } }));
  });
});
