import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { ProgressBar } from '../../components/ProgressBar';
import { TextField } from '../../components/TextField';
import { PASSPHRASE_MAX, type BackupInfo } from '../../contract';
import { errorKey, fieldErrorKey, useT } from '../../i18n/useT';
import { beforeSignIn, useStore, type RestoreFlow as Flow } from '../../store';
import { formatMoment } from '../staff/when';
import { countsText, formatMegabytes } from './backupText';

/**
 * Restoring, step by step: pick the file (system dialog) → the backup passphrase → verified preview →
 * restore. The same screens in Settings ('vault'), on the first-run screen ('firstRun') and on the
 * recovery / "cannot be opened" screens ('rescue').
 * The passphrase lives only in this component while the flow is open.
 */
export function RestoreFlow({ flow, onCancel }: { flow: Flow; onCancel(): void }) {
  const receiveJobProgress = useStore((s) => s.receiveJobProgress);
  const [passphrase, setPassphrase] = useState('');
  const first = useRef(true);

  // No main screen listens on the first-run screen; a duplicate listener only sets the same value.
  useEffect(() => api.on('job.progress', receiveJobProgress), [receiveJobProgress]);

  // A new step replaces what had focus: move it to the step's heading.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (flow.step !== 'passphrase') document.getElementById('restore-step-title')?.focus();
  }, [flow.step]);

  return (
    <div className="restore" data-testid="restore-flow" data-step={flow.step}>
      {flow.step === 'pick' && <PickStep flow={flow} onCancel={onCancel} />}
      {(flow.step === 'passphrase' || flow.step === 'checking') && (
        <PassphraseStep flow={flow} passphrase={passphrase} setPassphrase={setPassphrase} onCancel={onCancel} />
      )}
      {flow.step === 'preview' && flow.info && <PreviewStep flow={flow} info={flow.info} passphrase={passphrase} onCancel={onCancel} />}
      {flow.step === 'running' && <RunningStep />}
    </div>
  );
}

function StepTitle({ children }: { children: string }) {
  return (
    <h3 id="restore-step-title" className="section-title" tabIndex={-1}>
      {children}
    </h3>
  );
}

function PickStep({ flow, onCancel }: { flow: Flow; onCancel(): void }) {
  const t = useT();
  const pickRestoreFile = useStore((s) => s.pickRestoreFile);
  return (
    <div className="step">
      <StepTitle>{t('restore.pick.title')}</StepTitle>
      <p className="dialog__body">{beforeSignIn(flow.mode) ? t('restore.pick.explainFirstRun') : t('restore.pick.explain')}</p>
      {flow.error && <Alert>{t(errorKey(flow.error))}</Alert>}
      <div className="actions actions--split">
        <button type="button" className="button button--ghost" onClick={onCancel} data-testid="restore-cancel">
          {t('common.cancel')}
        </button>
        <button type="button" className="button button--primary" onClick={() => void pickRestoreFile()} disabled={flow.picking} data-autofocus autoFocus={beforeSignIn(flow.mode)} data-testid="restore-pick">
          {flow.picking ? t('restore.pick.picking') : t('restore.pick.button')}
        </button>
      </div>
    </div>
  );
}

function PassphraseStep({ flow, passphrase, setPassphrase, onCancel }: { flow: Flow; passphrase: string; setPassphrase(v: string): void; onCancel(): void }) {
  const t = useT();
  const inspectRestore = useStore((s) => s.inspectRestore);
  const restoreBack = useStore((s) => s.restoreBack);
  const [missing, setMissing] = useState(false);
  const inputRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const checking = flow.step === 'checking';
  const wrong = flow.error === 'wrong_passphrase';

  // Open on the field; after a wrong passphrase, back on it with the text selected.
  useEffect(() => {
    if (checking) return;
    inputRef.current?.focus();
    if (wrong) inputRef.current?.select();
  }, [checking, wrong]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (checking) return;
    if (passphrase === '') {
      setMissing(true);
      inputRef.current?.focus();
      return;
    }
    await inspectRestore(passphrase);
  };

  return (
    <form className="form step" onSubmit={submit} noValidate aria-labelledby="restore-step-title" aria-busy={checking || undefined}>
      <StepTitle>{t('restore.passphrase.title')}</StepTitle>
      <p className="dialog__body">
        {t('restore.passphrase.file')} <span className="backup-facts__mono" data-testid="restore-file">{flow.file?.fileName}</span>
      </p>
      {flow.error && !wrong && <Alert>{t(errorKey(flow.error))}</Alert>}
      <TextField
        id="restore-passphrase"
        label={t('restore.passphrase.label')}
        type="password"
        autoComplete="off"
        value={passphrase}
        onChange={(v) => {
          setPassphrase(v);
          setMissing(false);
        }}
        hint={t('restore.passphrase.hint')}
        error={wrong ? t(errorKey('wrong_passphrase')) : missing ? t(fieldErrorKey('required')) : undefined}
        maxLength={PASSPHRASE_MAX}
        inputRef={inputRef}
        testId="restore-passphrase"
      />
      <div className="actions actions--split">
        <span className="actions__group">
          <button type="button" className="button button--ghost" onClick={onCancel} data-testid="restore-cancel">
            {t('common.cancel')}
          </button>
          <button type="button" className="button button--outline" onClick={restoreBack} disabled={checking} data-testid="restore-back">
            {t('restore.passphrase.otherFile')}
          </button>
        </span>
        <button type="submit" className="button button--primary" disabled={checking} data-testid="restore-inspect">
          {checking ? t('restore.passphrase.checking') : t('restore.passphrase.check')}
        </button>
      </div>
    </form>
  );
}

