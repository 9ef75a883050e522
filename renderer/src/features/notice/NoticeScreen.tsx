import { useEffect, useRef, useState } from 'react';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SelectField } from '../../components/SelectField';
import type { Lang, NoticeFileKind, NoticeStatus } from '../../contract';
import { formatDate } from '../../i18n/format';
import type { MessageKey } from '../../i18n/translate';
import { errorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { usePermission } from '../../store/permissions';
import { RecipientList } from './RecipientList';
import { ShopProfileForm } from './ShopProfileForm';

const SAVES: { kind: Exclude<NoticeFileKind, 'whatsapp'>; label: MessageKey }[] = [
  { kind: 'pdf', label: 'notice.save.pdf' },
  { kind: 'poster', label: 'notice.save.poster' },
  { kind: 'md', label: 'notice.save.md' },
];

/**
 * The privacy notice: which version is in force and whether it is out of date, the shop profile and
 * recipients it is made from, publishing a new version, and the outputs (PDF, poster, Markdown,
 * WhatsApp text). Everything is generated and frozen by the vault; this screen only asks.
 */
export function NoticeScreen() {
  const t = useT();
  const status = useStore((s) => s.noticeStatus);
  const profile = useStore((s) => s.shopProfile);
  const loadError = useStore((s) => s.noticeError);
  const loadNotice = useStore((s) => s.loadNotice);
  const canManage = usePermission('settings.manage');

  useEffect(() => {
    void loadNotice();
  }, [loadNotice]);

  return (
    <section className="page notice-screen" aria-labelledby="notice-title" data-testid="notice-screen">
      <h1 id="notice-title" className="page-title">
        {t('notice.title')}
      </h1>
      <p className="page__intro">{t('notice.intro')}</p>
      {!status ? (
        loadError ? (
          <>
            <Alert>{t(errorKey(loadError))}</Alert>
            <div className="actions">
              <button type="button" className="button button--outline" onClick={() => void loadNotice()}>
                {t('common.retry')}
              </button>
            </div>
          </>
        ) : (
          <p className="muted" role="status">
            {t('common.loading')}
          </p>
        )
      ) : (
        <>
          <StatusPanel status={status} canManage={canManage} />
          <Outputs draft={status.current === null} />
          {!canManage && <p className="callout callout--warn">{t('notice.profile.readOnly')}</p>}
          {profile && <ShopProfileForm profile={profile} readOnly={!canManage} />}
          <RecipientList readOnly={!canManage} />
        </>
      )}
    </section>
  );
}

function StatusPanel({ status, canManage }: { status: NoticeStatus; canManage: boolean }) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const publishNotice = useStore((s) => s.publishNotice);
  const showNotice = useStore((s) => s.showNotice);
  const [confirming, setConfirming] = useState(false);
  const next = (status.current?.number ?? 0) + 1;
  const parts = status.changed.map((p) => t(`notice.part.${p}`)).join(', ');

  return (
    <div className="notice-screen__status" data-testid="notice-status">
      {status.current ? (
        <>
          <p className="notice-screen__version" data-testid="notice-version">
            {t('notice.status.current', { number: status.current.number, date: formatDate(locale, status.current.date) })}
          </p>
          <p className="muted notice-screen__sha">{t('notice.status.sha', { sha: status.current.sha256 })}</p>
          {status.outOfDate ? (
            <div className="callout callout--warn" data-testid="notice-out-of-date">
              <strong>{t(canManage ? 'notice.status.outOfDate' : 'notice.status.outOfDateReadOnly')}</strong>
              {parts && <> {t('notice.status.changed', { number: status.current.number, parts })}</>}
            </div>
          ) : (
            <p className="callout callout--safe" data-testid="notice-up-to-date">
              {t('notice.status.upToDate')}
            </p>
          )}
        </>
      ) : (
        <>
          <p className="notice-screen__version" data-testid="notice-version">
            {t('notice.status.none')}
          </p>
          <p className="muted">{t('notice.status.noneHint')}</p>
        </>
      )}
      {canManage && (
        <div className="actions">
          <button
            type="button"
            className={status.current && !status.outOfDate ? 'button button--outline' : 'button button--primary'}
            onClick={() => setConfirming(true)}
            disabled={!status.profileReady}
            aria-describedby={status.profileReady ? undefined : 'notice-needs-profile'}
            data-testid="notice-publish"
          >
            {status.current ? t('notice.publish') : t('notice.publishFirst')}
          </button>
          {!status.profileReady && (
            <span id="notice-needs-profile" className="muted">
              {t('notice.publish.needsProfile')}
            </span>
          )}
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('notice.publish.title', { number: next })}
          body={t('notice.publish.body', { number: next })}
          confirmLabel={t('notice.publish.confirm')}
          busyLabel={t('notice.publish.busy')}
          onConfirm={publishNotice}
          onDone={() => {
            setConfirming(false);
            showNotice('notice.publish.done', { number: next });
          }}
          onCancel={() => setConfirming(false)}
          testId="notice-publish-confirm"
          confirmTestId="notice-publish-confirm-button"
        />
      )}
    </div>
  );
}

