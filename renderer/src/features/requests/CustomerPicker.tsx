import { useEffect, useState } from 'react';
import { api } from '../../api';
import { TextField } from '../../components/TextField';
import type { Customer } from '../../contract';
import { useT } from '../../i18n/useT';

export interface Picked {
  id: number;
  name: string;
}

/** Finds a customer by name or phone (the list's own search, recorded like it) and picks one. */
export function CustomerPicker({ id, onPick }: { id: string; onPick(c: Picked): void }) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<{ query: string; items: Customer[] } | null>(null);
  const q = query.trim();
  const found = q.length >= 2 && result?.query === q ? result.items : null;

  useEffect(() => {
    if (q.length < 2) return;
    let live = true;
    const timer = setTimeout(() => {
      void api.customers.search({ query: q, offset: 0, limit: 5 }).then((r) => live && setResult({ query: q, items: r.ok ? r.value.items : [] }));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);

  return (
    <div className="requests__picker">
      <TextField id={id} label={t('requests.form.customer.search')} value={query} onChange={setQuery} autoComplete="off" testId={id} />
      {found && found.length === 0 && <p className="muted">{t('requests.form.customer.noMatch')}</p>}
      {found && found.length > 0 && (
        <ul className="requests__picks" data-testid={`${id}-results`}>
          {found.map((c) => (
            <li key={c.id}>
              <span>
                {c.name}
                {c.phoneDisplay ? <span className="muted"> · {c.phoneDisplay}</span> : null}
              </span>
              <button type="button" className="button button--small button--outline" onClick={() => onPick({ id: c.id, name: c.name })} data-testid={`${id}-pick-${c.id}`}>
                {t('requests.form.customer.choose')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
