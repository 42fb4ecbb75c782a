import { useTranslation } from 'react-i18next';
import { DocumentList } from '../components/DocumentList';

/** 期初库存: the opening-balance documents, newest first. */
export default function OpeningListPage() {
  const { t } = useTranslation();
  return <DocumentList title={t('stock.docs.openingTitle')} kind="opening" newPath="/stock/opening/new" newLabel={t('stock.opening.add')} />;
}
