import type { Locale } from '../../platform/i18n.js';

// The customer's rating page at /feedback/{token}: the order, five stars and a comment box. One
// nonce'd inline script posts the answer to /api/v1/feedback/{token} and shows the outcome.

export type FeedbackFormView = { orderNumber: string; orderDate: string; answered: boolean; rating: number | null; lines: { productName: string; quantity: number; unit: string }[] };

const esc = (s: string | number | null | undefined) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const words = {
  title: { zh: '评价本次购物', en: 'Rate your order' }, order: { zh: '订单号', en: 'Order' }, date: { zh: '下单日期', en: 'Order date' },
  rating: { zh: '满意度', en: 'Rating' }, comment: { zh: '说说您的感受（选填）', en: 'Comments (optional)' }, send: { zh: '提交评价', en: 'Send' },
  done: { zh: '感谢您的评价！', en: 'Thank you for your feedback!' }, answered: { zh: '您已评价过这笔订单，感谢您的反馈！', en: 'You have already rated this order. Thank you!' },
  pick: { zh: '请选择 1–5 星', en: 'Choose 1 to 5 stars' }, failed: { zh: '提交失败，请稍后再试', en: 'Could not send, please try again' },
  notFound: { zh: '评价链接无效或已过期', en: 'This feedback link is not valid' },
};
const stars = { zh: ['非常不满意', '不满意', '一般', '满意', '非常满意'], en: ['Very poor', 'Poor', 'OK', 'Good', 'Excellent'] };

const style = 'body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;max-width:560px;margin:0 auto;padding:16px;color:#222;line-height:1.5}'
  + 'h1{font-size:1.3em}ul{padding-left:1.2em}fieldset{border:none;padding:0}label.star{display:block;margin:4px 0}.ok{color:#237804;font-weight:600}.err{color:#cf1322}nav{float:right;font-size:.9em}';

const script = (lang: string) => `(function(){var f=document.getElementById('ff'),o=document.getElementById('ff-out');f.addEventListener('submit',function(e){e.preventDefault();`
  + `var r=f.querySelector('input[name=rating]:checked');if(!r){o.textContent=f.getAttribute('data-pick');o.className='err';return;}var b=f.querySelector('button');b.disabled=true;`
  + `var body={rating:parseInt(r.value,10)},c=f.elements.comment.value.trim();if(c)body.comment=c;`
  + `fetch(location.pathname.replace('/feedback/','/api/v1/feedback/'),{method:'POST',headers:{'content-type':'application/json','accept-language':'${lang}'},body:JSON.stringify(body)})`
  + `.then(function(res){return res.json().then(function(j){if(res.ok){f.hidden=true;o.textContent=f.getAttribute('data-done');o.className='ok';}else{o.textContent=(j.error&&j.error.message)||f.getAttribute('data-failed');o.className='err';b.disabled=false;}});})`
  + `.catch(function(){o.textContent=f.getAttribute('data-failed');o.className='err';b.disabled=false;});});})();`;

/** The rating page (zh or en), or the not-found page when `view` is null. Everything shown is escaped. */
export function renderFeedbackPage(view: FeedbackFormView | null, locale: Locale, nonce: string): string {
  const en = locale === 'en';
  const w = (k: keyof typeof words) => (en ? words[k].en : words[k].zh);
  const head = (title: string) => `<!doctype html><html lang="${en ? 'en' : 'zh-CN'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${esc(title)}</title><style>${style}</style></head><body>`
    + '<nav><a href="?lang=zh">中文</a> · <a href="?lang=en">English</a></nav>';
  if (!view) return `${head(w('notFound'))}<h1>${esc(w('notFound'))}</h1></body></html>`;
  const lines = view.lines.map((l) => `<li>${esc(l.productName)} × ${esc(l.quantity)} ${esc(l.unit)}</li>`).join('');
  const top = `${head(`${w('title')} ${view.orderNumber}`)}<h1>${esc(w('title'))}</h1><p>${esc(w('order'))}: ${esc(view.orderNumber)}<br>${esc(w('date'))}: ${esc(view.orderDate)}</p><ul>${lines}</ul>`;
  if (view.answered) return `${top}<p class="ok">${esc(w('answered'))}</p></body></html>`;
  const names = en ? stars.en : stars.zh;
  const options = [5, 4, 3, 2, 1].map((n) => `<label class="star"><input type="radio" name="rating" value="${n}"> ${'★'.repeat(n)}${'☆'.repeat(5 - n)} ${esc(names[n - 1])}</label>`).join('');
  return `${top}<form id="ff" data-pick="${esc(w('pick'))}" data-done="${esc(w('done'))}" data-failed="${esc(w('failed'))}">`
    + `<fieldset><legend>${esc(w('rating'))}</legend>${options}</fieldset>`
    + `<p><label>${esc(w('comment'))}<br><textarea name="comment" rows="3" maxlength="2000" style="width:100%"></textarea></label></p>`
    + `<p><button type="submit">${esc(w('send'))}</button></p></form><p id="ff-out" role="status" aria-live="polite"></p>`
    + `<script nonce="${esc(nonce)}">${script(en ? 'en' : 'zh-CN')}</script></body></html>`;
}
