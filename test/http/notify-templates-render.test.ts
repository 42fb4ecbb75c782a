import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render, notificationEvents, checkTemplate } from '../../src/server/modules/notify/templates.js';
import { exampleData } from '../../src/server/modules/notify/notification-events.js';
import { createTestApp, dialectLabel, type TestApp } from '../support/index.js';

describe(`message templates: defaults render for every event and language ${dialectLabel}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('renders each default with its example data, leaving no tag behind', async () => {
    expect(notificationEvents.length).toBeGreaterThanOrEqual(14);
    for (const e of notificationEvents) {
      for (const lang of ['zh-CN', 'en'] as const) {
        const m = await render(t.db, e.event, lang, exampleData(e));
        for (const form of [m.subject, m.text, m.html, m.markdown]) {
          expect(form, `${e.event} ${lang}`).not.toMatch(/\{\{|\}\}/);
          expect(form.length, `${e.event} ${lang}`).toBeGreaterThan(5);
        }
        expect(checkTemplate(e.event, e.defaults[lang].body)).toEqual([]);
        expect(checkTemplate(e.event, e.defaults[lang].subject)).toEqual([]);
      }
    }
  });

  it('formats money in fen, dates per language, escapes HTML and lists lines', async () => {
    const data = { shopName: '<b>鑫源</b>', customerName: 'A & B', number: 'SO-1', total: 123450, tax: 5, expectedDate: '2026-12-03',
      lines: [{ name: '合页', quantity: 1234, unit: '个', total: 100 }, { name: '螺丝', quantity: 2, unit: '盒', total: 250 }] };
    const zh = await render(t.db, 'order.confirmed', 'zh-CN', data);
    expect(zh.subject).toBe('【<b>鑫源</b>】您的订单 SO-1 已确认');
    expect(zh.text).toContain('合计 ¥1,234.50（含税 ¥0.05）');
    expect(zh.text).toContain('2026年12月3日');
    expect(zh.text).toContain('· 合页 × 1,234个，¥1.00\n· 螺丝 × 2盒，¥2.50');
    expect(zh.html).toContain('A &amp; B');
    expect(zh.html).not.toContain('<b>');
    const en = await render(t.db, 'order.confirmed', 'en', { ...data, expectedDate: null });
    expect(en.text).toContain('Total ¥1,234.50');
    expect(en.text).not.toContain('Expected delivery');
    expect((await render(t.db, 'order.confirmed', 'en', data)).text).toContain('Expected delivery: 3 Dec 2026');
  });

  it('names unknown placeholders, including fields of a list used outside it', () => {
    expect(checkTemplate('order.confirmed', '{{number}} {{nope}} {{#each lines}}{{sku}}{{/each}} {{sku}}')).toEqual(['nope', 'sku']);
    expect(checkTemplate('order.confirmed', '{{#each number}}x{{/each}}')).toEqual(['#each number']);
  });
});
