import { useTranslation } from 'react-i18next';
import type { StockCount } from '../count-api';

/** 整仓, or what the count is narrowed to: 库区 A · 3 个库位 · 指定类别 · 2 个商品. */
export function CountScopeText({ count }: { count: Pick<StockCount, 'scope'> }) {
  const { t } = useTranslation();
  const s = count.scope ?? {};
  const parts = [
    s.zone ? `${t('cnt.zone')} ${s.zone}` : '',
    s.binIds?.length ? t('cnt.scopeBins', { n: s.binIds.length }) : '',
    s.categoryId ? t('cnt.scopeCategory') : '',
    s.productIds?.length ? t('cnt.scopeProducts', { n: s.productIds.length }) : '',
  ].filter(Boolean);
  return <span data-testid="count-scope">{parts.length ? parts.join(' · ') : t('cnt.wholeWarehouse')}</span>;
}
