import { describe, expect, it } from 'vitest';
import { formatDate, formatFen, parseTemplate, renderMessage, TemplateSyntaxError, unknownPlaceholders, type Placeholder } from './template-engine.js';

const ph = (name: string, type: Placeholder['type'], fields?: Placeholder[]): Placeholder => ({ name, type, zh: name, en: name, example: null, ...(fields ? { fields } : {}) });
const placeholders = [ph('who', 'text'), ph('amount', 'money'), ph('day', 'date'), ph('link', 'url'), ph('lines', 'list', [ph('name', 'text'), ph('qty', 'number')])];
const text = (body: string, data: Record<string, unknown>, lang: 'zh-CN' | 'en' = 'zh-CN') => renderMessage({ subject: 's', body }, placeholders, lang, data).text;

describe('template engine', () => {
  it.each([
    [0, '¥0.00'], [5, '¥0.05'], [123450, '¥1,234.50'], [100000000, '¥1,000,000.00'], [-2550, '-¥25.50'],
  ])('formats %i fen as %s', (fen, shown) => expect(formatFen(fen)).toBe(shown));

  it.each([
    ['2026-12-03', 'zh-CN', false, '2026年12月3日'], ['2026-12-03', 'en', false, '3 Dec 2026'],
    ['2026-12-02T16:30:00.000Z', 'zh-CN', true, '2026年12月3日 00:30'], ['2026-12-02T16:30:00.000Z', 'en', true, '3 Dec 2026, 00:30'], ['soon', 'en', false, 'soon'],
  ] as const)('formats %s in %s', (v, lang, withTime, shown) => expect(formatDate(v, lang, withTime)).toBe(shown));

  it.each([
    ['{{who}}：{{amount}}', { who: '张三', amount: 1050 }, '张三：¥10.50'],
    ['{{#each lines}}{{name}}×{{qty}}{{who}};{{/each}}', { who: '!', lines: [{ name: 'a', qty: 1200 }, { name: 'b', qty: 2 }] }, 'a×1,200!;b×2!;'],
    ['[{{#if day}}{{day}}{{/if}}]', { day: null }, '[]'],
    ['[{{#if lines}}有{{/if}}]', { lines: [] }, '[]'],
    ['{{ who }} {{missing}}', { who: 'x' }, 'x'],
    ['{{who}}', { who: '{{amount}}' }, '{{amount}}'],
    ['{{who}}', { who: { toString: (): string => 'hack' } }, ''],
    ['{{who}}', { who: [{ zh: '超额', en: 'over' }, { zh: '新客户', en: 'new' }] }, '超额；新客户'],
  ])('renders %s', (body, data, expected) => expect(text(body, data)).toBe(expected));

  it('escapes values and text in HTML, links only http(s) and relative URLs', () => {
    const html = (link: string) => renderMessage({ subject: 's', body: 'a < b {{who}}\n{{link}}' }, placeholders, 'en', { who: '<script>x</script>', link }).html;
    expect(html('https://x.example/t/1')).toBe('<p>a &lt; b &lt;script&gt;x&lt;/script&gt;<br>\n<a href="https://x.example/t/1">https://x.example/t/1</a></p>');
    expect(html('javascript:alert(1)')).toContain('<br>\njavascript:alert(1)</p>');
  });

  it('keeps values from opening links or HTML in markdown', () => {
    const md = renderMessage({ subject: '{{who}}', body: '{{who}}' }, placeholders, 'en', { who: '[x](http://evil) <font>' }).markdown;
    expect(md).toBe('### \\[x\\](http://evil) \\<font\\>\n\n\\[x\\](http://evil) \\<font\\>');
  });

  it.each(['{{#each lines}}x', 'x{{/each}}', '{{#if who}}{{/each}}', '{{#each lines}}{{#each lines}}{{/each}}{{/each}}', '{{who', 'a }} b', '{{}}', '{{who.name}}', '{{#each}}{{/each}}'])(
    'refuses the syntax of %s', (src) => expect(() => parseTemplate(src)).toThrow(TemplateSyntaxError));

  it('names unknown placeholders once each, list fields only inside their block', () => {
    expect(unknownPlaceholders(parseTemplate('{{x}}{{x}}{{name}}{{#each lines}}{{name}}{{y}}{{/each}}{{#each who}}{{/each}}{{#if z}}{{/if}}'), placeholders)).toEqual(['x', 'name', 'y', '#each who', 'z']);
  });
});
