import { useEffect, useRef, useState } from 'react';

/**
 * Copying a text the vault made (a receipt, a letter, the notice) for a WhatsApp chat: to the
 * clipboard when there is one; otherwise the text is shown selected, to copy by hand.
 */
export function useCopyText() {
  const [shown, setShown] = useState<{ value: string; copied: boolean } | null>(null);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (shown && !shown.copied) ref.current?.select();
  }, [shown]);
  /** True when it reached the clipboard. */
  const copy = async (value: string): Promise<boolean> => {
    try {
      await navigator.clipboard.writeText(value);
      setShown({ value, copied: true });
      return true;
    } catch {
      setShown({ value, copied: false });
      return false;
    }
  };
  return { shown, copy, clear: () => setShown(null), ref };
}
