/**
 * Which purposes a field serves after a change (fields.update / fields.createCustom), decided inside
 * the change's transaction: the keys given (each an active purpose), else the ones it serves now;
 * plus a purpose made from the free text when the text is new. Switching on with none is refused.
 */
import type { FieldErrorCode } from '../../contract';
import type { Queryable } from '../db/driver';
import { notActive, refreshSummaries, setActiveLinks } from '../purposes/repository';
import { purposeFromText } from '../purposes/service';

export interface PurposeChoice {
  /** The active purposes the field serves now. */
  current: readonly string[];
  /** The field's `purpose` column now: text equal to it is an old caller handing it back, not new words. */
  summary: string;
  text: string;
  keys: readonly string[] | undefined;
  enabled: boolean;
}

export async function choosePurposes(tx: Queryable, c: PurposeChoice, errors: Record<string, FieldErrorCode>, at: number): Promise<string[]> {
  const target = [...(c.keys ?? c.current)];
  if (c.keys && (await notActive(tx, c.keys)).length > 0) errors.purposes = 'invalid_value';
  // Free words only make a purpose for a field being switched on (or kept on); creating one for a
  // field switched off would record a purpose nothing serves.
  if (c.enabled && c.text !== '' && c.text !== c.summary) target.push(await purposeFromText(tx, c.text, at));
  if (c.enabled && target.length === 0) errors.purpose = 'required';
  return [...new Set(target)];
}

/** Links the field to exactly `keys` among active purposes and refreshes the summaries — before it is switched on. */
export async function linkPurposes(tx: Queryable, fieldKey: string, keys: readonly string[]): Promise<void> {
  await setActiveLinks(tx, fieldKey, keys);
  await refreshSummaries(tx);
}
