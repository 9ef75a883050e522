import { useEffect, useRef, useState } from 'react';
import { SelectField } from '../../components/SelectField';
import type { Lang } from '../../contract';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';

/**
 * A request document for the customer — the receipt, or the reply once there is an outcome — as a
 * PDF saved where the person chooses, or as a short text to paste into the customer's WhatsApp chat,
 * in the language they read. Both are made (and recorded on the request) by the vault.
 */
export function DocOutputs({ kind, number, initialLang }: { kind: 'receipt' | 'reply'; number: number; initialLang: Lang }) {
  const t = useT();
  const save = useStore((s) => s.saveRequestDoc);
  const text = useStore((s) => s.requestDocText);
  const showNotice = useStore((s) => s.showNotice);
  const [lang, setLang] = useState<Lang>(initialLang);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<{ value: string; copied: boolean } | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const id = `request-${kind}-${number}`;

  useEffect(() => {
    if (shown && !shown.copied) textRef.current?.select();
  }, [shown]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    await work();
    setBusy(false);
  };
  const onSave = () =>
    run(async () => {
      const res = await save(kind, number, lang);
      if (res.ok && res.value) showNotice('requests.docs.saved', { file: res.value.fileName });
    });
  const onCopy = () =>
    run(async () => {
      const res = await text(kind, number, lang);
      if (!res.ok) return;
      try {
        await navigator.clipboard.writeText(res.value);
        setShown({ value: res.value, copied: true });
        showNotice('requests.docs.copied');
      } catch {
        setShown({ value: res.value, copied: false });
      }
    });

  return (
    <div className="requests__doc" role="group" aria-label={t(kind === 'receipt' ? 'requests.docs.receipt' : 'requests.docs.reply')} data-testid={id}>
      <div className="requests__doc-row">
        <SelectField
          id={`${id}-lang`}
          label={t('requests.docs.lang')}
          value={lang}
          onChange={(v) => {
            setLang(v as Lang);
            setShown(null);
          }}
          options={[
            { value: 'id', label: t('notice.lang.id') },
            { value: 'en', label: t('notice.lang.en') },
          ]}
          testId={`${id}-lang`}
        />
        <div className="actions">
          <button type="button" className="button button--outline button--small" disabled={busy} onClick={() => void onSave()} data-testid={`${id}-pdf`}>
            {t(kind === 'receipt' ? 'requests.docs.receipt' : 'requests.docs.reply')}
          </button>
          <button type="button" className="button button--outline button--small" disabled={busy} onClick={() => void onCopy()} data-testid={`${id}-copy`}>
            {t(kind === 'receipt' ? 'requests.docs.receiptText' : 'requests.docs.replyText')}
          </button>
        </div>
      </div>
      {shown && (
        <div className="field">
          {!shown.copied && <p className="muted">{t('requests.docs.select')}</p>}
          <label className="field__label" htmlFor={`${id}-text`}>
            {t('requests.docs.text')}
          </label>
          <textarea id={`${id}-text`} ref={textRef} className="input" readOnly rows={6} value={shown.value} data-testid={`${id}-text`} />
        </div>
      )}
    </div>
  );
}
