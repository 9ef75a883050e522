import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditActions } from '../../contract';
import { en } from '../../i18n/en';
import { id } from '../../i18n/id';
import { ok } from '../../test/fakeClient';

const fake = await vi.hoisted(async () => {
  const { installFakeStaffClient } = await import('../../test/fakeStaffClient');
  return installFakeStaffClient();
});
const { auditEntry, unlockedAs } = await import('../../test/fakeStaffClient');
const { useStore } = await import('../../store');
const { SettingsPage } = await import('../settings/SettingsPage');
const initial = useStore.getState();

async function openAudit() {
  render(<SettingsPage />);
  await act(async () => fireEvent.click(screen.getByTestId('settings-tab-audit')));
}

beforeEach(() => {
  vi.clearAllMocks();
  useStore.setState(initial, true);
  useStore.setState({ page: 'settings', status: unlockedAs('owner') });
});
afterEach(cleanup);

describe('audit trail', () => {
  it('has a label for every action in both languages', () => {
    for (const a of auditActions) {
      expect(id[`auditAction.${a}`]).toBeTruthy();
      expect(en[`auditAction.${a}`]).toBeTruthy();
    }
  });

  it('shows entries with translated action, outcome and readable details, and pages with before', async () => {
    fake.client.audit.list
      .mockResolvedValueOnce(
        ok({
          entries: [
            auditEntry({ id: 7, action: 'data.export', outcome: 'denied', targetType: null, targetId: null, details: { fileName: 'pelanggan.csv', fields: ['phone', 'city'], masked: true } }),
            auditEntry({ id: 6 }),
          ],
          more: true,
        }),
      )
      .mockResolvedValueOnce(ok({ entries: [auditEntry({ id: 5, actorId: null, actorName: '' })], more: false }));
    await openAudit();
    const row = screen.getByTestId('audit-row-7');
    expect(within(row).getByRole('rowheader').textContent).toBe('Ekspor data');
    expect(row.textContent).toContain('Ditolak');
    expect(row.textContent).toContain('nama file: pelanggan.csv');
    expect(row.textContent).toContain('kolom: Telepon, Kota');
    expect(row.textContent).toContain('masked: ya');
    expect(screen.getByTestId('audit-row-6').textContent).toContain('Pelanggan #12');

    await act(async () => fireEvent.click(screen.getByTestId('audit-load-more')));
    expect(fake.client.audit.list).toHaveBeenLastCalledWith({ before: 6, limit: 100 });
    expect(screen.getByTestId('audit-row-5').textContent).toContain('Sistem');
    expect(screen.queryByTestId('audit-load-more')).toBeNull();
  });

  it('turns the filters into the right query', async () => {
    await openAudit();
    expect(fake.client.audit.list).toHaveBeenCalledWith({ limit: 100 });
    // People come from the staff list for those who manage staff.
    const personSelect = screen.getByTestId('audit-person');
    expect(within(personSelect).getAllByRole('option').map((o) => o.textContent)).toEqual(['Semua orang', 'Ibu Sari', 'Budi', 'Rina']);
    fireEvent.change(personSelect, { target: { value: '3' } });
    fireEvent.change(screen.getByTestId('audit-action'), { target: { value: 'customer.reveal' } });
    fireEvent.change(screen.getByTestId('audit-customer'), { target: { value: 'dua belas' } });
    fireEvent.change(screen.getByTestId('audit-from'), { target: { value: '2026-05-01' } });
    fireEvent.change(screen.getByTestId('audit-to'), { target: { value: '2026-05-12' } });
    await act(async () => fireEvent.click(screen.getByTestId('audit-apply')));
    expect(screen.getByTestId('audit-customer').getAttribute('aria-invalid')).toBe('true');
    expect(fake.client.audit.list).toHaveBeenCalledTimes(1);

    fireEvent.change(screen.getByTestId('audit-customer'), { target: { value: '12' } });
    await act(async () => fireEvent.click(screen.getByTestId('audit-apply')));
    expect(fake.client.audit.list).toHaveBeenLastCalledWith({
      actorId: 3,
      action: 'customer.reveal',
      customerId: 12,
      from: new Date(2026, 4, 1).getTime(),
      to: new Date(2026, 4, 13).getTime() - 1,
      limit: 100,
    });

    fireEvent.change(screen.getByTestId('audit-from'), { target: { value: '2026-06-01' } });
    await act(async () => fireEvent.click(screen.getByTestId('audit-apply')));
    expect(screen.getByTestId('audit-to').getAttribute('aria-invalid')).toBe('true');

    await act(async () => fireEvent.click(screen.getByTestId('audit-reset')));
    expect(fake.client.audit.list).toHaveBeenLastCalledWith({ limit: 100 });
  });

  it('offers the people the trail names to a manager, who cannot list staff', async () => {
    useStore.setState({ status: unlockedAs('manager') });
    fake.client.audit.list.mockResolvedValueOnce(ok({ entries: [auditEntry({ id: 2, actorId: 4, actorName: 'Joko' }), auditEntry({ id: 1 })], more: false }));
    render(<SettingsPage />);
    await act(async () => {});
    expect(fake.client.staff.list).not.toHaveBeenCalled();
    expect(within(screen.getByTestId('audit-person')).getAllByRole('option').map((o) => o.textContent)).toEqual(['Semua orang', 'Budi', 'Joko']);
  });

  it('says plainly whether the trail is intact', async () => {
    await openAudit();
    fake.client.audit.verify.mockResolvedValueOnce(ok({ ok: true, entries: 1234 }));
    await act(async () => fireEvent.click(screen.getByTestId('audit-verify')));
    const result = screen.getByTestId('audit-verify-result');
    expect(result.textContent).toBe('Jejak audit utuh. 1.234 catatan diperiksa; tidak ada yang diubah, dihapus, atau ditukar urutannya.');

    fake.client.audit.verify.mockResolvedValueOnce(ok({ ok: false, entries: 50, firstBrokenId: 17, reason: 'altered' }));
    await act(async () => fireEvent.click(screen.getByTestId('audit-verify')));
    expect(result.textContent).toContain('Jejak audit tidak utuh.');
    expect(result.textContent).toContain('Catatan #17 diubah setelah ditulis.');

    fake.client.audit.verify.mockResolvedValueOnce(ok({ ok: false, entries: 50, firstBrokenId: 20, reason: 'missing_or_reordered' }));
    await act(async () => fireEvent.click(screen.getByTestId('audit-verify')));
    expect(result.textContent).toContain('Sebelum catatan #20 ada catatan yang hilang atau urutannya ditukar.');

    fake.client.audit.verify.mockResolvedValueOnce(ok({ ok: false, entries: 50, firstBrokenId: null, reason: 'truncated' }));
    await act(async () => fireEvent.click(screen.getByTestId('audit-verify')));
    expect(result.textContent).toContain('Bagian akhir jejak terpotong');
  });

  it('exports with a note that the file is not encrypted', async () => {
    await openAudit();
    const button = screen.getByTestId('audit-export');
    expect(document.getElementById(button.getAttribute('aria-describedby')!)?.textContent).toContain('tidak terenkripsi');
    await act(async () => fireEvent.click(button));
    expect(fake.client.audit.export).toHaveBeenCalledWith({});
    expect(useStore.getState().notice).toBeNull();
    fake.client.audit.export.mockResolvedValueOnce(ok({ fileName: 'audit.csv', rows: 12 }));
    await act(async () => fireEvent.click(button));
    expect(useStore.getState().notice).toMatchObject({ key: 'audit.notice.exported', params: { rows: 12, file: 'audit.csv' } });
  });
});
