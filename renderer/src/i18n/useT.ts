import { useCallback } from 'react';
import type { ErrorCode, FieldErrorCode } from '../contract';
import { useStore } from '../store';
import { translate, type MessageKey, type MessageParams, type Translate } from './translate';

/** `const t = useT(); t('customers.add')` — re-renders when the language changes. */
export function useT(): Translate {
  const locale = useStore((s) => s.locale);
  return useCallback((key: MessageKey, params?: MessageParams) => translate(locale, key, params), [locale]);
}

/** The message key for an error code; the template type makes the compiler demand a message per code. */
export const errorKey = (code: ErrorCode): MessageKey => `error.${code}` satisfies MessageKey;
export const fieldErrorKey = (code: FieldErrorCode): MessageKey => `field.${code}` satisfies MessageKey;
