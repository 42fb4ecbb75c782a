import type { z } from 'zod';
import type { DbOrTx } from '../../db/create-db.js';
import type { ExportColumn } from '../../platform/export.js';
import { abcXyz } from './abc-xyz.js';
import type { moreExportQuery } from './analytics-stock.schemas.js';
import { customerCategories, customerRfm } from './customer-figures.js';
import type { Filters } from './filters.js';
import { ageBuckets, slowMoving, stockAgeing } from './stock-age.js';
import { stockTurnover } from './stock-turnover.js';
import { supplierKpis, supplierOrders } from './supplier-figures.js';

// The rows and columns of each stock, customer and supplier figure as a spreadsheet.

type Query = z.infer<typeof moreExportQuery>;
type Col = ExportColumn<never>;
type Sheet = { rows: unknown[]; columns: Col[]; name: { zh: string; en: string } };
const col = (key: string, zh: string, en: string, width?: number): Col => ({ key, zh, en, ...(width ? { width } : {}) });
const money = (key: string, zh: string, en: string): Col => ({ key, zh, en, money: true });

/** One figure's export sheet. */
export async function exportOf(db: DbOrTx, q: Query, f: Filters): Promise<Sheet> {
  switch (q.figure) {
    case 'turnover': {
      const r = await stockTurnover(db, f, q.by, q.limit);
      const label = { product: ['商品', 'Product'], category: ['分类', 'Category'], warehouse: ['仓库', 'Warehouse'] }[q.by];
      return {
        rows: r.rows, name: { zh: '库存周转', en: 'stock-turnover' },
        columns: [col('code', '编码', 'Code'), col('name', label[0], label[1], 24), money('cogs', '销售成本', 'Cost of goods'), money('openingValue', '期初库存金额', 'Opening value'),
          money('closingValue', '期末库存金额', 'Closing value'), money('averageValue', '平均库存金额', 'Average value'), col('turnover', '周转次数', 'Turnover'),
          col('daysOfInventory', '周转天数', 'Days of inventory'), col('unitsSold', '净销量', 'Units sold'), col('onHand', '现有库存', 'On hand'), col('daysOfSupply', '可供天数', 'Days of supply')],
      };
    }
    case 'abc-xyz': {
      const r = await abcXyz(db, f, { aPercent: q.aPercent, bPercent: q.bPercent, xMax: q.xMax, yMax: q.yMax }, { limit: q.limit });
      return {
        rows: r.rows, name: { zh: 'ABC-XYZ分析', en: 'abc-xyz' },
        columns: [col('rank', '排名', 'Rank'), col('sku', '商品编码', 'SKU'), col('name', '商品', 'Product', 24), money('revenue', '净销售额', 'Net sales'), col('sharePercent', '占比%', 'Share %'),
          col('cumulativePercent', '累计占比%', 'Cumulative %'), col('abc', 'ABC', 'ABC'), col('cv', '变异系数', 'CV'), col('xyz', 'XYZ', 'XYZ')],
      };
    }
    case 'slow-moving': {
      const r = await slowMoving(db, f, q.days, q.limit);
      return {
        rows: r.rows, name: { zh: '滞销库存', en: 'slow-moving' },
        columns: [col('sku', '商品编码', 'SKU'), col('name', '商品', 'Product', 24), col('warehouseName', '仓库', 'Warehouse'), col('lastSaleDay', '最后销售日期', 'Last sale'),
          col('daysSinceSale', '未销售天数', 'Days since sale'), col('onHand', '现有库存', 'On hand'), money('value', '库存金额', 'Value')],
      };
    }
    case 'ageing': {
      const r = await stockAgeing(db, f, q.limit);
      const rows = r.rows.map((x) => ({ ...x, ...Object.fromEntries(ageBuckets.flatMap((b, i) => [[`u${i}`, x.units[i]], [`v${i}`, x.values[i]]])) }));
      return {
        rows, name: { zh: '库龄分析', en: 'stock-ageing' },
        columns: [col('sku', '商品编码', 'SKU'), col('name', '商品', 'Product', 24), col('warehouseName', '仓库', 'Warehouse'), col('onHand', '现有库存', 'On hand'), money('value', '库存金额', 'Value'),
          ...ageBuckets.flatMap((b, i) => [col(`u${i}`, `${b.key}天数量`, `${b.key} days units`), money(`v${i}`, `${b.key}天金额`, `${b.key} days value`)])],
      };
    }
    case 'rfm': {
      const r = await customerRfm(db, f, { limit: q.limit });
      return {
        rows: r.rows, name: { zh: '客户RFM', en: 'customer-rfm' },
        columns: [col('code', '客户编码', 'Code'), col('name', '客户', 'Customer', 24), col('lastOrderDay', '最近下单', 'Last order'), col('recencyDays', '距今天数', 'Recency (days)'),
          col('frequency', '订单数', 'Orders'), money('monetary', '净销售额', 'Net sales'), col('r', 'R', 'R'), col('f', 'F', 'F'), col('m', 'M', 'M'),
          col('segmentZh', '客户分群', 'Segment (zh)', 16), col('segmentEn', 'Segment', 'Segment', 20)],
      };
    }
    case 'customer-categories': {
      const r = await customerCategories(db, f, q.limit);
      const rows = r.rows.flatMap((c) => c.categories.map((x) => ({ code: c.code, name: c.name, customerRevenue: c.revenue, category: r.categories.find((k) => k.categoryId === x.categoryId)?.name ?? '', ...x })));
      return {
        rows, name: { zh: '客户品类偏好', en: 'customer-categories' },
        columns: [col('code', '客户编码', 'Code'), col('name', '客户', 'Customer', 24), money('customerRevenue', '客户净销售额', 'Customer net sales'), col('category', '分类', 'Category', 16),
          money('revenue', '分类净销售额', 'Category net sales'), col('sharePercent', '占比%', 'Share %')],
      };
    }
    case 'suppliers': {
      const r = await supplierKpis(db, f, q.supplierId);
      return {
        rows: r.rows, name: { zh: '供应商绩效', en: 'supplier-kpis' },
        columns: [col('code', '编码', 'Code'), col('name', '供应商', 'Supplier', 24), col('orders', '采购订单', 'Orders'), col('receipts', '收货次数', 'Receipts'), col('onTimePercent', '准时到货率%', 'On time %'),
          col('promisedLeadDaysAverage', '承诺交期(平均)', 'Promised lead (avg)'), col('actualLeadDaysAverage', '实际交期(平均)', 'Actual lead (avg)'),
          col('actualLeadDaysMedian', '实际交期(中位数)', 'Actual lead (median)'), col('orderedUnits', '订购数量', 'Ordered'), col('receivedUnits', '到货数量', 'Received'), col('fillRatePercent', '满足率%', 'Fill rate %')],
      };
    }
    case 'supplier-orders': {
      const rows = (await supplierOrders(db, f, q.supplierId)).flatMap((o) => (o.receipts.length ? o.receipts : [null]).map((r) => ({ ...o, receipt: r?.number ?? '', day: r?.day ?? '', leadDays: r?.leadDays ?? null, onTime: r?.onTime ?? null })));
      return {
        rows, name: { zh: '采购到货明细', en: 'supplier-orders' },
        columns: [col('number', '采购单号', 'PO'), col('orderDate', '下单日期', 'Order date'), col('expectedDate', '预计到货', 'Expected'), col('receipt', '收货单号', 'Receipt'), col('day', '收货日期', 'Received on'),
          col('leadDays', '交期天数', 'Lead days'), col('onTime', '准时', 'On time'), col('ordered', '订购数量', 'Ordered'), col('received', '到货数量', 'Received')],
      };
    }
  }
}
