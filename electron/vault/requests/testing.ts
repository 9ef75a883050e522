/** Test helpers: a signed-in vault whose clock the test moves (requests are about time). */
import type { VaultContext } from '../context';
import type { VaultService } from '../service';
import { PASSWORD, type VaultFixture } from '../testing';

export interface Clocked {
  svc: VaultService;
  ctx: VaultContext;
  dir: string;
  /** Sets the vault's clock (ms since the epoch). */
  at(t: number): void;
}

export async function clockedOwner(fx: VaultFixture, start: number): Promise<Clocked> {
  const v = await fx.create();
  const svc = fx.service(v.dir);
  await svc.init();
  await svc.signIn({ staffId: 1, password: PASSWORD });
  let t = start;
  const ctx: VaultContext = {
    db: () => svc.db(),
    user: () => svc.user(),
    recordIn: (tx, entry, actor) => svc.recordIn(tx, entry, actor),
    record: (entry, actor) => svc.record(entry, actor),
    now: () => t,
  };
  return { svc, ctx, dir: v.dir, at: (n) => void (t = n) };
}

export const customerIn = async (svc: VaultService, name: string, phone: string | null = null): Promise<number> =>
  (await svc.db().run('INSERT INTO customers (name, phone, created_at, updated_at) VALUES (?, ?, 0, 0)', [name, phone])).lastID;
