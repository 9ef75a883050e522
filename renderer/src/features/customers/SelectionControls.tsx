import { useRef } from 'react';
import { formatNumber } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { usePermission } from '../../store/permissions';

/**
 * "Select customers" turns the rows into checkboxes (Space ticks one). The toggle button stays the
 * same element throughout, so focus never drops when the mode changes.
 */
export function SelectionControls() {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const selecting = useStore((s) => s.selecting);
  const count = useStore((s) => s.selected.size);
  const setSelecting = useStore((s) => s.setSelecting);
  const clearSelection = useStore((s) => s.clearSelection);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const canExport = usePermission('data.export');
  const active = selecting || count > 0;
  // Picking customers is for exporting them: no export, no selection.
  if (!canExport) return null;

  return (
    <div className="selection">
      {active && (
        <span className="selection__count" aria-live="polite" data-testid="select-count">
          {t('select.count', { count: formatNumber(locale, count) })}
        </span>
      )}
      {count > 0 && (
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={() => {
            clearSelection();
            toggleRef.current?.focus();
          }}
          data-testid="select-clear"
        >
          {t('select.clear')}
        </button>
      )}
      <button
        ref={toggleRef}
        type="button"
        className={active ? 'button button--outline button--small' : 'button button--ghost button--small'}
        onClick={() => setSelecting(!selecting)}
        data-testid="select-toggle"
      >
        {selecting ? t('select.done') : active ? t('select.resume') : t('select.start')}
      </button>
    </div>
  );
}
