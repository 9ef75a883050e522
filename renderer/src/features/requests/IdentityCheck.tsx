import { useState } from 'react';
import { TextField } from '../../components/TextField';
import { IDENTITY_CHECKS, type IdentityCheck as Check } from '../../contract';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';

/** What was checked to know it is the person concerned, in proportion — never a photo of an ID card. */
export function IdentityCheck({ number }: { number: number }) {
  const t = useT();
  const record = useStore((s) => s.recordIdentity);
  const showNotice = useStore((s) => s.showNotice);
  const [checks, setChecks] = useState<Check[]>([]);
  const [note, setNote] = useState('');
  const toggle = (c: Check, on: boolean) => setChecks((list) => (on ? [...list, c] : list.filter((x) => x !== c)));
  const save = async () => {
    const res = await record(number, checks, note.trim() || undefined);
    if (res.ok) {
      setChecks([]);
      setNote('');
      showNotice('requests.identity.saved');
    }
  };
  return (
    <section className="requests__section" aria-labelledby="request-identity-title">
      <h2 id="request-identity-title" className="section-title">
        {t('requests.identity')}
      </h2>
      <p className="muted">{t('requests.identity.hint')}</p>
      <div className="requests__checks" role="group" aria-labelledby="request-identity-title">
        {IDENTITY_CHECKS.map((c) => (
          <label key={c} className="check">
            <input type="checkbox" checked={checks.includes(c)} onChange={(e) => toggle(c, e.target.checked)} data-testid={`identity-${c}`} />
            <span>{t(`requests.identity.${c}`)}</span>
          </label>
        ))}
      </div>
      <TextField id={`identity-note-${number}`} label={t('requests.identity.note')} value={note} onChange={setNote} maxLength={1000} />
      <div className="actions">
        <button type="button" className="button button--outline button--small" disabled={checks.length === 0} onClick={() => void save()} data-testid="identity-save">
          {t('requests.identity.save')}
        </button>
      </div>
    </section>
  );
}
