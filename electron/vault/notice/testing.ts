/** A real vault, signed in as the Owner, for the notice's tests — with a clock the test sets. */
import type { ShopProfileInput } from '../../contract';
import type { VaultContext } from '../context';
import { VaultFixture } from '../testing';
import type { VaultService } from '../service';
import { OWNER, PASSWORD } from '../testing';

export const PROFILE: ShopProfileInput = {
  name: 'Toko Sari Kain',
  address: 'Jl. Malioboro No. 12, Yogyakarta',
  whatsapp: '0812-3456-7890',
  phone: '',
  email: 'halo@sarikain.id',
  authority: 'Kementerian Komunikasi dan Digital (Komdigi)',
  backupPlace: { id: 'diska USB di lemari kantor', en: 'a USB disk in the office cupboard' },
};

export interface NoticeVault {
  vault: VaultService;
  ctx: VaultContext;
  clock: { at: number };
  cleanup(): Promise<void>;
}

/** A new vault (seeded purposes and fields), the Owner signed in; `ctx.now()` reads `clock.at`. */
export async function noticeVault(at = new Date(2026, 11, 4, 10, 30).getTime()): Promise<NoticeVault> {
  const fixture = new VaultFixture();
  const { dir } = await fixture.create();
  const vault = fixture.service(dir);
  await vault.init();
  await vault.signIn({ staffId: 1, password: PASSWORD });
  const clock = { at };
  const ctx: VaultContext = { db: vault.db, user: vault.user, recordIn: vault.recordIn, record: vault.record, now: () => clock.at };
  return { vault, ctx, clock, cleanup: () => fixture.cleanup() };
}

export { OWNER };
