import { z } from 'zod';
import type { DbOrTx } from '../../db/create-db.js';
import type { Locale } from '../../platform/i18n.js';
import { orderShipping } from '../sales/index.js';

// The customer tracking page /t/{token}: what the holder of an order's link may see, no more —
// no prices, no customer data, no ids, no links into the app.

export const publicTrackingView = z.object({
  orderNumber: z.string(),
  status: z.string(),
  statusName: z.object({ zh: z.string(), en: z.string() }),
  requestedDate: z.string().nullable(),
  expectedDate: z.string().nullable().describe('Latest expected delivery date of the shipments on the way'),
  lines: z.array(z.object({ name: z.string(), unit: z.string(), ordered: z.number().int(), shipped: z.number().int(), backordered: z.number().int() })),
  shipments: z.array(z.object({
    carrier: z.object({ zh: z.string(), en: z.string() }), trackingNumber: z.string().nullable(), status: z.string(), shippedAt: z.string(), expectedDate: z.string().nullable(), deliveredAt: z.string().nullable(),
  })),
  events: z.array(z.object({ at: z.string(), status: z.string(), trackingNumber: z.string().nullable(), location: z.string().nullable(), description: z.string().nullable() })),
});
export type PublicTracking = z.infer<typeof publicTrackingView>;

const orderStatusNames: Record<string, { zh: string; en: string }> = {
  confirmed: { zh: '待发货', en: 'Preparing' }, partially_shipped: { zh: '部分发货', en: 'Partly shipped' }, shipped: { zh: '已发货', en: 'Shipped' },
  delivered: { zh: '已签收', en: 'Delivered' }, closed: { zh: '已完成', en: 'Completed' }, cancelled: { zh: '已取消', en: 'Cancelled' },
  draft: { zh: '处理中', en: 'Processing' }, pending_approval: { zh: '处理中', en: 'Processing' },
};
const eventNames: Record<string, { zh: string; en: string }> = {
  shipped: { zh: '已发货', en: 'Shipped' }, picked_up: { zh: '已揽收', en: 'Picked up' }, in_transit: { zh: '运输中', en: 'In transit' },
  out_for_delivery: { zh: '派送中', en: 'Out for delivery' }, delivered: { zh: '已签收', en: 'Delivered' }, exception: { zh: '异常', en: 'Exception' },
};

/** What the tracking link of `token` shows, or null for an unknown token. */
export async function publicTracking(db: DbOrTx, token: string): Promise<PublicTracking | null> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return null;
  const t = await db.selectFrom('orderTracking').select('orderId').where('token', '=', token).executeTakeFirst();
  if (!t) return null;
  const order = await orderShipping.orderHead(db, t.orderId);
  const open = orderShipping.shippable(order.status);
  const lines = await orderShipping.fulfilmentLines(db, [t.orderId]);
  const shipments = await db.selectFrom('shipments as s').innerJoin('carriers as c', 'c.id', 's.carrierId')
    .select(['s.id', 'c.name', 'c.nameEn', 's.trackingNumber', 's.status', 's.shippedAt', 's.expectedDate', 's.deliveredAt']).where('s.orderId', '=', t.orderId).orderBy('s.shippedAt').execute();
  const events = await db.selectFrom('trackingEvents').select(['shipmentId', 'status', 'at', 'location', 'description']).where('orderId', '=', t.orderId).orderBy('at', 'desc').orderBy('id', 'desc').execute();
  const tracking = new Map(shipments.map((s) => [s.id, s.trackingNumber]));
  const onTheWay = shipments.filter((s) => s.status !== 'delivered' && s.expectedDate).map((s) => s.expectedDate as string).sort();
  return {
    orderNumber: order.number, status: order.status, statusName: orderStatusNames[order.status] ?? { zh: order.status, en: order.status }, requestedDate: order.requestedDate,
    expectedDate: onTheWay.at(-1) ?? null,
    lines: lines.map((l) => ({ name: l.productName, unit: l.baseUnit, ordered: l.baseQuantity, shipped: l.shipped, backordered: open ? orderShipping.backorderedOf(l) : 0 })),
    shipments: shipments.map((s) => ({ carrier: { zh: s.name, en: s.nameEn }, trackingNumber: s.trackingNumber, status: s.status, shippedAt: s.shippedAt, expectedDate: s.expectedDate, deliveredAt: s.deliveredAt })),
    events: [
      ...events.map((e) => ({ at: e.at, status: e.status, trackingNumber: tracking.get(e.shipmentId) ?? null, location: e.location, description: e.description })),
      ...shipments.slice().reverse().map((s) => ({ at: s.shippedAt, status: 'shipped', trackingNumber: s.trackingNumber, location: null, description: null })),
    ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)),
  };
}

