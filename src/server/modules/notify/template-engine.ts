// The message template language, pure: `{{name}}`, `{{#each list}}…{{/each}}` and
// `{{#if name}}…{{/if}}`. Nothing is evaluated: a tag names a value, and values are formatted by
// the type their placeholder declares (money in fen → ¥1,234.50, dates in the language's style).

export type Lang = 'zh-CN' | 'en';
export type RenderedMessage = { subject: string; text: string; html: string; markdown: string };

export type PlaceholderType = 'text' | 'number' | 'money' | 'date' | 'datetime' | 'url' | 'list';
export type Placeholder = {
  name: string;
  type: PlaceholderType;
  zh: string;
  en: string;
  example: unknown;
  /** The fields of each item of a list placeholder. */
  fields?: Placeholder[];
};
export type TemplateText = { subject: string; body: string };

type Node = { t: 'text'; v: string } | { t: 'var'; name: string } | { t: 'block'; kind: 'each' | 'if'; name: string; body: Node[] };

/** A template that cannot be parsed (an unclosed block, a stray `{{`). */
export class TemplateSyntaxError extends Error {
  constructor(readonly zh: string, readonly en: string) {
    super(en);
  }
}

const TAG = /\{\{\s*(#each|#if|\/each|\/if)?\s*([A-Za-z][A-Za-z0-9_]*)?\s*\}\}/g;

/** Parses a template into nodes; throws TemplateSyntaxError on anything but the three tag forms. */
export function parseTemplate(src: string): Node[] {
  const root: Node[] = [];
  const stack: { kind: 'each' | 'if'; name: string; body: Node[] }[] = [];
  const out = () => (stack.length ? stack[stack.length - 1].body : root);
  let at = 0;
  const literal = (s: string) => {
    const stray = s.search(/\{\{|\}\}/);
    if (stray >= 0) throw new TemplateSyntaxError(`无法识别的标记：${s.slice(stray, stray + 20)}`, `Unrecognised tag: ${s.slice(stray, stray + 20)}`);
    if (s) out().push({ t: 'text', v: s });
  };
  for (const m of src.matchAll(TAG)) {
    literal(src.slice(at, m.index));
    at = m.index + m[0].length;
    const [, op, name] = m;
    if (!op) {
      if (!name) throw new TemplateSyntaxError('空的占位符 {{}}', 'Empty placeholder {{}}');
      out().push({ t: 'var', name });
    } else if (op === '#each' || op === '#if') {
      if (!name) throw new TemplateSyntaxError(`${op} 缺少名称`, `${op} needs a name`);
      if (stack.some((b) => b.kind === 'each') && op === '#each') throw new TemplateSyntaxError('{{#each}} 不能嵌套', '{{#each}} cannot be nested');
      const block = { kind: op.slice(1) as 'each' | 'if', name, body: [] as Node[] };
      out().push({ t: 'block', ...block });
      stack.push(block);
    } else {
      const open = stack.pop();
      if (!open || `/${open.kind}` !== op) throw new TemplateSyntaxError(`多余或不匹配的 {{${op}}}`, `Unmatched {{${op}}}`);
    }
  }
  literal(src.slice(at));
  if (stack.length) throw new TemplateSyntaxError(`{{#${stack[0].kind} ${stack[0].name}}} 没有结束标记`, `{{#${stack[0].kind} ${stack[0].name}}} is not closed`);
  return root;
}

/** The placeholder names a template uses that the event does not offer (in order, once each). */
export function unknownPlaceholders(nodes: Node[], placeholders: Placeholder[]): string[] {
  const unknown = new Set<string>();
  const walk = (list: Node[], scope: Placeholder[]) => {
    for (const n of list) {
      if (n.t === 'text') continue;
      const p = scope.find((x) => x.name === n.name);
      if (!p) unknown.add(n.name);
      else if (n.t === 'block' && n.kind === 'each' && p.type !== 'list') unknown.add(`#each ${n.name}`);
      if (n.t === 'block') walk(n.body, n.kind === 'each' && p?.fields ? [...p.fields, ...scope] : scope);
    }
  };
  walk(nodes, placeholders);
  return [...unknown];
}

type Sink = { text: (s: string) => string; value: (s: string, p: Placeholder | undefined) => string; joinLines: (s: string) => string };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const safeUrl = (s: string) => /^(https?:\/\/|\/)[^\s"'<>]*$/i.test(s);
// Values must not open links, code or HTML in a robot's markdown; other characters stay as they are.
const escapeMd = (s: string) => s.replace(/([`[\]<>])/g, '\\$1');

const sinks: Record<'text' | 'html' | 'markdown', Sink> = {
  text: { text: (s) => s, value: (s) => s, joinLines: (s) => s },
  html: {
    text: escapeHtml,
    value: (s, p) => (p?.type === 'url' && safeUrl(s) ? `<a href="${escapeHtml(s)}">${escapeHtml(s)}</a>` : escapeHtml(s)),
    joinLines: (s) => s.trim().split(/\n{2,}/).map((para) => `<p>${para.replace(/\n/g, '<br>\n')}</p>`).join('\n'),
  },
  markdown: {
    text: (s) => s,
    value: (s, p) => (p?.type === 'url' && safeUrl(s) ? `[${escapeMd(s)}](${s})` : escapeMd(s)),
    // Group robots need a blank line or two trailing spaces for a line break.
    joinLines: (s) => s.trim().split(/\n{2,}/).map((para) => para.replace(/\n/g, '  \n')).join('\n\n'),
  },
};

/** Formats a value by its placeholder's type in the language's style; missing values are empty. */
export function formatValue(v: unknown, p: Placeholder | undefined, lang: Lang): string {
  if (v === null || v === undefined) return '';
  // Texts in both languages ({zh, en}, as approval reasons are) and lists of plain values.
  if (isPair(v)) return lang === 'en' ? v.en : v.zh;
  if (Array.isArray(v) && p?.type !== 'list') return v.map((x) => formatValue(x, p, lang)).filter(Boolean).join(lang === 'en' ? '; ' : '；');
  switch (p?.type) {
    case 'money':
      return typeof v === 'number' ? formatFen(v) : String(v);
    case 'number':
      return typeof v === 'number' ? v.toLocaleString(lang === 'en' ? 'en-US' : 'zh-CN') : String(v);
    case 'date':
    case 'datetime':
      return formatDate(String(v), lang, p.type === 'datetime');
    default:
      return typeof v === 'object' ? '' : String(v);
  }
}

const isPair = (v: unknown): v is { zh: string; en: string } => typeof v === 'object' && v !== null && typeof (v as { zh?: unknown }).zh === 'string' && typeof (v as { en?: unknown }).en === 'string';

/** ¥1,234.50 from fen (integer minor units). */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  const yuan = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 2026年12月3日 / 3 Dec 2026 (with HH:mm in the business time zone for timestamps). */
export function formatDate(v: string, lang: Lang, withTime: boolean, timeZone = 'Asia/Shanghai'): string {
  let y: number, m: number, d: number, hm = '';
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (plain) [y, m, d] = [Number(plain[1]), Number(plain[2]), Number(plain[3])];
  else {
    const at = new Date(v);
    if (Number.isNaN(at.getTime())) return v;
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at).map((x) => [x.type, x.value]));
    [y, m, d] = [Number(parts.year), Number(parts.month), Number(parts.day)];
    if (withTime) hm = `${parts.hour}:${parts.minute}`;
  }
  if (lang === 'en') return `${d} ${months[m - 1]} ${y}${hm ? `, ${hm}` : ''}`;
  return `${y}年${m}月${d}日${hm ? ` ${hm}` : ''}`;
}

const truthy = (v: unknown) => (Array.isArray(v) ? v.length > 0 : v !== null && v !== undefined && v !== '' && v !== false);

function renderNodes(nodes: Node[], scope: { data: Record<string, unknown>; placeholders: Placeholder[] }[], lang: Lang, sink: Sink): string {
  const lookup = (name: string) => {
    for (const s of scope) if (name in s.data || s.placeholders.some((p) => p.name === name)) return { v: s.data[name], p: s.placeholders.find((p) => p.name === name) };
    return { v: undefined, p: undefined };
  };
  let out = '';
  for (const n of nodes) {
    if (n.t === 'text') out += sink.text(n.v);
    else if (n.t === 'var') {
      const { v, p } = lookup(n.name);
      out += sink.value(formatValue(v, p, lang), p);
    } else {
      const { v, p } = lookup(n.name);
      if (n.kind === 'if') {
        if (truthy(v)) out += renderNodes(n.body, scope, lang, sink);
      } else if (Array.isArray(v)) {
        for (const item of v) out += renderNodes(n.body, [{ data: (item ?? {}) as Record<string, unknown>, placeholders: p?.fields ?? [] }, ...scope], lang, sink);
      }
    }
  }
  return out;
}

/** Renders a subject and body with `data` into the four forms the channels send. */
export function renderMessage(template: TemplateText, placeholders: Placeholder[], lang: Lang, data: Record<string, unknown>): RenderedMessage {
  const scope = [{ data, placeholders }];
  const subjectNodes = parseTemplate(template.subject);
  const bodyNodes = parseTemplate(template.body);
  const subject = renderNodes(subjectNodes, scope, lang, sinks.text).replace(/\s+/g, ' ').trim();
  const text = renderNodes(bodyNodes, scope, lang, sinks.text).trim();
  const html = sinks.html.joinLines(renderNodes(bodyNodes, scope, lang, sinks.html));
  const mdSubject = renderNodes(subjectNodes, scope, lang, sinks.markdown).replace(/\s+/g, ' ').trim();
  const markdown = `### ${mdSubject}\n\n${sinks.markdown.joinLines(renderNodes(bodyNodes, scope, lang, sinks.markdown))}`;
  return { subject, text, html, markdown };
}
