/**
 * The access pack's PDF — the entry point vault/access calls:
 *   renderAccessPack(data, lang, meta)  A4 PDF in the customer's language (id or en)
 * Same input, same bytes: the PDF is dated from the data's `generatedAt`.
 */
import type { Lang } from '../../contract/i18n';
import { renderPdf } from './render';
import type { AccessPackData } from './templates/access-pack-data';
import { accessPackModel, type AccessPackMeta } from './templates/access-pack';

export function renderAccessPack(data: AccessPackData, lang: Lang, meta: AccessPackMeta): Promise<Buffer> {
  return renderPdf(accessPackModel(data, lang, meta));
}
