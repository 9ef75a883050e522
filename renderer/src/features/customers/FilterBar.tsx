import { useEffect, useState } from 'react';
import { Autocomplete } from '../../components/Autocomplete';
import { CUSTOMER_LIMITS, CUSTOMER_SORTS, type CustomerSort } from '../../contract';
import type { MessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { hasFilter, useStore } from '../../store';
import { ConsentFilter } from './ConsentFilter';
import { SelectionControls } from './SelectionControls';

const FILTER_DEBOUNCE_MS = 300;
export const VERIFIED_MONTHS = [3, 6, 12, 24] as const;
const sortLabels: Record<CustomerSort, MessageKey> = {
  name: 'list.sort.name',
  last_purchase: 'list.sort.lastPurchase',
  recent: 'list.sort.recent',
};

/** Sort, filters (tag, city, not confirmed for N months, consent) and selection, under the list's title. */
export function FilterBar() {
  const t = useT();
  const sort = useStore((s) => s.sort);
  const filter = useStore((s) => s.filter);
  const setSort = useStore((s) => s.setSort);
  const setFilter = useStore((s) => s.setFilter);
  const clearFilters = useStore((s) => s.clearFilters);
  const suggestTags = useStore((s) => s.suggestTags);
  const [tag, setTag] = useState(filter.tag ?? '');
  const [city, setCity] = useState(filter.city ?? '');

  // City filters as you type; a tag must match whole, so it applies when picked, on Enter or on leaving the box.
  useEffect(() => {
    const timer = setTimeout(() => setFilter({ city: city.trim() || undefined }), FILTER_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [city, setFilter]);
  const applyTag = (value: string) => setFilter({ tag: value.trim() || undefined });

  const clear = () => {
    setTag('');
    setCity('');
    clearFilters();
    // The button disappears with the filters: continue from the first filter.
    document.getElementById('filter-tag')?.focus();
  };
  const applyNow = () => setFilter({ tag: tag.trim() || undefined, city: city.trim() || undefined });
  const onTagChange = (value: string) => {
    setTag(value);
    if (!value.trim()) applyTag('');
  };
  const active = hasFilter(filter) || tag.trim() !== '' || city.trim() !== '';

  return (
    <div className="filters" role="group" aria-label={t('list.filters')} data-testid="filter-bar">
      <div className="filters__item">
        <label htmlFor="list-sort" className="filters__label">
          {t('list.sort')}
        </label>
        <select id="list-sort" className="input select input--compact" value={sort} onChange={(e) => setSort(e.target.value as CustomerSort)} data-testid="list-sort">
          {CUSTOMER_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(sortLabels[s])}
            </option>
          ))}
        </select>
      </div>
      <div className="filters__item filters__item--tag">
        <span className="filters__label" aria-hidden="true">
          {t('list.filter.tag')}
        </span>
        <Autocomplete
          id="filter-tag"
          label={t('list.filter.tag')}
          mode="single"
          compact
          value={tag}
          onChange={onTagChange}
          onPick={applyTag}
          onEnter={applyNow}
          onBlur={() => applyTag(tag)}
          suggest={suggestTags}
          placeholder={t('list.filter.tagPlaceholder')}
          maxLength={CUSTOMER_LIMITS.tag}
          testId="filter-tag"
        />
      </div>
      <div className="filters__item">
        <label htmlFor="filter-city" className="filters__label">
          {t('list.filter.city')}
        </label>
        <input
          id="filter-city"
          className="input input--compact"
          value={city}
          onChange={(e) => setCity(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && applyNow()}
          placeholder={t('list.filter.cityPlaceholder')}
          maxLength={CUSTOMER_LIMITS.city}
          autoComplete="off"
          data-testid="filter-city"
        />
      </div>
      <div className="filters__item">
        <label htmlFor="filter-verified" className="filters__label">
          {t('list.filter.verified')}
        </label>
        <select
          id="filter-verified"
          className="input select input--compact"
          value={filter.notVerifiedMonths ?? ''}
          onChange={(e) => setFilter({ notVerifiedMonths: e.target.value ? Number(e.target.value) : undefined })}
          data-testid="filter-verified"
        >
          <option value="">{t('list.filter.verifiedAny')}</option>
          {VERIFIED_MONTHS.map((m) => (
            <option key={m} value={m}>
              {t('list.filter.verifiedMonths', { months: m })}
            </option>
          ))}
        </select>
      </div>
      <ConsentFilter />
      {active && (
        <button type="button" className="button button--ghost button--small" onClick={clear} data-testid="filter-clear">
          {t('list.filter.clear')}
        </button>
      )}
      <SelectionControls />
    </div>
  );
}
