const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Tabbable elements inside `root`, in DOM order. */
export function focusableIn(root: HTMLElement | null): HTMLElement[] {
  if (!root) return [];
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => !el.closest('[inert], [hidden]'));
}

/**
 * Marks every other child of <body> inert (so neither mouse, keyboard nor screen reader
 * reaches it) and returns the undo. Nested dialogs stack naturally.
 */
export function makeOthersInert(keep: HTMLElement): () => void {
  const portalRoot = keep.parentElement === document.body ? keep : keep.closest('body > *');
  const changed: Element[] = [];
  for (const child of Array.from(document.body.children)) {
    if (child === portalRoot || child.hasAttribute('inert') || child.tagName === 'SCRIPT') continue;
    child.setAttribute('inert', '');
    changed.push(child);
  }
  return () => changed.forEach((el) => el.removeAttribute('inert'));
}
