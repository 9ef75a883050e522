import type { ReactNode } from 'react';
import { BrandMark } from './BrandMark';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of every screen before the vault is open: brand and language on top, one card. */
export function AuthLayout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return (
    <div className="auth">
      <header className="auth__top">
        <BrandMark />
        <LanguageSwitch />
      </header>
      <main className="auth__main">
        <div className={wide ? 'card card--wide' : 'card'}>{children}</div>
      </main>
    </div>
  );
}