function PreviewStep({ flow, info, passphrase, onCancel }: { flow: Flow; info: BackupInfo; passphrase: string; onCancel(): void }) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const runRestore = useStore((s) => s.runRestore);
  const restoreBack = useStore((s) => s.restoreBack);
  return (
    <div className="step">
      <StepTitle>{t('restore.preview.title')}</StepTitle>
      <p className="alert alert--info">{t('restore.preview.verified')}</p>
      <dl className="backup-facts" data-testid="restore-preview">
        <dt>{t('backup.fact.file')}</dt>
        <dd className="backup-facts__mono">{info.fileName}</dd>
        <dt>{t('restore.preview.created')}</dt>
        <dd data-testid="restore-preview-date">{formatMoment(locale, info.createdAt)}</dd>
        <dt>{t('restore.preview.shop')}</dt>
        <dd data-testid="restore-preview-shop">{info.shopName ?? t('restore.preview.noShop')}</dd>
        <dt>{t('restore.preview.appVersion')}</dt>
        <dd data-testid="restore-preview-version">{info.appVersion}</dd>
        <dt>{t('backup.fact.contents')}</dt>
        <dd data-testid="restore-preview-counts">{countsText(t, info.counts)}</dd>
        <dt>{t('backup.fact.size')}</dt>
        <dd>{formatMegabytes(locale, info.bytes)}</dd>
      </dl>
      {info.erasedAgain > 0 && (
        <p className="alert alert--info" data-testid="restore-preview-erased">
          {t('restore.preview.erasedAgain', { count: info.erasedAgain })}
        </p>
      )}
      {flow.error && <Alert>{t(errorKey(flow.error))}</Alert>}
      <div className={beforeSignIn(flow.mode) ? 'callout callout--safe' : 'callout callout--warn'} id="restore-warning" data-testid="restore-warning">
        {flow.mode === 'firstRun' ? (
          <p>{t('restore.preview.firstRunNote')}</p>
        ) : flow.mode === 'rescue' ? (
          <>
            <p>{t('restore.preview.firstRunNote')}</p>
            <p>{t('restore.rescue.kept')}</p>
          </>
        ) : (
          <>
            <p className="backup__strong">{t('restore.preview.replace')}</p>
            <p>{t('restore.preview.kept')}</p>
          </>
        )}
        <p>{t('restore.preview.signIn')}</p>
      </div>
      <div className="actions actions--split">
        <span className="actions__group">
          <button type="button" className="button button--ghost" onClick={onCancel} data-testid="restore-cancel">
            {t('common.cancel')}
          </button>
          <button type="button" className="button button--outline" onClick={restoreBack} data-testid="restore-back">
            {t('restore.preview.back')}
          </button>
        </span>
        <button
          type="button"
          className={beforeSignIn(flow.mode) ? 'button button--primary' : 'button button--danger'}
          onClick={() => void runRestore(passphrase)}
          aria-describedby="restore-warning"
          data-testid="restore-run"
        >
          {beforeSignIn(flow.mode) ? t('restore.preview.runFirstRun') : t('restore.preview.run')}
        </button>
      </div>
    </div>
  );
}

function RunningStep() {
  const t = useT();
  const progress = useStore((s) => (s.jobProgress?.job === 'restore' ? s.jobProgress : null));
  const cancelRestore = useStore((s) => s.cancelRestore);
  const [cancelling, setCancelling] = useState(false);
  return (
    <div className="step" aria-busy="true" data-testid="restore-progress">
      <StepTitle>{t('restore.running.title')}</StepTitle>
      <ProgressBar label={t('restore.running.title')} progress={progress} percent />
      <p className="callout callout--warn" role="status">
        {t('restore.running.note')}
      </p>
      <div className="actions">
        <button
          type="button"
          className="button button--outline"
          disabled={cancelling}
          onClick={() => {
            setCancelling(true);
            void cancelRestore();
          }}
          data-testid="restore-cancel-run"
        >
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
