import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DryRunResult, ImportResult, Result } from '../../contract';
import { fail, ok } from '../../test/fakeClient';
import { defaultFields, sampleImportFile } from '../../test/fixtures';

const fake = await vi.hoisted(async () => {
  const { installFakeClient } = await import('../../test/fakeClient');
  return installFakeClient();
});
const { api } = await import('../../api');
const { useStore } = await import('../../store');
const { ImportWizard } = await import('./ImportWizard');
const initial = useStore.getState();

const dryRun: DryRunResult = { total: 5, new: 3, duplicates: 1, conflicts: 0, invalid: 1, problems: [{ row: 4, column: 'No HP', code: 'invalid_phone' }], partial: 0, dropped: [], consent: { given: 0, refused: 0 } };

beforeEach(() => {
  vi.clearAllMocks();
  useStore.setState(initial, true);
  useStore.setState({ fields: defaultFields(), importOpen: true });
  fake.client.import.open.mockResolvedValueOnce(ok(sampleImportFile()));
});
afterEach(cleanup);

async function toReview(result: DryRunResult = dryRun) {
  render(<ImportWizard />);
  api.on('job.progress', useStore.getState().receiveJobProgress);
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Pilih file…' })));
  fake.client.import.dryRun.mockResolvedValueOnce(ok(result));
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Lanjut: periksa data' })));
}

