import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/TextField';
import type { ErrorCode, Result } from '../../contract';
import { formatList } from '../../i18n/translate';
import { errorKey, fieldErrorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';

/** What the user typed, as the server compares it: no spaces or dashes, upper case. */
export const normaliseGroup = (value: string) => value.replace(/[\s-]+/g, '').toUpperCase();

interface Props {
  challenge: number[];
  onShowAgain(): void;
  /** Checks the answers; by default `vault.confirmRecoveryCode` (after a restore, the code just shown). */
  onConfirm?: (answers: string[]) => Promise<Result<unknown>>;
}

/** Asks for the groups at the challenge indexes and sends them to `vault.confirmRecoveryCode` (or `onConfirm`). */
export function RecoveryCodeConfirm({ challenge, onShowAgain, onConfirm }: Props) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const confirmInVault = useStore((s) => s.confirmRecoveryCode);
  const confirm = onConfirm ?? confirmInVault;
  const [answers, setAnswers] = useState<string[]>(() => challenge.map(() => ''));
  const [missing, setMissing] = useState<boolean[]>(() => challenge.map(() => false));
  const [error, setError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const firstRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  const ordinals = challenge.map((i) => t('recovery.ordinal', { n: i + 1 }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const empty = answers.map((a) => normaliseGroup(a) === '');
    setMissing(empty);
    const firstEmpty = empty.indexOf(true);
    if (firstEmpty >= 0) {
      document.getElementById(`recovery-answer-${firstEmpty}`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const res = await confirm(answers.map(normaliseGroup));
    setBusy(false);
    if (!res.ok) {
      setError(res.error.code);
      firstRef.current?.focus();
      firstRef.current?.select();
    }
  };

  return (
    <section aria-labelledby="recovery-confirm-title">
      <h1 id="recovery-confirm-title" className="card__title">
        {t('recovery.confirmTitle')}
      </h1>
      <p className="lead" id="recovery-confirm-prompt">
        {t('recovery.confirmPrompt', { list: formatList(locale, ordinals) })}
      </p>
      {error && <Alert>{t(errorKey(error))}</Alert>}
      <form className="form" onSubmit={submit} noValidate aria-describedby="recovery-confirm-prompt">
        <div className="answer-grid">
          {challenge.map((groupIndex, i) => (
            <TextField
              key={groupIndex}
              id={`recovery-answer-${i}`}
              label={t('recovery.answerLabel', { n: groupIndex + 1 })}
              value={answers[i] ?? ''}
              onChange={(v) => setAnswers((a) => a.map((old, j) => (j === i ? v : old)))}
              error={missing[i] ? t(fieldErrorKey('required')) : undefined}
              autoFocus={i === 0}
              inputRef={i === 0 ? firstRef : undefined}
              mono
              spellCheck={false}
              maxLength={20}
              testId={`recovery-answer-${i}`}
            />
          ))}
        </div>
        <div className="actions actions--split">
          <button type="button" className="button button--ghost" onClick={onShowAgain}>
            {t('recovery.showAgain')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="recovery-confirm-submit">
            {busy ? t('recovery.confirming') : t('recovery.confirm')}
          </button>
        </div>
      </form>
    </section>
  );
}
