import type { LawfulBasis, Purpose, RetentionFrom } from '../../contract';
import type { MessageKey } from '../../i18n/translate';

export const basisKey = (b: LawfulBasis): MessageKey => `purposes.basis.${b}`;
export const fromKey = (f: RetentionFrom): MessageKey => `purposes.from.${f}`;

/** A purpose's fields by their catalogue labels (built-ins translated), for one line. */
export function fieldNames(p: Purpose, labelOf: (key: string) => string): string {
  return p.fields.map(labelOf).join(', ');
}
