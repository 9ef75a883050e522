import type { KeyboardEvent, Ref } from 'react';
import type { Customer } from '../../contract';
import { useT } from '../../i18n/useT';

export const ROW_HEIGHT = 48;
const MAX_TAGS_SHOWN = 3;

interface Props {
  index: number;
  total: number;
  top: number;
  customer: Customer | undefined;
  tabbable: boolean;
  buttonRef: Ref<HTMLButtonElement>;
  onOpen(customer: Customer): void;
  onFocus(): void;
  onKeyDown(e: KeyboardEvent<HTMLDivElement>): void;
}

/** One row: name, phone, city, tags. A placeholder while its page is on the way. */
export function CustomerRow({ index, total, top, customer, tabbable, buttonRef, onOpen, onFocus, onKeyDown }: Props) {
  const t = useT();
  return (
    <div
      role="listitem"
      aria-posinset={index + 1}
      aria-setsize={total}
      className="row"
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      onKeyDown={onKeyDown}
    >
      <button
        ref={buttonRef}
        type="button"
        className={customer ? 'row__button' : 'row__button row__button--loading'}
        tabIndex={tabbable ? 0 : -1}
        data-testid="customer-row"
        data-index={index}
        aria-disabled={customer ? undefined : true}
        onFocus={onFocus}
        onClick={() => customer && onOpen(customer)}
      >
        {customer ? (
          <>
            <span className="row__name">{customer.name}</span>
            <span className="row__phone">{customer.phoneDisplay ?? ''}</span>
            <span className="row__city">{customer.city ?? ''}</span>
            <span className="row__tags">
              {customer.tags.slice(0, MAX_TAGS_SHOWN).map((tag) => (
                <span key={tag} className="tag">
                  {tag}
                </span>
              ))}
              {customer.tags.length > MAX_TAGS_SHOWN && <span className="tag tag--more">+{customer.tags.length - MAX_TAGS_SHOWN}</span>}
            </span>
          </>
        ) : (
          <>
            <span className="sr-only">{t('customers.rowLoading')}</span>
            <span className="skeleton" aria-hidden="true" />
          </>
        )}
      </button>
    </div>
  );
}
