import { useEffect } from 'react';
import type { MessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { activePurposes, useStore } from '../../store';

/** The shop's active purposes as ticks, each with its lawful basis: which ones a field serves. */
export function PurposeChoices({ chosen, onChange }: { chosen: readonly string[]; onChange(keys: string[]): void }) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const purposes = useStore((s) => s.purposes);
  const loadPurposes = useStore((s) => s.loadPurposes);
  useEffect(() => {
    if (purposes === null) void loadPurposes();
  }, [purposes, loadPurposes]);
  const active = activePurposes(purposes);
  const toggle = (key: string, on: boolean) => onChange(on ? [...chosen, key] : chosen.filter((k) => k !== key));
  return (
    <fieldset className="field fieldset-plain purpose-choices" aria-describedby="field-purposes-hint" data-testid="field-purposes">
      <legend className="field__label">{t('fields.purposes')}</legend>
      <p id="field-purposes-hint" className="field__hint">
        {active.length > 0 ? t('fields.purposesHint') : t('fields.noPurposes')}
      </p>
      {active.map((p) => {
        const id = `field-purpose-${p.key}`;
        return (
          <div className="check" key={p.key}>
            <input id={id} type="checkbox" checked={chosen.includes(p.key)} onChange={(e) => toggle(p.key, e.target.checked)} aria-describedby={`${id}-basis`} />
            <div>
              <label htmlFor={id} className="field__label">
                {p.name[locale]}
              </label>
              <p id={`${id}-basis`} className="field__hint">
                {t(`purposes.basis.${p.basis}` as MessageKey)}
                {p.needsConsent ? ` · ${t('purposes.needsConsent')}` : ''}
              </p>
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}
