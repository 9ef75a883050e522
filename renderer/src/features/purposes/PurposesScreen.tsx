import { useT } from '../../i18n/useT';
import { usePermission } from '../../store/permissions';
import { FieldCatalogue } from '../fields/FieldCatalogue';
import { PurposeList } from './PurposeList';

/**
 * Privacy › Purposes & consent: what the shop collects and why. The field catalogue and the purposes
 * it serves are changed together (settings.manage); every other role reads the purposes, each with
 * the fields it uses, so anyone at the counter can tell a customer why a detail is asked for.
 */
export function PurposesScreen() {
  const t = useT();
  const canManage = usePermission('settings.manage');
  return (
    <section className="page" aria-labelledby="privacy-purposes-title" data-testid="purposes-page">
      <h1 id="privacy-purposes-title" className="page-title">
        {t('privacy.purposes.title')}
      </h1>
      <p className="page__intro">{t('privacy.purposes.intro')}</p>
      {canManage ? (
        <section className="page__part" aria-labelledby="fields-title">
          <h2 id="fields-title" className="purposes__title">
            {t('privacy.fields.title')}
          </h2>
          <FieldCatalogue />
        </section>
      ) : (
        <p className="muted" data-testid="purposes-read-only">
          {t('privacy.purposes.readOnly')}
        </p>
      )}
      <PurposeList readOnly={!canManage} />
    </section>
  );
}
