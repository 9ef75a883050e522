import type { KeyboardEvent, ReactNode } from 'react';
import type { Customer } from '../../contract';
import { formatDate, formatRupiah } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { revealedText, revealKey } from '../../store/customersSlice';
import { usePermission } from '../../store/permissions';
import { RevealButton } from './RevealButton';

export const ROW_HEIGHT = 48;
const MAX_TAGS_SHOWN = 3;

interface Props {
  index: number;
  total: number;
  top: number;
  customer: Customer | undefined;
  tabbable: boolean;
  /** Selection mode: the row is a checkbox instead of a button that opens the customer. */
  selecting: boolean;
  selected: boolean;
  focusRef: (el: HTMLElement | null) => void;
  onOpen(customer: Customer): void;
  onToggle(customer: Customer): void;
  onFocus(): void;
  onKeyDown(e: KeyboardEvent<HTMLDivElement>): void;
}

/** The phone as the list shows it: revealed in full on request, else as it came (masked for some roles). */
function Phone({ customer }: { customer: Customer }) {
  const revealed = useStore((s) => s.revealed[revealKey(customer.id, 'phone')]);
  const masked = customer.masked.includes('phone');
  const text = revealed ? revealedText(revealed) : (customer.phoneDisplay ?? customer.phone ?? '');
  return (
    <span className={masked ? 'row__phone row__phone--masked' : 'row__phone'} data-testid="row-phone">
      {text}
    </span>
  );
}

function Cells({ customer }: { customer: Customer }) {
  const locale = useStore((s) => s.locale);
  return (
    <>
      <span className="row__name">{customer.name}</span>
      <Phone customer={customer} />
      <span className="row__city">{customer.city ?? ''}</span>
      <span className="row__tags">
        {customer.tags.slice(0, MAX_TAGS_SHOWN).map((tag) => (
          <span key={tag} className="tag">
            {tag}
          </span>
        ))}
        {customer.tags.length > MAX_TAGS_SHOWN && <span className="tag tag--more">+{customer.tags.length - MAX_TAGS_SHOWN}</span>}
      </span>
      <span className="row__date">{customer.lastPurchaseDate ? formatDate(locale, customer.lastPurchaseDate) : ''}</span>
      <span className="row__amount amount">{customer.purchaseCount > 0 ? formatRupiah(customer.purchaseTotal) : ''}</span>
    </>
  );
}

/** One row: name, phone, city, tags, last purchase, total. A placeholder while its page is on the way. */
export function CustomerRow({ index, total, top, customer, tabbable, selecting, selected, focusRef, onOpen, onToggle, onFocus, onKeyDown }: Props) {
  const t = useT();
  const canReveal = usePermission('customers.reveal');
  // A sibling of the row's button (a button cannot hold another), laid over the phone column.
  const reveal = customer && !selecting && canReveal && customer.masked.includes('phone') && (customer.phone ?? customer.phoneDisplay) !== null;
  let content: ReactNode;
  if (!customer) {
    content = (
      <button ref={focusRef} type="button" className="row__button row__button--loading" tabIndex={tabbable ? 0 : -1} aria-disabled onFocus={onFocus} data-testid="customer-row" data-index={index}>
        <span className="sr-only">{t('customers.rowLoading')}</span>
        <span className="skeleton" aria-hidden="true" />
      </button>
    );
  } else if (selecting) {
    content = (
      <label className={selected ? 'row__button row__button--selected' : 'row__button'} data-testid="customer-row" data-index={index}>
        <input
          ref={focusRef}
          type="checkbox"
          className="row__check"
          checked={selected}
          onChange={() => onToggle(customer)}
          tabIndex={tabbable ? 0 : -1}
          onFocus={onFocus}
          aria-label={t('select.row', { name: customer.name })}
          data-testid="customer-select"
        />
        <Cells customer={customer} />
      </label>
    );
  } else {
    content = (
      <button ref={focusRef} type="button" className="row__button" tabIndex={tabbable ? 0 : -1} onFocus={onFocus} onClick={() => onOpen(customer)} data-testid="customer-row" data-index={index}>
        <Cells customer={customer} />
      </button>
    );
  }
  return (
    <div
      role="listitem"
      aria-posinset={index + 1}
      aria-setsize={total}
      className={reveal ? 'row row--overlay' : 'row'}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      onKeyDown={onKeyDown}
    >
      {content}
      {reveal && <RevealButton customer={customer} field="phone" fieldLabel={t('form.phone')} tabIndex={tabbable ? 0 : -1} className="row__reveal" />}
    </div>
  );
}
