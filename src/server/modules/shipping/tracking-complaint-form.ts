import type { Locale } from '../../platform/i18n.js';
import { complaintCategoryNames } from '../feedback/index.js';

// The tracking page's 投诉 form: a category, what happened and how to reach the customer. Like the
// return form, one nonce'd script posts it to this token's complaints endpoint and shows the outcome.

const esc = (s: string | number | null | undefined) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const words = {
  title: { zh: '投诉与建议', en: 'Make a complaint' },
  category: { zh: '问题类型', en: 'What is it about' },
  description: { zh: '问题描述', en: 'What happened' },
  contact: { zh: '联系方式（选填）', en: 'How to reach you (optional)' },
  send: { zh: '提交投诉', en: 'Send complaint' },
  empty: { zh: '请描述遇到的问题', en: 'Please tell us what happened' },
  done: { zh: '已收到您的投诉，我们会在以下时间前处理：', en: 'We have your complaint and will deal with it by ' },
  failed: { zh: '提交失败，请稍后再试', en: 'Could not send, please try again' },
};
type Word = keyof typeof words;

const script = (lang: string, locale: string, tz: string) => `(function(){var f=document.getElementById('cf'),o=document.getElementById('cf-out');f.addEventListener('submit',function(e){e.preventDefault();`
  + `var d=f.elements.description.value.trim();if(!d){o.textContent=f.getAttribute('data-empty');o.className='err';return;}var b=f.querySelector('button');b.disabled=true;`
  + `var body={category:f.elements.category.value,description:d},c=f.elements.contact.value.trim();if(c)body.contact=c;`
  + `fetch(location.pathname.replace('/t/','/api/v1/track/')+'/complaints',{method:'POST',headers:{'content-type':'application/json','accept-language':'${lang}'},body:JSON.stringify(body)})`
  + `.then(function(res){return res.json().then(function(j){if(res.ok){var due=new Date(j.dueAt).toLocaleString('${locale}',{timeZone:'${tz}',dateStyle:'medium',timeStyle:'short'});`
  + `o.textContent=f.getAttribute('data-done')+due;o.className='ok';f.reset();}else{var x=(j.error&&j.error.details||[]).map(function(y){return y.message;}).filter(Boolean);`
  + `o.textContent=[(j.error&&j.error.message)||f.getAttribute('data-failed')].concat(x).join(' ');o.className='err';}});})`
  + `.catch(function(){o.textContent=f.getAttribute('data-failed');o.className='err';}).finally(function(){b.disabled=false;});});})();`;

/** 投诉与建议 on the tracking page (zh or en); the answer shows the time it will be dealt with by. */
export function complaintForm(locale: Locale, tz: string, nonce: string): string {
  const w = (k: Word) => (locale === 'en' ? words[k].en : words[k].zh);
  const options = Object.entries(complaintCategoryNames).map(([k, v]) => `<option value="${k}">${esc(locale === 'en' ? v.en : v.zh)}</option>`).join('');
  // The time zone goes into the script as a string literal: only a name like Asia/Shanghai passes.
  const zone = /^[A-Za-z_+\-/0-9]{1,64}$/.test(tz) ? tz : 'UTC';
  return `<h2>${esc(w('title'))}</h2><form id="cf" data-empty="${esc(w('empty'))}" data-done="${esc(w('done'))}" data-failed="${esc(w('failed'))}">`
    + `<p><label>${esc(w('category'))} <select name="category">${options}</select></label></p>`
    + `<p><label>${esc(w('description'))}<br><textarea name="description" rows="3" maxlength="4000" style="width:100%"></textarea></label></p>`
    + `<p><label>${esc(w('contact'))}<br><input name="contact" maxlength="200" autocomplete="tel" style="width:100%"></label></p>`
    + `<p><button type="submit">${esc(w('send'))}</button></p><p id="cf-out" role="status" aria-live="polite"></p></form>`
    + `<script nonce="${esc(nonce)}">${script(locale === 'en' ? 'en' : 'zh-CN', locale === 'en' ? 'en-GB' : 'zh-CN', zone)}</script>`;
}
