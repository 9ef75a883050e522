import { useEffect, useState, type KeyboardEvent } from 'react';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';

export const SEARCH_DEBOUNCE_MS = 150;

/** Search as you type: the store's query follows the box 150 ms after the last keystroke. */
export function SearchBox() {
  const t = useT();
  const setQuery = useStore((s) => s.setQuery);
  const [value, setValue] = useState(() => useStore.getState().query);

  useEffect(() => {
    const next = value.trim();
    if (next === useStore.getState().query) return;
    const timer = setTimeout(() => setQuery(next), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value, setQuery]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') setQuery(value.trim());
    if (e.key === 'Escape' && value) {
      e.preventDefault();
      setValue('');
    }
  };

  return (
    <div className="search">
      <label htmlFor="customer-search" className="sr-only">
        {t('customers.search')}
      </label>
      <svg className="search__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
        <path d="M13 13l4 4" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
      <input
        id="customer-search"
        type="search"
        className="input search__input"
        placeholder={t('customers.searchPlaceholder')}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={onKeyDown}
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        autoFocus
      />
    </div>
  );
}
