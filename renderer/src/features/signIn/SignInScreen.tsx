import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { AuthLayout } from '../../components/AuthLayout';
import { TextField } from '../../components/TextField';
import type { AppError, Person } from '../../contract';
import { errorKey, useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/translate';
import { useStore } from '../../store';
import { OtpStep } from './OtpStep';
import { PersonPicker } from './PersonPicker';
import { useCountdown } from './useCountdown';

const reasonKey: Record<'idle' | 'system' | 'recovered' | 'restored' | 'restoreUndone', MessageKey> = {
  idle: 'signIn.lockedIdle',
  system: 'signIn.lockedSystem',
  recovered: 'signIn.recovered',
  restored: 'signIn.restored',
  restoreUndone: 'signIn.restoreUndone',
};

/** Seconds to wait when the main process says "too many attempts" without saying how long. */
const DEFAULT_WAIT_SECONDS = 30;

interface Props {
  ownerName: string;
  people: Person[];
  /** Strict mode with the vault still closed. */
  strict: boolean;
}

type Problem = { where: 'person' | 'password' | 'otp' | 'form'; key: MessageKey };

/** Sign in on a shared PC: pick who you are, type your password, then (with 2FA) the code. */
export function SignInScreen({ ownerName, people, strict }: Props) {
  const t = useT();
  const signIn = useStore((s) => s.signIn);
  const lockReason = useStore((s) => s.lockReason);
  const lastPersonId = useStore((s) => s.lastPersonId);
  const [picked, setPicked] = useState<number | null>(null);
  const [password, setPassword] = useState('');
  const [otp, setOtp] = useState('');
  const [step, setStep] = useState<'password' | 'otp'>('password');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const countdown = useCountdown();
  const passwordRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const otpRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  // Only someone still on the list can be selected; one person alone, or the last one here, is preselected.
  const onList = (id: number | null) => id !== null && people.some((p) => p.id === id);
  const fallback = people.length === 1 ? people[0]!.id : onList(lastPersonId) ? lastPersonId : null;
  const staffId = onList(picked) ? picked : fallback;
  const person = people.find((p) => p.id === staffId) ?? null;
  const waiting = countdown.remaining > 0;

  const selectPerson = (id: number) => {
    setPicked(id);
    setPassword('');
    setProblem(null);
    countdown.reset();
  };

  const failed = (error: AppError, where: 'password' | 'otp') => {
    if (error.code === 'too_many_attempts') {
      countdown.start(error.retryAfterSeconds ?? DEFAULT_WAIT_SECONDS);
      setProblem(null);
      return;
    }
    if (error.code === 'otp_required') {
      setStep('otp');
      setOtp('');
      setProblem(null);
      return;
    }
    if (where === 'otp' && error.code === 'wrong_otp') {
      setProblem({ where: 'otp', key: errorKey('wrong_otp') });
      setOtp('');
      otpRef.current?.focus();
      return;
    }
    // A wrong password (or anything else) goes back to the password.
    setStep('password');
    setPassword('');
    setOtp('');
    setProblem({ where: error.code === 'wrong_password' ? 'password' : 'form', key: errorKey(error.code) });
    passwordRef.current?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || waiting) return;
    if (staffId === null) {
      setProblem({ where: 'person', key: 'signIn.pickPerson' });
      document.querySelector<HTMLInputElement>('input[name="signin-person"]')?.focus();
      return;
    }
    if (password.length === 0) {
      setProblem({ where: 'password', key: 'field.required' });
      passwordRef.current?.focus();
      return;
    }
    setBusy(true);
    const res = await signIn({ staffId, password });
    setBusy(false);
    if (!res.ok) failed(res.error, 'password');
  };

  const submitOtp = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || waiting || staffId === null) return;
    const code = otp.trim();
    if (code.length === 0) {
      setProblem({ where: 'otp', key: 'field.required' });
      otpRef.current?.focus();
      return;
    }
    setBusy(true);
    const res = await signIn({ staffId, password, otp: code });
    setBusy(false);
    if (!res.ok) failed(res.error, 'otp');
  };

  const back = () => {
    setStep('password');
    setPassword('');
    setOtp('');
    setProblem(null);
  };

  const wait = waiting && (
    <>
      {/* Announced once; the visible text below counts down without re-announcing every second. */}
      <div className="alert alert--error" data-testid="signin-wait">
        <span aria-hidden="true">{t('error.too_many_attempts', { seconds: countdown.remaining })}</span>
      </div>
      <WaitAnnouncement text={t('error.too_many_attempts', { seconds: countdown.remaining })} />
    </>
  );
  const submitLabel = (idle: string, working: string) =>
    waiting ? t('signIn.wait', { seconds: countdown.remaining }) : busy ? working : idle;

  if (step === 'otp' && person) {
    return (
      <AuthLayout>
        <OtpStep
          name={person.name}
          value={otp}
          onChange={(v) => {
            setOtp(v);
            if (problem?.where === 'otp') setProblem(null);
          }}
          error={problem?.where === 'otp' ? t(problem.key) : undefined}
          inputRef={otpRef}
          onSubmit={submitOtp}
          onBack={back}
          disabled={busy || waiting}
          submitLabel={submitLabel(t('signIn.verify'), t('signIn.submitting'))}
          notice={wait}
        />
      </AuthLayout>
    );
  }

  const notice = lockReason && lockReason !== 'switch' && !problem ? reasonKey[lockReason] : null;
  return (
    <AuthLayout>
      <h1 className="card__title">{t('signIn.title')}</h1>
      <p className="lead" data-testid="owner-name">
        {t('signIn.welcome', { name: ownerName })}
      </p>
      {notice && <Alert tone="info">{t(notice)}</Alert>}
      {strict && (
        <p className="callout callout--warn" data-testid="signin-strict">
          {t('signIn.strict')}
        </p>
      )}
      {people.length === 0 ? (
        <Alert>{t('signIn.noPeople')}</Alert>
      ) : (
        <form className="form" onSubmit={submit} noValidate>
          <PersonPicker
            people={people}
            selected={staffId}
            onSelect={selectPerson}
            autoFocus={staffId === null}
            error={problem?.where === 'person' ? t(problem.key) : undefined}
          />
          {problem?.where === 'form' && <Alert>{t(problem.key)}</Alert>}
          {wait}
          <TextField
            id="signin-password"
            label={t('signIn.password')}
            type="password"
            value={password}
            onChange={(v) => {
              setPassword(v);
              if (problem?.where === 'password') setProblem(null);
            }}
            autoComplete="current-password"
            autoFocus={staffId !== null}
            inputRef={passwordRef}
            error={problem?.where === 'password' ? t(problem.key) : undefined}
            testId="signin-password"
          />
          <div className="actions">
            <button type="submit" className="button button--primary button--block" disabled={busy || waiting} data-testid="signin-submit">
              {submitLabel(t('signIn.submit'), t('signIn.submitting'))}
            </button>
          </div>
        </form>
      )}
    </AuthLayout>
  );
}

/** A one-time assertive announcement of the first text it is given. */
function WaitAnnouncement({ text }: { text: string }) {
  const [first] = useState(text);
  return (
    <div className="sr-only" role="alert">
      {first}
    </div>
  );
}
