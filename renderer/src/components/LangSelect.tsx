import type { Lang } from '../contract';
import { useT } from '../i18n/useT';
import { SelectField } from './SelectField';

/** Which language a document is made in: Bahasa Indonesia or English. */
export function LangSelect({ id, label, value, onChange }: { id: string; label: string; value: Lang; onChange(lang: Lang): void }) {
  const t = useT();
  return (
    <SelectField
      id={id}
      label={label}
      value={value}
      onChange={(v) => onChange(v as Lang)}
      options={[
        { value: 'id', label: t('notice.lang.id') },
        { value: 'en', label: t('notice.lang.en') },
      ]}
      testId={id}
    />
  );
}
