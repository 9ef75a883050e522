import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../test/fakeClient';
import { customField, defaultFields, sampleImportFile } from '../../test/fixtures';

const fake = await vi.hoisted(async () => {
  const { installFakeClient } = await import('../../test/fakeClient');
  return installFakeClient();
});
const { useStore } = await import('../../store');
const { ImportWizard } = await import('./ImportWizard');
const initial = useStore.getState();

const select = (column: string) => screen.getByRole('combobox', { name: `Simpan kolom “${column}” sebagai` }) as HTMLSelectElement;
const optionsOf = (el: HTMLSelectElement) => Array.from(el.options).map((o) => ({ value: o.value, label: o.text, disabled: o.disabled }));

async function openMapping(file = sampleImportFile()) {
  fake.client.import.open.mockResolvedValueOnce(ok(file));
  render(<ImportWizard />);
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Pilih file…' })));
}

beforeEach(() => {
  vi.clearAllMocks();
  vi.useFakeTimers({ shouldAdvanceTime: true });
  useStore.setState(initial, true);
  // Email is off: it must not be offered as a target, even if the file suggests it.
  const fields = defaultFields().map((f) => (f.key === 'email' ? { ...f, enabled: false } : f));
  useStore.setState({ fields: [...fields, customField({ key: 'custom_1', label: 'Ukuran baju' })], importOpen: true });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('import mapping screen', () => {
  it('shows the file and pre-selects the auto-matched targets; only enabled fields are offered', async () => {
    await openMapping(sampleImportFile({ headers: ['Nama Lengkap', 'No HP', 'Kota', 'E-mail'], mapping: ['name', 'phone', 'city', 'email'] }));
    expect(screen.getByTestId('import-file-name').textContent).toBe('pelanggan.csv');
    expect(screen.getByTestId('import-file').textContent).toContain('pemisah titik koma (;)');
    expect([select('Nama Lengkap').value, select('No HP').value, select('Kota').value]).toEqual(['name', 'phone', 'city']);
    // Suggested, but email is switched off: ignored.
    expect(select('E-mail').value).toBe('');
    const values = optionsOf(select('E-mail')).map((o) => o.value);
    // Consent purposes are offered too, as yes/no answers.
    expect(values).toEqual(['', 'name', 'phone', 'city', 'notes', 'custom_1', 'tags', 'consent:promotions_wa']);
    expect(optionsOf(select('E-mail'))[0]!.label).toBe('Abaikan');
    expect(optionsOf(select('E-mail')).find((o) => o.value === 'custom_1')!.label).toBe('Ukuran baju');
  });

  it('offers each target once: taken targets are disabled elsewhere, and taking one frees the other column', async () => {
    await openMapping();
    const phoneOption = optionsOf(select('Keterangan')).find((o) => o.value === 'phone')!;
    expect(phoneOption).toMatchObject({ disabled: true, label: 'Telepon (sudah dipakai kolom “No HP”)' });
    expect(optionsOf(select('No HP')).find((o) => o.value === 'phone')!.disabled).toBe(false);

    fireEvent.change(select('No HP'), { target: { value: 'notes' } });
    expect(select('No HP').value).toBe('notes');
    expect(optionsOf(select('Keterangan')).find((o) => o.value === 'phone')!.disabled).toBe(false);
    expect(optionsOf(select('Keterangan')).find((o) => o.value === 'notes')!.disabled).toBe(true);
    expect(useStore.getState().importer.mapping).toEqual(['name', 'notes', 'city', null]);

    // Tags are the exception: several columns may feed them.
    fireEvent.change(select('Kota'), { target: { value: 'tags' } });
    expect(optionsOf(select('Keterangan')).find((o) => o.value === 'tags')!.disabled).toBe(false);
    fireEvent.change(select('Keterangan'), { target: { value: 'tags' } });
    expect(useStore.getState().importer.mapping).toEqual(['name', 'notes', 'tags', 'tags']);
  });

  it('requires a column for the name before the dry run', async () => {
    await openMapping();
    fireEvent.change(select('Nama Lengkap'), { target: { value: '' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Lanjut: periksa data' })));
    expect(fake.client.import.dryRun).not.toHaveBeenCalled();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Pilih satu kolom sebagai Nama');
    expect(document.activeElement).toBe(select('Nama Lengkap'));
    expect(select('Nama Lengkap').getAttribute('aria-describedby')).toBe(alert.id);

    fireEvent.change(select('Nama Lengkap'), { target: { value: 'name' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Lanjut: periksa data' })));
    expect(fake.client.import.dryRun).toHaveBeenCalledWith({ fileId: 'file_abcdef12', sheet: null, mapping: ['name', 'phone', 'city', null] });
  });

  it('previews the first rows as they will be stored, with translated problems', async () => {
    fake.client.import.preview.mockResolvedValue(
      ok({
        rows: [
          { row: 2, values: { name: 'Budi Santoso', phone: '+6281234567890', city: 'Bandung' }, problems: [] },
          { row: 3, values: { name: 'Siti Aminah', phone: '0813 2222', city: 'Depok' }, problems: [{ row: 3, column: 'No HP', code: 'invalid_phone' }] },
        ],
      }),
    );
    await openMapping();
    await act(async () => vi.advanceTimersByTime(300));
    expect(fake.client.import.preview).toHaveBeenCalledWith({ fileId: 'file_abcdef12', sheet: null, mapping: ['name', 'phone', 'city', null] });
    const rows = within(screen.getByTestId('import-preview')).getAllByTestId('import-preview-row');
    expect(rows[0]!.textContent).toContain('+6281234567890');
    expect(rows[1]!.textContent).toContain('Nomor telepon tidak valid');
  });
});
