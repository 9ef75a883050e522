/**
 * The fuzz oracle itself: a suite that passes because its check cannot fail proves nothing. Each
 * breach the property is meant to catch is staged here with a router that misbehaves on purpose,
 * over a real station vault, and must be caught; the honest router's answers must pass.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fail, ok } from '../../contract';
import type { Router } from '../router';
import { checkCall } from './property';
import { World, type Station } from './stations';

const world = new World();
let owner: Station;
let locked: Station;
let cashier: Station;
let honest: Router;

beforeAll(async () => {
  owner = await world.station('owner');
  locked = await world.station('locked');
  cashier = await world.station('staff');
  honest = owner.router;
});
afterAll(() => world.destroy());

/** Runs `handle` as the owner station's router for one check. */
async function withRouter(st: Station, handle: Router['handle'], run: () => Promise<void>): Promise<void> {
  const real = st.router;
  st.router = { handle };
  try {
    await run();
  } finally {
    st.router = real;
  }
}

describe('the fuzz property', () => {
  it('passes the real router’s answers: a valid call, a typed refusal, a denied role', async () => {
    await checkCall(owner, 'customers.search', { query: '', offset: 0, limit: 5 });
    await checkCall(owner, 'customers.get', { id: 999 });
    await checkCall(owner, 'customers.get', JSON.parse('{"__proto__":{"id":1}}'));
    await checkCall(locked, 'customers.search', { query: '', offset: 0, limit: 5 });
    expect(honest).toBe(owner.router);
  });

  it('catches a refusal that changed the vault', async () => {
    const handle: Router['handle'] = async () => {
      await owner.vault.db().run("UPDATE customers SET name = 'Diubah' WHERE id = 1");
      return fail('not_found');
    };
    await withRouter(owner, handle, () => expect(checkCall(owner, 'customers.get', { id: 1 })).rejects.toThrow(/vault changed since the last check: tables changed: customers/));
  });

  it('catches a refusal that wrote an audit entry other than access.denied', async () => {
    const handle: Router['handle'] = async () => {
      await owner.vault.record({ action: 'customer.view', targetType: 'customer', targetId: 1 });
      return fail('not_found');
    };
    await withRouter(owner, handle, () => expect(checkCall(owner, 'customers.get', { id: 1 })).rejects.toThrow(/audit entries added: customer.view/));
  });

  it('catches internal, untyped codes, a throw, and an answer that cannot cross IPC', async () => {
    const cases: [Router['handle'], RegExp][] = [
      [async () => fail('internal'), /internal/],
      [async () => ({ ok: false, error: { code: 'oops' } }) as never, /untyped code oops/],
      [async () => fail('unknown_channel'), /unknown_channel/],
      [async () => fail('invalid_input', { id: 'nope' as never }), /untyped field code/],
      [() => Promise.reject(new Error('boom')), /threw: Error: boom/],
      [async () => ok(() => 1), /cannot cross IPC/],
    ];
    for (const [handle, message] of cases) {
      await withRouter(owner, handle, () => expect(checkCall(owner, 'customers.get', { id: 1 })).rejects.toThrow(message));
    }
  });

  it('catches a sensitive value shown unmasked to a cashier, and lets the masked record and a reveal through', async () => {
    await checkCall(cashier, 'customers.get', { id: 1 });
    await checkCall(cashier, 'customers.reveal', { id: 1, field: 'phone' });
    const unmasked = async () => ok({ id: 1, name: 'Budi Santoso', phone: '+6281234567890', masked: [] });
    await withRouter(cashier, unmasked, () => expect(checkCall(cashier, 'customers.get', { id: 1 })).rejects.toThrow(/unmasked/));
  });

  it('catches a channel answered, or handled, where its state or role refuses it', async () => {
    await withRouter(locked, async () => ok({ items: [] }), () => expect(checkCall(locked, 'customers.search', { query: '', offset: 0, limit: 5 })).rejects.toThrow(/answered on locked/));
    await withRouter(locked, async () => fail('not_found'), () => expect(checkCall(locked, 'customers.get', { id: 1 })).rejects.toThrow(/reached its handler/));
  });
});