describe('import wizard', () => {
  it('stays on the first step when the file dialog is cancelled, and explains unreadable files', async () => {
    fake.client.import.open.mockReset().mockResolvedValueOnce(ok(null)).mockResolvedValueOnce(fail('no_header'));
    render(<ImportWizard />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Pilih file…' })));
    expect(screen.getByRole('heading', { name: 'Pilih file spreadsheet' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Pilih file…' })));
    expect(screen.getByRole('alert').textContent).toContain('Baris pertama file tidak berisi judul kolom');
  });

  it('says why a file cannot be read, with the row, in Indonesian and English', async () => {
    const quote = { ok: false, error: { code: 'file_unreadable', file: { reason: 'quote_not_closed', row: 1204 } } } as const;
    fake.client.import.open.mockReset().mockResolvedValueOnce(quote);
    render(<ImportWizard />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Pilih file…' })));
    expect(screen.getByRole('alert').textContent).toContain('File ini tidak bisa dibaca');
    expect(screen.getByTestId('import-error-reason').textContent).toContain('Tanda kutip (") yang dibuka di baris 1.204 tidak pernah ditutup');
    act(() => useStore.setState({ locale: 'en' }));
    expect(screen.getByTestId('import-error-reason').textContent).toContain('A quote (") opened in row 1,204 is never closed');
    act(() => useStore.setState({ locale: 'id' }));
  });

  it('shows the dry run counts and problems, then imports with progress and can be cancelled', async () => {
    await toReview();
    expect(screen.getByTestId('import-count-new').textContent).toContain('3');
    expect(screen.getByTestId('import-problem').textContent).toContain('Nomor telepon tidak valid');
    fireEvent.click(screen.getByLabelText('Perbarui'));

    let finish: (r: Result<ImportResult>) => void = () => undefined;
    fake.client.import.run.mockReturnValueOnce(new Promise((r) => (finish = r)));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Impor 4 pelanggan' })));
    expect(fake.client.import.run).toHaveBeenCalledWith({ fileId: 'file_abcdef12', sheet: null, mapping: ['name', 'phone', 'city', null], onDuplicate: 'update', leftOut: [] });
    expect(screen.getByText('Membatalkan akan mengembalikan brankas seperti semula.')).toBeTruthy();

    act(() => fake.emitEvent('job.progress', { job: 'import', done: 2_500, total: 10_000 }));
    const bar = screen.getByRole('progressbar') as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([2_500, 10_000]);
    expect(screen.getByTestId('job-progress').textContent).toContain('2.500 dari 10.000 baris');

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Batal' })));
    expect(fake.client.import.cancel).toHaveBeenCalled();
    await act(async () => finish(fail('cancelled')));
    expect(screen.getByRole('heading', { name: 'Hasil pemeriksaan' })).toBeTruthy();
    expect(screen.getByText('Impor dibatalkan. Brankas dikembalikan seperti semula.')).toBeTruthy();
  });

  it('shows the result and re-fetches the list', async () => {
    await toReview();
    fake.client.import.run.mockResolvedValueOnce(ok({ imported: 3, updated: 0, skipped: 1, invalid: dryRun.problems, conflicts: [], dropped: [], skippedRows: [], kept: [], consent: { given: 0, refused: 0, unchanged: 0 }, leftOut: [] }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Impor 3 pelanggan' })));
    expect(screen.getByTestId('import-result-imported').textContent).toContain('3');
    expect(screen.getByTestId('import-result-skipped').textContent).toContain('1');
    expect(fake.client.customers.search).toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Selesai' }));
    expect(useStore.getState().importOpen).toBe(false);
    expect(useStore.getState().notice?.key).toBe('import.done.notice');
  });

  it('shows rows with the same phone under another name as left alone, in the counts, the table and the result', async () => {
    const conflict = { row: 3, column: 'No HP', code: 'same_phone_other_name' } as const;
    await toReview({ total: 2, new: 1, duplicates: 0, conflicts: 1, invalid: 0, problems: [conflict], partial: 0, dropped: [], consent: { given: 0, refused: 0 } });
    expect(screen.getByTestId('import-count-conflicts').textContent).toContain('1');
    expect(screen.getByTestId('import-problem').textContent).toContain('Nomor HP sama dengan pelanggan lain yang namanya berbeda');
    expect(screen.getByTestId('import-conflicts-note').textContent).toContain('tidak diimpor dan tidak mengubah siapa pun');
    expect(screen.getByTestId('import-report')).toBeTruthy();
    // Only the new row is imported: the conflict is not counted as a change.
    fake.client.import.run.mockResolvedValueOnce(ok({ imported: 1, updated: 0, skipped: 0, invalid: [], conflicts: [conflict], dropped: [], skippedRows: [], kept: [], consent: { given: 0, refused: 0, unchanged: 0 }, leftOut: [] }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Impor 1 pelanggan' })));
    expect(screen.getByTestId('import-result-conflicts').textContent).toContain('1');
    expect(screen.getByTestId('import-problem').textContent).toContain('Nomor HP sama');
  });

  it('lists rows imported without a malformed optional value, and the consent answers read', async () => {
    const dropped = { row: 3, column: 'Email', code: 'invalid_email', dropped: true } as const;
    await toReview({ total: 2, new: 2, duplicates: 0, conflicts: 0, invalid: 0, problems: [], partial: 1, dropped: [dropped], consent: { given: 1, refused: 1 } });
    expect(screen.getByTestId('import-count-partial').textContent).toContain('1');
    expect(screen.getByTestId('import-dropped').textContent).toContain('Isi yang dikosongkan (1 baris)');
    expect(screen.getByTestId('import-dropped-row').textContent).toMatch(/^3/);
    expect(screen.getByTestId('import-consent-note').textContent).toContain('1 setuju, 1 tidak setuju');
    act(() => useStore.setState({ locale: 'en' }));
    expect(screen.getByTestId('import-count-partial').textContent).toContain('Imported without some values');
    act(() => useStore.setState({ locale: 'id' }));
    // The row still counts as new: it is imported.
    expect(screen.getByRole('button', { name: 'Impor 2 pelanggan' })).toBeTruthy();
  });

  it('says that a full disk imported nothing', async () => {
    await toReview();
    fake.client.import.run.mockResolvedValueOnce(fail('disk_full'));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Impor 3 pelanggan' })));
    expect(screen.getByRole('alert').textContent).toContain('Penyimpanan komputer penuh: tidak ada yang diimpor');
  });
});
