import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_PROFILE } from '../../contract';
import { ok, unlocked, unlockedAs } from '../../test/fakeClient';

const fake = await vi.hoisted(async () => {
  const { installFakeClient } = await import('../../test/fakeClient');
  return installFakeClient();
});
const { useStore } = await import('../../store');
const { NoticeScreen } = await import('./NoticeScreen');
const initial = useStore.getState();

const PROFILE = { ...EMPTY_PROFILE, name: 'Toko Sari', address: 'Jl. Malioboro 12' };
const V1 = { number: 1, date: '2026-12-04', sha256: 'a'.repeat(64) };

beforeEach(() => {
  vi.clearAllMocks();
  useStore.setState(initial, true);
  useStore.setState({ status: unlocked });
});
afterEach(cleanup);

const show = () => act(async () => void render(<NoticeScreen />));

describe('the privacy notice screen', () => {
  it('says it is not published yet and keeps Publish off until the profile has a name and address', async () => {
    await show();
    expect(screen.getByTestId('notice-version').textContent).toBe('Belum diterbitkan.');
    expect((screen.getByTestId('notice-publish') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Isi nama dan alamat toko dulu.')).toBeTruthy();
    expect(screen.getByTestId('recipients-none')).toBeTruthy();
  });

  it('saves the profile, checked first; the status is re-read', async () => {
    await show();
    await act(async () => fireEvent.click(screen.getByTestId('shop-profile-save')));
    expect(fake.client.notice.saveProfile).not.toHaveBeenCalled();
    expect(document.activeElement?.id).toBe('shop-name');
    fireEvent.change(screen.getByTestId('shop-name'), { target: { value: 'Toko Sari' } });
    fireEvent.change(screen.getByTestId('shop-address'), { target: { value: 'Jl. Malioboro 12' } });
    await act(async () => fireEvent.click(screen.getByTestId('shop-profile-save')));
    expect(fake.client.notice.saveProfile).toHaveBeenCalledWith(expect.objectContaining({ name: 'Toko Sari', address: 'Jl. Malioboro 12', authority: EMPTY_PROFILE.authority }));
    expect(fake.client.notice.status).toHaveBeenCalledTimes(2);
  });

  it('shows the version in force, an out-of-date warning naming what changed, and publishes after a confirm', async () => {
    fake.client.notice.profile.mockResolvedValue(ok(PROFILE));
    fake.client.notice.status.mockResolvedValue(ok({ current: V1, outOfDate: true, changed: ['purposes', 'recipients'], profileReady: true }));
    await show();
    expect(screen.getByTestId('notice-version').textContent).toBe('Versi 1 berlaku sejak 4 Des 2026');
    expect(screen.getByTestId('notice-out-of-date').textContent).toBe('Sudah tidak sesuai — terbitkan versi baru. Yang berubah sejak versi 1: tujuan dan data yang dipakai, penerima.');
    await act(async () => fireEvent.click(screen.getByTestId('notice-publish')));
    const dialog = screen.getByTestId('notice-publish-confirm');
    expect(within(dialog).getByText('Terbitkan versi 2?')).toBeTruthy();
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Terbitkan' })));
    expect(fake.client.notice.publish).toHaveBeenCalledTimes(1);
  });

  it('saves a PDF in the chosen language and shows the WhatsApp text when there is no clipboard', async () => {
    await show();
    fireEvent.change(screen.getByTestId('notice-lang'), { target: { value: 'en' } });
    await act(async () => fireEvent.click(screen.getByTestId('notice-save-pdf')));
    expect(fake.client.notice.save).toHaveBeenCalledWith({ kind: 'pdf', lang: 'en', which: 'current' });
    await act(async () => fireEvent.click(screen.getByTestId('notice-copy-whatsapp')));
    expect(fake.client.notice.whatsapp).toHaveBeenCalledWith({ lang: 'en', which: 'current' });
    expect((screen.getByTestId('notice-whatsapp-text') as HTMLTextAreaElement).value).toBe('*Pemberitahuan Privasi*');
  });

  it('is read-only for a role without settings.manage', async () => {
    useStore.setState({ status: unlockedAs('staff') });
    fake.client.notice.profile.mockResolvedValue(ok(PROFILE));
    await show();
    expect(screen.queryByTestId('notice-publish')).toBeNull();
    expect(screen.queryByTestId('shop-profile-save')).toBeNull();
    expect(screen.queryByTestId('recipient-add')).toBeNull();
    expect(screen.getByTestId('shop-profile').textContent).toContain('Toko Sari');
  });

  it('tells a role that cannot publish that the Owner must, when the notice is out of date', async () => {
    useStore.setState({ status: unlockedAs('staff') });
    fake.client.notice.status.mockResolvedValue(ok({ current: V1, outOfDate: true, changed: ['shop'], profileReady: true }));
    await show();
    expect(screen.getByTestId('notice-out-of-date').textContent).toBe('Sudah tidak sesuai — Pemilik perlu menerbitkan versi baru. Yang berubah sejak versi 1: profil toko.');
  });
});
