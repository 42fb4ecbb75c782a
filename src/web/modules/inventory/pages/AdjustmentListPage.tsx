import { useTranslation } from 'react-i18next';
import { DocumentList } from '../components/DocumentList';

/** 库存调整: the adjustment documents (报损/报溢/调整, and 期初), newest first. */
export default function AdjustmentListPage() {
  const { t } = useTranslation();
  return <DocumentList title={t('stock.docs.title')} newPath="/stock/adjustments/new" newLabel={t('stock.adjust.add')} />;
}
