import { useState } from 'react';
import { SelectField } from '../../components/SelectField';
import type { Lang } from '../../contract';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { usePermission } from '../../store/permissions';

/**
 * Access & copy (Pasal 7, 32) and portability (Pasal 13): everything held about the customer as
 * PDF, JSON and CSV — or what they provided, as JSON and CSV — into a folder the person picks.
 * Staff appear by role; only the Owner may name them.
 */
export function PackActions({ number, customerId, portable, initialLang }: { number: number; customerId: number; portable: boolean; initialLang: Lang }) {
  const t = useT();
  const save = useStore((s) => s.saveAccessPack);
  const showNotice = useStore((s) => s.showNotice);
  const isOwner = usePermission('security.manage');
  const [lang, setLang] = useState<Lang>(initialLang);
  const [staffNames, setStaffNames] = useState(false);
  const [busy, setBusy] = useState(false);
  const onSave = async () => {
    setBusy(true);
    const res = await save({ customerId, lang, staffNames, requestNumber: number, portable });
    setBusy(false);
    if (res.ok && res.value) showNotice('requests.pack.saved', { folder: res.value.folder, files: res.value.files.join(', ') });
  };
  return (
    <div className="requests__doc" data-testid="request-pack">
      <div className="requests__doc-row">
        {!portable && (
          <SelectField
            id="request-pack-lang"
            label={t('requests.pack.lang')}
            value={lang}
            onChange={(v) => setLang(v as Lang)}
            options={[
              { value: 'id', label: t('notice.lang.id') },
              { value: 'en', label: t('notice.lang.en') },
            ]}
            testId="request-pack-lang"
          />
        )}
        <button type="button" className="button button--primary button--small" disabled={busy} onClick={() => void onSave()} data-testid="request-pack-save">
          {t(portable ? 'requests.pack.portable' : 'requests.pack.save')}
        </button>
      </div>
      {!portable && isOwner && (
        <label className="check">
          <input type="checkbox" checked={staffNames} onChange={(e) => setStaffNames(e.target.checked)} data-testid="request-pack-names" />
          <span>{t('requests.pack.staffNames')}</span>
        </label>
      )}
    </div>
  );
}
