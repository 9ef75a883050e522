/** The shop's own target for requests the law gives no hours (a setting, 7 days unless changed). */
import { DEFAULT_TARGET_DAYS, TARGET_DAYS_MAX, type RequestSettings } from '../../contract';
import type { Queryable } from '../db/driver';
import { getMeta, setMeta } from '../meta';

const KEY = 'request_target_days';

export async function getRequestSettings(q: Queryable): Promise<RequestSettings> {
  const days = Number(await getMeta(q, KEY));
  return { targetDays: Number.isInteger(days) && days >= 1 && days <= TARGET_DAYS_MAX ? days : DEFAULT_TARGET_DAYS };
}

export async function saveRequestSettings(tx: Queryable, s: RequestSettings): Promise<void> {
  await setMeta(tx, KEY, String(s.targetDays));
}