const esc = (s: string | number | null | undefined) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const words = {
  title: { zh: '订单物流跟踪', en: 'Order tracking' }, order: { zh: '订单号', en: 'Order' }, status: { zh: '状态', en: 'Status' },
  expected: { zh: '预计送达', en: 'Expected' }, items: { zh: '商品', en: 'Items' }, ordered: { zh: '订购', en: 'Ordered' }, shipped: { zh: '已发', en: 'Shipped' },
  backordered: { zh: '待补发', en: 'To follow' }, parcels: { zh: '包裹', en: 'Parcels' }, carrier: { zh: '快递公司', en: 'Carrier' }, tracking: { zh: '运单号', en: 'Tracking number' },
  timeline: { zh: '物流轨迹', en: 'Timeline' }, none: { zh: '尚未发货', en: 'Not shipped yet' }, notFound: { zh: '链接无效或已过期', en: 'This tracking link is not valid' },
};
type Word = keyof typeof words;

const style = 'body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;max-width:640px;margin:0 auto;padding:16px;color:#222;line-height:1.5}'
  + 'h1{font-size:1.3em}table{width:100%;border-collapse:collapse;margin:8px 0}td,th{text-align:left;padding:6px 4px;border-bottom:1px solid #eee}'
  + '.status{font-size:1.2em;font-weight:600}.muted{color:#777;font-size:.9em}ol{padding-left:1.2em}li{margin:6px 0}nav{float:right;font-size:.9em}';

/** Dates and times in the business time zone, in the page's language. */
const when = (iso: string, locale: Locale, tz: string) => new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', { timeZone: tz, dateStyle: 'medium', timeStyle: 'short' });

/** The tracking page (zh or en), or the not-found page when `view` is null. Everything shown is escaped. */
export function renderTrackingPage(view: PublicTracking | null, locale: Locale, tz: string): string {
  const w = (k: Word) => (locale === 'en' ? words[k].en : words[k].zh);
  const pick = (p: { zh: string; en: string }) => (locale === 'en' ? p.en : p.zh);
  const head = (title: string) => `<!doctype html><html lang="${locale === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${esc(title)}</title><style>${style}</style></head><body>`;
  // Switching language keeps the same page: a relative query link, nothing else in the app.
  const lang = `<nav><a href="?lang=zh">中文</a> · <a href="?lang=en">English</a></nav>`;
  if (!view) return `${head(w('notFound'))}${lang}<h1>${esc(w('notFound'))}</h1></body></html>`;
  const rows = view.lines.map((l) => `<tr><td>${esc(l.name)}</td><td>${esc(l.ordered)} ${esc(l.unit)}</td><td>${esc(l.shipped)}</td><td>${l.backordered ? esc(l.backordered) : ''}</td></tr>`).join('');
  const parcels = view.shipments.length
    ? view.shipments.map((s) => `<tr><td>${esc(pick(s.carrier))}</td><td>${esc(s.trackingNumber ?? '—')}</td><td>${esc(pick(eventNames[s.status] ?? { zh: s.status, en: s.status }))}</td></tr>`).join('')
    : `<tr><td colspan="3">${esc(w('none'))}</td></tr>`;
  const timeline = view.events.map((e) => `<li><strong>${esc(pick(eventNames[e.status] ?? { zh: e.status, en: e.status }))}</strong> <span class="muted">${esc(when(e.at, locale, tz))}${e.trackingNumber ? ` · ${esc(e.trackingNumber)}` : ''}</span>${e.location || e.description ? `<br>${esc([e.location, e.description].filter(Boolean).join(' · '))}` : ''}</li>`).join('');
  return `${head(`${w('title')} ${view.orderNumber}`)}${lang}<h1>${esc(w('title'))}</h1>`
    + `<p>${esc(w('order'))}: ${esc(view.orderNumber)}<br>${esc(w('status'))}: <span class="status">${esc(pick(view.statusName))}</span>`
    + `${view.expectedDate ? `<br>${esc(w('expected'))}: ${esc(view.expectedDate)}` : ''}</p>`
    + `<h2>${esc(w('items'))}</h2><table><tr><th></th><th>${esc(w('ordered'))}</th><th>${esc(w('shipped'))}</th><th>${esc(w('backordered'))}</th></tr>${rows}</table>`
    + `<h2>${esc(w('parcels'))}</h2><table><tr><th>${esc(w('carrier'))}</th><th>${esc(w('tracking'))}</th><th>${esc(w('status'))}</th></tr>${parcels}</table>`
    + (timeline ? `<h2>${esc(w('timeline'))}</h2><ol>${timeline}</ol>` : '')
    + '</body></html>';
}
