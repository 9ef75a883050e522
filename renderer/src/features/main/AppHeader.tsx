import { BrandMark } from '../../components/BrandMark';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';

export function AppHeader({ ownerName }: { ownerName: string }) {
  const t = useT();
  const lock = useStore((s) => s.lock);
  const setSettingsOpen = useStore((s) => s.setSettingsOpen);
  return (
    <header className="topbar">
      <BrandMark compact />
      <span className="topbar__owner">{t('header.signedInAs', { name: ownerName })}</span>
      <div className="topbar__actions">
        <LanguageSwitch />
        <button type="button" className="button button--ghost" onClick={() => setSettingsOpen(true)}>
          <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <g fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round">
              <path d="M3 5h7M15 5h2M3 10h1.5M9.5 10H17M3 15h9M16.5 15h.5" />
              <circle cx="12.5" cy="5" r="2" />
              <circle cx="7" cy="10" r="2" />
              <circle cx="14.2" cy="15" r="2" />
            </g>
          </svg>
          {t('header.settings')}
        </button>
        <button type="button" className="button button--outline" onClick={() => void lock()} data-testid="lock-button">
          <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <path
              fill="currentColor"
              d="M10 2a4 4 0 00-4 4v2H5a1.5 1.5 0 00-1.5 1.5v7A1.5 1.5 0 005 18h10a1.5 1.5 0 001.5-1.5v-7A1.5 1.5 0 0015 8h-1V6a4 4 0 00-4-4zm-2.3 6V6a2.3 2.3 0 014.6 0v2H7.7z"
            />
          </svg>
          {t('header.lock')}
        </button>
      </div>
    </header>
  );
}
