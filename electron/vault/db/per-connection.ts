/**
 * State kept per connection that rests on TEMP objects (triggers and a table the connection alone
 * sees), whichever handle a caller comes through (`connectionOf`). The TEMP objects must not be made
 * inside someone's transaction — a rollback (an audit entry that cannot be written) would take them
 * away while the state says they are there — so a first call through a transaction's handle gets
 * `idle` (nothing kept: the caller uses its plans) and the state is made through the connection's own
 * `Db`, which waits for that transaction to end; it serves from the next call on.
 */
import { connectionOf, type Queryable } from './driver';

export interface PerConnection<S> {
  /** The connection's state, or `idle()` while it is being made outside the caller's transaction. */
  of(db: Queryable): S;
  /** The state if the connection has one; never makes it. */
  peek(db: Queryable): S | undefined;
}

export function perConnection<S>(make: (db: Queryable) => S, ready: (s: S) => Promise<unknown>, idle: () => S): PerConnection<S> {
  const states = new WeakMap<Queryable, S>();
  const making = new WeakSet<Queryable>();
  return {
    of(db) {
      const key = connectionOf(db);
      const kept = states.get(key);
      if (kept) return kept;
      if (key === db) {
        const made = make(key);
        states.set(key, made);
        return made;
      }
      if (!making.has(key)) {
        making.add(key);
        const made = make(key);
        void ready(made)
          .catch(() => undefined)
          .finally(() => {
            making.delete(key);
            if (!states.has(key)) states.set(key, made);
          });
      }
      return idle();
    },
    peek: (db) => states.get(connectionOf(db)),
  };
}
