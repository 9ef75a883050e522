import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../../i18n/useT';
import { customerAt, useStore } from '../../store';
import { CustomerRow, ROW_HEIGHT } from './CustomerRow';
import { attachScaledWheel, createScaledView, realHeight, realTop, scrollRatio, type ScaledView } from './scaledScroll';

const OVERSCAN = 10;

/** Rect observer for the scaled view (the default one needs a real Element to observe). */
function observeRect(instance: Virtualizer<Element, Element>, cb: (rect: { width: number; height: number }) => void) {
  const view = instance.scrollElement as unknown as ScaledView | null;
  if (!view) return;
  const el = view.element;
  const report = () => cb({ width: el.clientWidth, height: el.clientHeight });
  report();
  if (typeof ResizeObserver === 'undefined') return;
  const observer = new ResizeObserver(report);
  observer.observe(el);
  return () => observer.disconnect();
}

/**
 * The virtualised customer list. Only the rows in view (plus overscan) exist in the DOM and
 * only their pages are fetched; one row is in the Tab order and the arrow keys move between rows.
 */
export function CustomerList() {
  const t = useT();
  const total = useStore((s) => s.total) ?? 0;
  const pages = useStore((s) => s.pages);
  const generation = useStore((s) => s.generation);
  const ensureRange = useStore((s) => s.ensureRange);
  const openCustomer = useStore((s) => s.openCustomer);
  const selecting = useStore((s) => s.selecting);
  const selected = useStore((s) => s.selected);
  const toggleSelected = useStore((s) => s.toggleSelected);
  const [view, setView] = useState<ScaledView | null>(null);
  const [active, setActive] = useState(0);
  const virtualHeight = useRef(0);
  const focusRequest = useRef<number | null>(null);

  useLayoutEffect(() => {
    virtualHeight.current = total * ROW_HEIGHT;
  }, [total]);

  const scrollRef = useCallback((el: HTMLDivElement | null) => {
    setView(el ? createScaledView(el, () => virtualHeight.current) : null);
  }, []);

  useEffect(() => (view ? attachScaledWheel(view, ROW_HEIGHT) : undefined), [view]);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser is read fresh on every render; nothing here is memoised on it.
  const virtualizer = useVirtualizer<Element, Element>({
    count: total,
    getScrollElement: () => view as unknown as Element | null,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    observeElementRect: observeRect,
  });

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    ensureRange(first, last);
  }, [first, last, generation, ensureRange]);

  const viewport = virtualizer.scrollRect?.height ?? 0;
  const ratio = scrollRatio(total * ROW_HEIGHT, viewport);
  const offset = virtualizer.scrollOffset ?? 0;
  const activeIndex = Math.min(active, Math.max(total - 1, 0));
  const tabbable = items.some((i) => i.index === activeIndex) ? activeIndex : first;

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(total - 1, index));
    focusRequest.current = next;
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>, index: number) => {
    const pageRows = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + pageRows,
      PageUp: index - pageRows,
      Home: 0,
      End: total - 1,
    };
    const target = moves[e.key];
    if (target === undefined) return;
    e.preventDefault();
    moveTo(target);
  };

  const rowRef = (index: number) => (el: HTMLElement | null) => {
    if (el && focusRequest.current === index) {
      focusRequest.current = null;
      el.focus({ preventScroll: true });
    }
  };

  return (
    <div className={selecting ? 'list list--select' : 'list'}>
      <div className="list__head" aria-hidden="true">
        {selecting && <span />}
        <span>{t('customers.col.name')}</span>
        <span>{t('customers.col.phone')}</span>
        <span>{t('customers.col.city')}</span>
        <span>{t('customers.col.tags')}</span>
        <span>{t('customers.col.lastPurchase')}</span>
        <span className="num">{t('customers.col.total')}</span>
      </div>
      <div ref={scrollRef} className="list__scroll" data-testid="customer-list-scroll">
        <div
          role="list"
          aria-label={t('customers.listLabel')}
          className="list__body"
          style={{ height: realHeight(total * ROW_HEIGHT) }}
        >
          {items.map((item) => {
            const customer = customerAt(pages, item.index);
            return (
              <CustomerRow
                key={item.index}
                index={item.index}
                total={total}
                top={realTop(item.start, offset, ratio)}
                customer={customer}
                tabbable={item.index === tabbable}
                selecting={selecting}
                selected={customer !== undefined && selected.has(customer.id)}
                focusRef={rowRef(item.index)}
                onOpen={openCustomer}
                onToggle={(c) => toggleSelected(c.id)}
                onFocus={() => setActive(item.index)}
                onKeyDown={(e) => onKeyDown(e, item.index)}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
