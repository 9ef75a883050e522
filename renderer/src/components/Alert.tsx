import type { ReactNode } from 'react';

/** An error or info box. `role="alert"` for errors so screen readers announce them at once. */
export function Alert({ tone = 'error', children, id }: { tone?: 'error' | 'info'; children: ReactNode; id?: string }) {
  return (
    <div id={id} className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
