import { useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/TextField';
import { DEFAULT_AUTHORITY, SHOP_NAME_MAX, SHOP_TEXT_MAX, type ErrorCode, type FieldErrorCode, type ShopProfile } from '../../contract';
import type { MessageKey } from '../../i18n/translate';
import { errorKey, fieldErrorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';

type Key = 'name' | 'address' | 'whatsapp' | 'phone' | 'email' | 'authority' | 'backupId' | 'backupEn';
const LABELS: Record<Key, MessageKey> = {
  name: 'notice.profile.name',
  address: 'notice.profile.address',
  whatsapp: 'notice.profile.whatsapp',
  phone: 'notice.profile.phone',
  email: 'notice.profile.email',
  authority: 'notice.profile.authority',
  backupId: 'notice.profile.backupId',
  backupEn: 'notice.profile.backupEn',
};
const ORDER: Key[] = ['name', 'address', 'whatsapp', 'phone', 'email', 'authority', 'backupId', 'backupEn'];
/** The vault's error keys (the input's paths) → this form's inputs. */
const FROM_PATH: Record<string, Key> = { 'backupPlace.id': 'backupId', 'backupPlace.en': 'backupEn' };

const toForm = (p: ShopProfile): Record<Key, string> => ({
  name: p.name,
  address: p.address,
  whatsapp: p.whatsapp,
  phone: p.phone,
  email: p.email,
  authority: p.authority || DEFAULT_AUTHORITY,
  backupId: p.backupPlace.id,
  backupEn: p.backupPlace.en,
});

/** Who the shop is and how to reach it, as the notice prints it. Read-only for roles that cannot change it. */
export function ShopProfileForm({ profile, readOnly }: { profile: ShopProfile; readOnly: boolean }) {
  const t = useT();
  const saveShopProfile = useStore((s) => s.saveShopProfile);
  const showNotice = useStore((s) => s.showNotice);
  const [v, setV] = useState<Record<Key, string>>(() => toForm(profile));
  const [errors, setErrors] = useState<Partial<Record<Key, FieldErrorCode>>>({});
  const [error, setError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (k: Key, value: string) => {
    setV({ ...v, [k]: value });
    setErrors((e) => ({ ...e, [k]: undefined }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const found: Partial<Record<Key, FieldErrorCode>> = {};
    for (const k of ['name', 'address', 'authority'] as const) if (!v[k].trim()) found[k] = 'required';
    setErrors(found);
    const first = ORDER.find((k) => found[k]);
    if (first) {
      document.getElementById(`shop-${first}`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const res = await saveShopProfile({
      name: v.name.trim(),
      address: v.address.trim(),
      whatsapp: v.whatsapp.trim(),
      phone: v.phone.trim(),
      email: v.email.trim(),
      authority: v.authority.trim(),
      backupPlace: { id: v.backupId.trim(), en: v.backupEn.trim() },
    });
    setBusy(false);
    if (res.ok) showNotice('notice.profile.saved');
    else if (res.error.code === 'invalid_input' && res.error.fields) {
      const server = Object.fromEntries(Object.entries(res.error.fields).map(([k, code]) => [FROM_PATH[k] ?? k, code]));
      setErrors(server);
      const firstBad = ORDER.find((k) => server[k]);
      if (firstBad) document.getElementById(`shop-${firstBad}`)?.focus();
      else setError('invalid_input');
    } else setError(res.error.code);
  };

  if (readOnly) {
    return (
      <section className="notice-screen__section" aria-labelledby="shop-profile-title" data-testid="shop-profile">
        <h2 id="shop-profile-title" className="subsection-title">
          {t('notice.profile.title')}
        </h2>
        <dl className="notice-screen__facts">
          {ORDER.filter((k) => v[k].trim()).map((k) => (
            <div key={k}>
              <dt>{t(LABELS[k])}</dt>
              <dd>{v[k]}</dd>
            </div>
          ))}
        </dl>
      </section>
    );
  }

  const field = (k: Key, opts: { required?: boolean; type?: 'email' | 'tel'; hint?: MessageKey; max?: number } = {}) => (
    <TextField
      id={`shop-${k}`}
      label={t(LABELS[k])}
      value={v[k]}
      onChange={(x) => set(k, x)}
      error={errors[k] ? t(fieldErrorKey(errors[k])) : undefined}
      hint={opts.hint ? t(opts.hint) : undefined}
      required={opts.required}
      requiredLabel={t('common.required')}
      type={opts.type}
      maxLength={opts.max ?? SHOP_TEXT_MAX}
      testId={`shop-${k}`}
    />
  );
  return (
    <section className="notice-screen__section" aria-labelledby="shop-profile-title" data-testid="shop-profile">
      <h2 id="shop-profile-title" className="subsection-title">
        {t('notice.profile.title')}
      </h2>
      <p className="muted">{t('notice.profile.intro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        {error && <Alert>{t(errorKey(error))}</Alert>}
        <div className="form-grid">
          {field('name', { required: true, max: SHOP_NAME_MAX })}
          {field('address', { required: true })}
          {field('whatsapp', { type: 'tel', max: 40 })}
          {field('phone', { type: 'tel', max: 40 })}
          {field('email', { type: 'email', max: 200 })}
          {field('authority', { required: true, hint: 'notice.profile.authorityHint' })}
          {field('backupId', { hint: 'notice.profile.backupHint' })}
          {field('backupEn')}
        </div>
        <div className="dialog__actions">
          <span className="spacer" />
          <button type="submit" className="button button--primary" disabled={busy} data-testid="shop-profile-save">
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
