import { useEffect, useState } from 'react';
import { api } from '../../api';
import { TextField } from '../../components/TextField';
import { TARGET_DAYS_MAX } from '../../contract';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';

/** The shop's own target for types the law gives no hours (default 7 days). */
export function TargetSetting() {
  const t = useT();
  const showNotice = useStore((s) => s.showNotice);
  const noteError = useStore((s) => s.noteError);
  const [days, setDays] = useState('');
  useEffect(() => {
    void api.requests.settings().then((r) => r.ok && setDays(String(r.value.targetDays)));
  }, []);
  const n = Number(days);
  const valid = Number.isInteger(n) && n >= 1 && n <= TARGET_DAYS_MAX;
  const save = async () => {
    const res = await api.requests.saveSettings({ targetDays: n });
    if (res.ok) showNotice('requests.settings.saved', { days: res.value.targetDays });
    else noteError(res.error);
  };
  return (
    <form
      className="requests__target"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) void save();
      }}
      aria-labelledby="requests-target-title"
    >
      <h2 id="requests-target-title" className="section-title">
        {t('requests.settings')}
      </h2>
      <div className="requests__target-row">
        <TextField id="requests-target-days" label={t('requests.settings.days')} value={days} onChange={setDays} inputMode="numeric" testId="requests-target-days" />
        <button type="submit" className="button button--outline" disabled={!valid} data-testid="requests-target-save">
          {t('requests.settings.save')}
        </button>
      </div>
    </form>
  );
}
