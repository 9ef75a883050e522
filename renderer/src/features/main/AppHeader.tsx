import { BrandMark } from '../../components/BrandMark';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { SETTINGS_PERMISSIONS, useAnyPermission, useSessionUser } from '../../store/permissions';
import { roleLabelKey } from '../account/roleLabel';

const LOCK_ICON =
  'M10 2a4 4 0 00-4 4v2H5a1.5 1.5 0 00-1.5 1.5v7A1.5 1.5 0 005 18h10a1.5 1.5 0 001.5-1.5v-7A1.5 1.5 0 0015 8h-1V6a4 4 0 00-4-4zm-2.3 6V6a2.3 2.3 0 014.6 0v2H7.7z';

/** Brand, who is signed in, language, My account, Settings (if the role has any of it), Switch person, Lock. */
export function AppHeader({ onOpenAccount }: { onOpenAccount(): void }) {
  const t = useT();
  const lock = useStore((s) => s.lock);
  const setSettingsOpen = useStore((s) => s.setSettingsOpen);
  const user = useSessionUser();
  const canOpenSettings = useAnyPermission(...SETTINGS_PERMISSIONS);
  return (
    <header className="topbar">
      <BrandMark compact />
      {user && (
        <span className="topbar__owner" data-testid="signed-in-person">
          {t('header.person', { name: user.name, role: t(roleLabelKey(user.role)) })}
        </span>
      )}
      <div className="topbar__actions">
        <LanguageSwitch />
        <button type="button" className="button button--ghost" onClick={onOpenAccount} data-testid="account-open">
          <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <g fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round">
              <circle cx="10" cy="7" r="3.2" />
              <path d="M3.8 17c.9-3.2 3.3-4.8 6.2-4.8s5.3 1.6 6.2 4.8" />
            </g>
          </svg>
          {t('header.account')}
        </button>
        {canOpenSettings && (
          <button type="button" className="button button--ghost" onClick={() => setSettingsOpen(true)} data-testid="settings-open">
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
        )}
        <button type="button" className="button button--outline" onClick={() => void lock('switch')} data-testid="switch-person">
          <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <g fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round">
              <path d="M4 7h11l-3-3M16 13H5l3 3" />
            </g>
          </svg>
          {t('header.switchPerson')}
        </button>
        <button type="button" className="button button--outline" onClick={() => void lock()} data-testid="lock-button">
          <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <path fill="currentColor" d={LOCK_ICON} />
          </svg>
          {t('header.lock')}
        </button>
      </div>
    </header>
  );
}
