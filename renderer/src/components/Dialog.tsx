import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { focusableIn, makeOthersInert } from './focus';

interface Props {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Receives focus on open; otherwise an element marked `data-autofocus`, else the first focusable one. */
  initialFocus?: RefObject<HTMLElement | null>;
  role?: 'dialog' | 'alertdialog';
  size?: 'small' | 'medium' | 'large';
  describedBy?: string;
  testId?: string;
}

/**
 * A modal dialog: rendered into <body>, everything else made inert, Tab kept inside,
 * Escape closes, and focus returns to where it was when the dialog closes.
 */
export function Dialog({ title, onClose, children, initialFocus, role = 'dialog', size = 'medium', describedBy, testId }: Props) {
  const titleId = useId();
  const panelRef = useRef<HTMLDivElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const restoreInert = containerRef.current ? makeOthersInert(containerRef.current) : () => {};
    const marked = panelRef.current?.querySelector<HTMLElement>('[data-autofocus]');
    const target = initialFocus?.current ?? marked ?? focusableIn(panelRef.current)[0] ?? panelRef.current;
    target?.focus();
    return () => {
      restoreInert();
      if (previous?.isConnected) previous.focus();
    };
    // Runs once per opening; initialFocus is a ref object.
  }, [initialFocus]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      e.preventDefault();
      onClose();
      return;
    }
    if (e.key !== 'Tab') return;
    const items = focusableIn(panelRef.current);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div className="dialog-backdrop" ref={containerRef}>
      <div
        ref={panelRef}
        className={`dialog dialog--${size}`}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        tabIndex={-1}
        onKeyDown={onKeyDown}
        data-testid={testId}
      >
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        {children}
      </div>
    </div>,
    document.body,
  );
}
