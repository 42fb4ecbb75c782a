import { z } from 'zod';
import type { DbOrTx } from '../../db/create-db.js';
import type { Locale } from '../../platform/i18n.js';
import { returnableLines } from '../returns/index.js';
import { orderShipping } from '../sales/index.js';
import { complaintForm } from './tracking-complaint-form.js';

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
  returnable: z.array(z.object({ ref: z.string(), name: z.string(), unit: z.string(), shipped: z.number().int() }))
    .describe('Shipped lines the customer may ask to return from this page; ref is what POST /track/{token}/returns takes as orderLineId'),
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
  const left = order.status === 'cancelled' ? new Map<string, number>() : await returnableLines(db, lines.filter((l) => l.shipped > 0).map((l) => l.id));
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
    // Lines still returnable today (window open, not all asked back); requestReturn checks again.
    returnable: lines.filter((l) => left.has(l.id)).map((l) => ({ ref: l.id, name: l.productName, unit: l.baseUnit, shipped: left.get(l.id)! })),
  };
}

const esc = (s: string | number | null | undefined) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const words = {
  title: { zh: '订单物流跟踪', en: 'Order tracking' }, order: { zh: '订单号', en: 'Order' }, status: { zh: '状态', en: 'Status' },
  expected: { zh: '预计送达', en: 'Expected' }, items: { zh: '商品', en: 'Items' }, ordered: { zh: '订购', en: 'Ordered' }, shipped: { zh: '已发', en: 'Shipped' },
  backordered: { zh: '待补发', en: 'To follow' }, parcels: { zh: '包裹', en: 'Parcels' }, carrier: { zh: '快递公司', en: 'Carrier' }, tracking: { zh: '运单号', en: 'Tracking number' },
  timeline: { zh: '物流轨迹', en: 'Timeline' }, returnTitle: { zh: '申请退货', en: 'Request a return' }, returnQty: { zh: '退货数量', en: 'Quantity' },
  returnReason: { zh: '退货原因', en: 'Reason' }, returnNote: { zh: '补充说明', en: 'Note' }, returnSend: { zh: '提交退货申请', en: 'Send request' },
  returnNone: { zh: '请至少填写一件商品的退货数量', en: 'Enter a quantity for at least one item' }, returnDone: { zh: '已提交退货申请，退货单号：', en: 'Return requested. Your return number: ' },
  returnFailed: { zh: '提交失败，请稍后再试', en: 'Could not send, please try again' }, none: { zh: '尚未发货', en: 'Not shipped yet' }, notFound: { zh: '链接无效或已过期', en: 'This tracking link is not valid' },
};
type Word = keyof typeof words;
const reasons: Record<string, { zh: string; en: string }> = {
  damaged: { zh: '商品破损', en: 'Damaged' }, defective: { zh: '质量问题', en: 'Defective' }, wrong_item: { zh: '发错货', en: 'Wrong item' },
  not_as_described: { zh: '与描述不符', en: 'Not as described' }, no_longer_needed: { zh: '不想要了', en: 'No longer needed' }, other: { zh: '其他', en: 'Other' },
};

// The return form's few lines of script: collect the quantities, post to this token's returns endpoint, show the number or the server's message.
const returnScript = (lang: string) => `(function(){var f=document.getElementById('rf'),o=document.getElementById('rf-out');f.addEventListener('submit',function(e){e.preventDefault();`
  + `var lines=[],r=f.elements.reason.value;f.querySelectorAll('input[data-ref]').forEach(function(i){var q=parseInt(i.value,10);if(q>0)lines.push({orderLineId:i.getAttribute('data-ref'),quantity:q,reason:r});});`
  + `if(!lines.length){o.textContent=f.getAttribute('data-none');return;}var b=f.querySelector('button');b.disabled=true;var body={lines:lines},n=f.elements.note.value.trim();if(n)body.note=n;`
  + `fetch(location.pathname.replace('/t/','/api/v1/track/')+'/returns',{method:'POST',headers:{'content-type':'application/json','accept-language':'${lang}'},body:JSON.stringify(body)})`
  + `.then(function(res){return res.json().then(function(j){if(res.ok){o.textContent=f.getAttribute('data-done')+j.number;o.className='ok';f.reset();}else{var d=(j.error&&j.error.details||[]).map(function(x){return x.message;}).filter(Boolean);`
  + `o.textContent=[(j.error&&j.error.message)||f.getAttribute('data-failed')].concat(d).join(' ');o.className='err';}});})`
  + `.catch(function(){o.textContent=f.getAttribute('data-failed');o.className='err';}).finally(function(){b.disabled=false;});});})();`;

const style = 'body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;max-width:640px;margin:0 auto;padding:16px;color:#222;line-height:1.5}'
  + 'h1{font-size:1.3em}table{width:100%;border-collapse:collapse;margin:8px 0}td,th{text-align:left;padding:6px 4px;border-bottom:1px solid #eee}'
  + '.ok{color:#237804;font-weight:600}.err{color:#cf1322}.status{font-size:1.2em;font-weight:600}.muted{color:#777;font-size:.9em}ol{padding-left:1.2em}li{margin:6px 0}nav{float:right;font-size:.9em}';

/** Dates and times in the business time zone, in the page's language. */
const when = (iso: string, locale: Locale, tz: string) => new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', { timeZone: tz, dateStyle: 'medium', timeStyle: 'short' });

/** The tracking page (zh or en), or the not-found page when `view` is null. Everything shown is escaped. */
export function renderTrackingPage(view: PublicTracking | null, locale: Locale, tz: string, nonce = ''): string {
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
    + (view.returnable.length && nonce ? returnForm(view, locale, nonce) : '')
    + (nonce ? complaintForm(locale, tz, nonce) : '')
    + '</body></html>';
}

/** 申请退货: a quantity per shipped line, a reason and a note; the script posts them and shows the outcome. */
function returnForm(view: PublicTracking, locale: Locale, nonce: string): string {
  const w = (k: Word) => (locale === 'en' ? words[k].en : words[k].zh);
  const rows = view.returnable.map((l, i) => `<tr><td><label for="rq${i}">${esc(l.name)}</label></td><td><input id="rq${i}" type="number" min="0" max="${esc(l.shipped)}" step="1" value="" inputmode="numeric" data-ref="${esc(l.ref)}" style="width:5em"> / ${esc(l.shipped)} ${esc(l.unit)}</td></tr>`).join('');
  const options = Object.entries(reasons).map(([k, v]) => `<option value="${k}">${esc(locale === 'en' ? v.en : v.zh)}</option>`).join('');
  return `<h2>${esc(w('returnTitle'))}</h2><form id="rf" data-none="${esc(w('returnNone'))}" data-done="${esc(w('returnDone'))}" data-failed="${esc(w('returnFailed'))}">`
    + `<table><tr><th></th><th>${esc(w('returnQty'))}</th></tr>${rows}</table>`
    + `<p><label>${esc(w('returnReason'))} <select name="reason">${options}</select></label></p>`
    + `<p><label>${esc(w('returnNote'))}<br><textarea name="note" rows="2" maxlength="1000" style="width:100%"></textarea></label></p>`
    + `<p><button type="submit">${esc(w('returnSend'))}</button></p><p id="rf-out" role="status" aria-live="polite"></p></form>`
    + `<script nonce="${esc(nonce)}">${returnScript(locale === 'en' ? 'en' : 'zh-CN')}</script>`;
}
