import { AuthLayout } from '../../components/AuthLayout';
import type { ErrorCode } from '../../contract';
import { errorKey, useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/translate';
import { useStore } from '../../store';
import { RestoreOffer } from '../backup/FirstRunRestore';

type Step = 'update' | 'restore' | 'support';

/** What the owner can do, per reason; the order is the order worth trying. */
const stepsFor: Partial<Record<ErrorCode, Step[]>> = {
  vault_too_new: ['update', 'support'],
  migration_mismatch: ['update', 'restore', 'support'],
  corrupt_vault: ['restore', 'support'],
  not_a_vault: ['restore', 'support'],
  wrong_key: ['restore', 'support'],
};
const stepKey: Record<Step, MessageKey> = {
  update: 'unavailable.todo.update',
  restore: 'unavailable.todo.restore',
  support: 'unavailable.todo.support',
};

/**
 * The vault file exists but cannot be opened at all. Nothing was changed; say what to do. Where a
 * restore is one of the steps, it can be started here (the files here are kept until Keep or Put back).
 */
export function UnavailableScreen({ reason }: { reason: ErrorCode }) {
  const t = useT();
  const loadStatus = useStore((s) => s.loadStatus);
  const steps = stepsFor[reason] ?? ['restore', 'support'];
  return (
    <AuthLayout>
      <h1 className="card__title">{t('unavailable.title')}</h1>
      <p className="lead" data-testid="unavailable-reason" data-reason={reason}>
        {t(errorKey(reason))}
      </p>
      <p className="callout callout--safe">{t('unavailable.unchanged')}</p>
      <h2 className="section-title">{t('unavailable.whatToDo')}</h2>
      <ol className="steps">
        {steps.map((step) => (
          <li key={step}>{t(stepKey[step], { code: reason })}</li>
        ))}
      </ol>
      <div className="actions">
        <button type="button" className="button" onClick={() => void loadStatus()}>
          {t('unavailable.retry')}
        </button>
      </div>
      {steps.includes('restore') && <RestoreOffer mode="rescue" />}
    </AuthLayout>
  );
}