function Outputs({ draft }: { draft: boolean }) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const saveNoticeFile = useStore((s) => s.saveNoticeFile);
  const noticeWhatsapp = useStore((s) => s.noticeWhatsapp);
  const showNotice = useStore((s) => s.showNotice);
  const [lang, setLang] = useState<Lang>(locale);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const [whatsapp, setWhatsapp] = useState<{ text: string; copied: boolean } | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (whatsapp && !whatsapp.copied) textRef.current?.select();
  }, [whatsapp]);

  const save = async (kind: NoticeFileKind) => {
    setBusy(true);
    setError(null);
    const res = await saveNoticeFile(kind, lang);
    setBusy(false);
    if (!res.ok) setError(errorKey(res.error.code));
    else if (res.value) showNotice('notice.save.done', { file: res.value.fileName });
  };
  const copy = async () => {
    setError(null);
    const res = await noticeWhatsapp(lang);
    if (!res.ok) {
      setError(errorKey(res.error.code));
      return;
    }
    try {
      await navigator.clipboard.writeText(res.value);
      setWhatsapp({ text: res.value, copied: true });
      showNotice('notice.whatsapp.copied');
    } catch {
      // No clipboard here: the text is shown selected, to copy by hand.
      setWhatsapp({ text: res.value, copied: false });
    }
  };

  return (
    <div className="notice-screen__outputs" role="group" aria-labelledby="notice-outputs-title" data-testid="notice-outputs">
      <h2 id="notice-outputs-title" className="subsection-title">
        {t('notice.outputs')}
      </h2>
      <p className="muted">{draft ? t('notice.outputs.draftHint') : t('notice.outputs.hint')}</p>
      <div className="notice-screen__lang">
        <SelectField
          id="notice-lang"
          label={t('notice.lang')}
          value={lang}
          onChange={(v) => setLang(v as Lang)}
          options={[
            { value: 'id', label: t('notice.lang.id') },
            { value: 'en', label: t('notice.lang.en') },
          ]}
          testId="notice-lang"
        />
      </div>
      {error && <Alert>{t(error)}</Alert>}
      <div className="actions notice-screen__buttons">
        {SAVES.map((s) => (
          <button key={s.kind} type="button" className="button button--outline" onClick={() => void save(s.kind)} disabled={busy} data-testid={`notice-save-${s.kind}`}>
            {t(s.label)}
          </button>
        ))}
        <button type="button" className="button button--outline" onClick={() => void copy()} disabled={busy} data-testid="notice-copy-whatsapp">
          {t('notice.whatsapp.copy')}
        </button>
      </div>
      {whatsapp && (
        <div className="field">
          {!whatsapp.copied && <p className="muted">{t('notice.whatsapp.select')}</p>}
          <label className="field__label" htmlFor="notice-whatsapp-text">
            {t('notice.whatsapp.label')}
          </label>
          <textarea id="notice-whatsapp-text" ref={textRef} className="input" readOnly rows={8} value={whatsapp.text} data-testid="notice-whatsapp-text" />
        </div>
      )}
    </div>
  );
}
