import { useState } from 'react';
import { LangSelect } from '../../components/LangSelect';
import { useCopyText } from '../../components/useCopyText';
import type { ConsentEntry, Lang } from '../../contract';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';

/**
 * The receipt of one ledger entry for the customer to keep: a PDF, or a short text to paste into
 * their WhatsApp chat, in the language they read. Both are made (and recorded) by the vault.
 */
export function ConsentReceipt({ entry, onClose }: { entry: ConsentEntry; onClose(): void }) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const saveReceipt = useStore((s) => s.saveConsentReceipt);
  const receiptText = useStore((s) => s.consentReceiptText);
  const showNotice = useStore((s) => s.showNotice);
  const [lang, setLang] = useState<Lang>(locale);
  const [busy, setBusy] = useState(false);
  const { shown: text, copy: copyText, clear, ref: textRef } = useCopyText();
  const id = `consent-receipt-${entry.id}`;

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    await work();
    setBusy(false);
  };
  const copy = () =>
    run(async () => {
      const res = await receiptText(entry.id, lang);
      if (res.ok && (await copyText(res.value))) showNotice('consent.receipt.copied');
    });

  return (
    <div className="consent__receipt" role="group" aria-labelledby={`${id}-title`} data-testid={id}>
      <h4 id={`${id}-title`} className="section-subtitle">
        {t('consent.receipt.title')}
      </h4>
      <div className="consent__receipt-row">
        <LangSelect
          id={`${id}-lang`}
          label={t('consent.receipt.lang')}
          value={lang}
          onChange={(v) => {
            setLang(v);
            clear();
          }}
        />
        <div className="actions">
          <button type="button" className="button button--outline button--small" disabled={busy} onClick={() => void run(async () => void (await saveReceipt(entry.id, lang)))} data-testid={`${id}-pdf`}>
            {t('consent.receipt.pdf')}
          </button>
          <button type="button" className="button button--outline button--small" disabled={busy} onClick={() => void copy()} data-testid={`${id}-copy`}>
            {t('consent.receipt.copy')}
          </button>
          <button type="button" className="button button--ghost button--small" onClick={onClose}>
            {t('consent.receipt.close')}
          </button>
        </div>
      </div>
      {text && (
        <div className="field">
          {!text.copied && <p className="muted">{t('consent.receipt.select')}</p>}
          <label className="field__label" htmlFor={`${id}-text`}>
            {t('consent.receipt.text')}
          </label>
          <textarea id={`${id}-text`} ref={textRef} className="input" readOnly rows={7} value={text.value} data-testid={`${id}-text`} />
        </div>
      )}
    </div>
  );
}
