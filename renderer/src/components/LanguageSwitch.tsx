import { useT } from '../i18n/useT';
import { locales, type Locale } from '../i18n/translate';
import { useStore } from '../store';

const labels = { id: 'lang.id', en: 'lang.en' } as const;
const titles = { id: 'lang.id.title', en: 'lang.en.title' } as const;

/** ID / EN toggle, shown on every screen. The choice is remembered in localStorage. */
export function LanguageSwitch() {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const setLocale = useStore((s) => s.setLocale);
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {locales.map((l: Locale) => (
        <button
          key={l}
          type="button"
          lang={l}
          title={t(titles[l])}
          aria-pressed={locale === l}
          className="lang-switch__option"
          data-testid={`lang-${l}`}
          onClick={() => setLocale(l)}
        >
          {t(labels[l])}
        </button>
      ))}
    </div>
  );
}
