import { z } from 'zod';
import type { Convert, Converted } from './cells.js';

const fail = (zh: string, en: string): Converted => ({ error: { zh, en } });

/**
 * A date as YYYY-MM-DD from "2024-03-05", "2024/3/5", "2024.3.5" or "2024年3月5日"; a time after
 * it is dropped (an .xlsx date cell arrives as ISO text).
 */
export const toDate: Convert = (text) => {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text);
  if (!m) return fail(`「${text}」不是有效的日期（如 2024-03-05）`, `"${text}" is not a date (e.g. 2024-03-05)`);
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) return fail(`日期「${text}」不存在`, `There is no date "${text}"`);
  return { value: iso };
};

const yes = new Set(['true', 'yes', 'y', '1', '是', '确认', '√']);
const no = new Set(['false', 'no', 'n', '0', '否', '不确认', '×']);

/** Yes/no text (true/false, yes/no, 1/0, 是/否) to a boolean, or undefined when it is neither. */
export const yesNo = (text: string): boolean | undefined => {
  const t = text.trim().toLowerCase();
  return yes.has(t) ? true : no.has(t) ? false : undefined;
};

/** A yes/no cell. */
export const toYesNo: Convert = (text) => {
  const v = yesNo(text);
  return v === undefined ? fail(`「${text}」应为 是 或 否`, `"${text}" should be yes or no`) : { value: v };
};

/** A yes/no multipart form field. */
export const yesNoField = z.string().transform((s, ctx) => {
  const v = yesNo(s);
  if (v === undefined) ctx.addIssue({ code: 'custom', message: '应为 true 或 false | must be true or false' });
  return v ?? false;
});

/** Discount in percent: "10", "10%", "12.5" (an Excel percent cell arrives as "10%"). Fractions such as 0.1 mean 0.1%. */
export const toDiscountPercent: Convert = (text) => {
  const t = text.replace(/\s*[%％]$/, '').trim();
  if (!/^\d+(\.\d+)?$/.test(t)) return fail(`「${text}」不是有效的折扣百分比（如 10 或 10%）`, `"${text}" is not a discount percent (e.g. 10 or 10%)`);
  return { value: Number(t) };
};
