import { useEffect } from 'react';
import { useT } from '../i18n/useT';
import { useStore } from '../store';

const NOTICE_MS = 5000;

/** A polite live region for short confirmations ("Budi sudah disimpan."). */
export function Notice() {
  const t = useT();
  const notice = useStore((s) => s.notice);
  const clearNotice = useStore((s) => s.clearNotice);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(clearNotice, NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice, clearNotice]);

  return (
    <div className="toast-region" role="status" aria-live="polite" data-testid="notice">
      {notice && (
        <div className="toast" key={notice.serial}>
          {t(notice.key, notice.params)}
        </div>
      )}
    </div>
  );
}
