/**
 * Browsers cap an element's height (Chromium at ~33.5M px, Firefox lower), so 1M rows of
 * 48 px cannot be laid out 1:1. Past MAX_REAL_HEIGHT the list is "scaled": the real scroll
 * range is capped and mapped linearly onto the virtual one. The virtualiser works in virtual
 * pixels through a small view object over the real element (what `getScrollElement` returns).
 */
export const MAX_REAL_HEIGHT = 15_000_000;

/** Virtual pixels per real pixel of scroll. 1 when the list fits. */
export function scrollRatio(virtualHeight: number, viewport: number, maxReal = MAX_REAL_HEIGHT): number {
  if (virtualHeight <= maxReal || maxReal <= viewport) return 1;
  return (virtualHeight - viewport) / (maxReal - viewport);
}

export const realHeight = (virtualHeight: number, maxReal = MAX_REAL_HEIGHT) => Math.min(virtualHeight, maxReal);

/** Where a row that starts at virtual `start` goes inside the real content box. */
export function realTop(start: number, virtualOffset: number, ratio: number): number {
  return ratio === 1 ? start : start - virtualOffset + virtualOffset / ratio;
}

/** The subset of Element the virtualiser reads when it is given a custom rect observer. */
export interface ScaledView {
  readonly element: HTMLElement;
  readonly ownerDocument: Document;
  readonly scrollTop: number;
  readonly scrollLeft: number;
  readonly scrollHeight: number;
  readonly scrollWidth: number;
  readonly clientHeight: number;
  readonly clientWidth: number;
  scrollTo(options: ScrollToOptions): void;
  addEventListener: HTMLElement['addEventListener'];
  removeEventListener: HTMLElement['removeEventListener'];
  getBoundingClientRect(): DOMRect;
  ratio(): number;
}

export function createScaledView(el: HTMLElement, getVirtualHeight: () => number, maxReal = MAX_REAL_HEIGHT): ScaledView {
  const ratio = () => scrollRatio(getVirtualHeight(), el.clientHeight, maxReal);
  return {
    element: el,
    get ownerDocument() {
      return el.ownerDocument;
    },
    get scrollTop() {
      return el.scrollTop * ratio();
    },
    get scrollLeft() {
      return el.scrollLeft;
    },
    get scrollHeight() {
      return (el.scrollHeight - el.clientHeight) * ratio() + el.clientHeight;
    },
    get scrollWidth() {
      return el.scrollWidth;
    },
    get clientHeight() {
      return el.clientHeight;
    },
    get clientWidth() {
      return el.clientWidth;
    },
    scrollTo(options) {
      const next: ScrollToOptions = { ...options };
      if (options.top !== undefined) next.top = options.top / ratio();
      if (typeof el.scrollTo === 'function') el.scrollTo(next); // absent in jsdom
    },
    addEventListener: el.addEventListener.bind(el),
    removeEventListener: el.removeEventListener.bind(el),
    getBoundingClientRect: () => el.getBoundingClientRect(),
    ratio,
  };
}

/**
 * When scaled, a wheel notch would jump `ratio` times further than usual; scroll the
 * real element by delta / ratio instead so the content moves under the pointer as usual.
 */
export function attachScaledWheel(view: ScaledView, lineHeight: number): () => void {
  const el = view.element;
  let carry = 0; // sub-pixel remainder, so slow trackpad scrolling still moves
  const onWheel = (e: WheelEvent) => {
    const r = view.ratio();
    if (r === 1 || e.ctrlKey || e.deltaY === 0) return;
    e.preventDefault();
    const unit = e.deltaMode === 1 ? lineHeight : e.deltaMode === 2 ? el.clientHeight : 1;
    carry += (e.deltaY * unit) / r;
    const whole = Math.trunc(carry);
    carry -= whole;
    if (whole !== 0) el.scrollTop += whole;
  };
  el.addEventListener('wheel', onWheel, { passive: false });
  return () => el.removeEventListener('wheel', onWheel);
}
