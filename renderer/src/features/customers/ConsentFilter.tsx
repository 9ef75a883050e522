import { CONSENT_FILTERS, type ConsentStatus } from '../../contract';
import type { MessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';

const stateLabels: Record<ConsentStatus, MessageKey> = {
  given: 'list.filter.consent.given',
  withdrawn: 'list.filter.consent.withdrawn',
  refused: 'list.filter.consent.refused',
  none: 'list.filter.consent.none',
};

/**
 * The list filter by consent: for each consent-based purpose, customers who agreed, withdrew, refused
 * or were not asked yet (the vault reads each customer's current consent). Hidden while the shop has
 * no consent-based purpose.
 */
export function ConsentFilter() {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const purposes = useStore((s) => s.purposes);
  const consent = useStore((s) => s.filter.consent);
  const setFilter = useStore((s) => s.setFilter);
  const consentPurposes = (purposes ?? []).filter((p) => p.needsConsent && (p.status === 'active' || p.key === consent?.purpose));
  if (consentPurposes.length === 0) return null;
  const value = consent ? `${consent.purpose}:${consent.state}` : '';
  const pick = (v: string) => {
    const [purpose, state] = v.split(':') as [string, ConsentStatus | undefined];
    setFilter({ consent: v && state ? { purpose, state } : undefined });
  };
  return (
    <div className="filters__item">
      <label htmlFor="filter-consent" className="filters__label">
        {t('list.filter.consent')}
      </label>
      <select id="filter-consent" className="input select input--compact" value={value} onChange={(e) => pick(e.target.value)} data-testid="filter-consent">
        <option value="">{t('list.filter.consentAny')}</option>
        {consentPurposes.map((p) =>
          CONSENT_FILTERS.map((state) => (
            <option key={`${p.key}:${state}`} value={`${p.key}:${state}`}>
              {t(stateLabels[state], { purpose: p.name[locale] })}
            </option>
          )),
        )}
      </select>
    </div>
  );
}
