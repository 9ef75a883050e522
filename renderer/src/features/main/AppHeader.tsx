import { BrandMark } from '../../components/BrandMark';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { useSessionUser } from '../../store/permissions';
import { roleLabelKey } from '../account/roleLabel';

const LOCK_ICON =
  'M10 2a4 4 0 00-4 4v2H5a1.5 1.5 0 00-1.5 1.5v7A1.5 1.5 0 005 18h10a1.5 1.5 0 001.5-1.5v-7A1.5 1.5 0 0015 8h-1V6a4 4 0 00-4-4zm-2.3 6V6a2.3 2.3 0 014.6 0v2H7.7z';

/** Brand, who is signed in, language, My account, Switch person, Lock (Settings is in the primary navigation). */
export function AppHeader({ onOpenAccount }: { onOpenAccount(): void }) {
  const t = useT();
  const lock = useStore((s) => s.lock);
  const user = useSessionUser();
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
