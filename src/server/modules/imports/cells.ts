/** A message in both languages; the service renders it in the caller's. */
export type Text2 = { zh: string; en: string };

/** A cell's text turned into the value the API input expects, or why it could not be. */
export type Converted = { value: unknown } | { error: Text2 };

/** Turns one cell's trimmed, non-empty text into an input value. */
export type Convert = (text: string) => Converted;

const fail = (zh: string, en: string): Converted => ({ error: { zh, en } });

/** Items of a list cell: "a;b", "a；b", "a,b", "a、b" (export writes "a, b"). */
export const splitList = (text: string, separators = /[;；,，、|]/): string[] =>
  text.split(separators).map((s) => s.trim()).filter(Boolean);

const amount = /^-?(\d+|\d{1,3}(,\d{3})+)(\.\d*)?$/;

/**
 * Yuan text ("18", "18.3", "1,234.50", "¥18") to integer fen, exactly: the decimal string is
 * split rather than multiplied, so 18.3 is 1830 and never 1829.9999.
 */
export const yuanToFen: Convert = (text) => {
  const t = text.replace(/^[¥￥]\s*/, '').replace(/\s*元$/, '').trim();
  if (!amount.test(t)) return fail(`「${text}」不是有效的金额（单位：元，最多两位小数）`, `"${text}" is not an amount (in yuan, up to 2 decimals)`);
  const negative = t.startsWith('-');
  const [whole, frac = ''] = t.replace(/^-/, '').replace(/,/g, '').split('.');
  if (frac.length > 2) return fail(`金额「${text}」最多两位小数`, `Amount "${text}" has more than 2 decimals`);
  if (negative) return fail(`金额不能为负数：${text}`, `Amount cannot be negative: ${text}`);
  if (whole.length > 15) return fail(`金额「${text}」过大`, `Amount "${text}" is too large`);
  return { value: Number(whole) * 100 + Number(frac.padEnd(2, '0')) };
};

/**
 * A stated amount in yuan with up to 4 decimals ("261.96", "22.368", "3.9808") to fen, rounded half
 * up once (22.368 → 2237, 0.0050 → 1): the only rounding of a history line's amount or cost.
 */
export const yuanToFenHalfUp: Convert = (text) => {
  const t = text.replace(/^[¥￥$]\s*/, '').replace(/\s*元$/, '').trim();
  if (!amount.test(t)) return fail(`「${text}」不是有效的金额（单位：元，最多四位小数）`, `"${text}" is not an amount (in yuan, up to 4 decimals)`);
  if (t.startsWith('-')) return fail(`金额不能为负数：${text}`, `Amount cannot be negative: ${text}`);
  const [whole, frac = ''] = t.replace(/,/g, '').split('.');
  if (frac.length > 4) return fail(`金额「${text}」最多四位小数`, `Amount "${text}" has more than 4 decimals`);
  if (whole.length > 11) return fail(`金额「${text}」过大`, `Amount "${text}" is too large`);
  const tenThousandths = Number(whole) * 10000 + Number(frac.padEnd(4, '0'));
  return { value: Math.floor((tenThousandths + 50) / 100) };
};

/** Whole-number text ("30", "30天", "1,000"); decimals pass through so the schema names the rule broken. */
export const toInteger: Convert = (text) => {
  const t = text.replace(/\s*(天|days?|d)$/i, '').trim();
  if (!amount.test(t)) return fail(`「${text}」不是有效的数字`, `"${text}" is not a number`);
  return { value: Number(t.replace(/,/g, '')) };
};

/** Tax rate as percent: "13", "13%" (an Excel percent cell arrives as "13%"). */
export const toPercent: Convert = (text) => {
  const t = text.replace(/\s*[%％]$/, '').trim();
  if (!/^-?\d+(\.\d+)?$/.test(t)) return fail(`「${text}」不是有效的税率（如 13 或 13%）`, `"${text}" is not a tax rate (e.g. 13 or 13%)`);
  return { value: Number(t) };
};

/** Pack units "箱=12;盒=6" to [{name:'箱', factor:12}, …]. */
export const toPackUnits: Convert = (text) => {
  const units = [];
  for (const item of splitList(text, /[;；,，、]/)) {
    const m = /^(.+?)\s*[=＝:：]\s*(-?\d+(\.\d+)?)$/.exec(item);
    if (!m) return fail(`辅助单位「${item}」格式应为 单位=数量，如 箱=12`, `Pack unit "${item}" should look like name=factor, e.g. case=12`);
    units.push({ name: m[1].trim(), factor: Number(m[2]) });
  }
  return { value: units };
};

/** Barcodes "690123;16901@箱" to [{barcode:'690123', unit:null}, {barcode:'16901', unit:'箱'}]. */
export const toBarcodes: Convert = (text) => ({
  value: splitList(text, /[;；,，、\s]+/).map((item) => {
    const at = item.search(/[@＠]/);
    return at < 0 ? { barcode: item, unit: null } : { barcode: item.slice(0, at).trim(), unit: item.slice(at + 1).trim() || null };
  }),
});

/** Attributes "颜色:红;尺寸:L" to [{key:'颜色', value:'红'}, …]. */
export const toAttributes: Convert = (text) => {
  const out = [];
  for (const item of splitList(text, /[;；\n]/)) {
    const m = /^(.+?)\s*[:：=]\s*(.*)$/.exec(item);
    if (!m) return fail(`属性「${item}」格式应为 名称:值，如 颜色:红`, `Attribute "${item}" should look like key:value, e.g. colour:red`);
    out.push({ key: m[1].trim(), value: m[2].trim() });
  }
  return { value: out };
};

/** Tags "a;b" to ['a', 'b']. */
export const toTags: Convert = (text) => ({ value: splitList(text) });

/** A category path "饮料/茶" (also "饮料>茶"); each level at most 100 characters. */
export const toCategoryPath: Convert = (text) => {
  const levels = text.split(/[/>＞／]/).map((s) => s.trim()).filter(Boolean);
  if (levels.length === 0) return { value: undefined };
  if (levels.some((l) => l.length > 100)) return fail('类别名称每级最多 100 个字符', 'Each category level may have at most 100 characters');
  if (levels.length > 10) return fail('类别最多 10 级', 'A category path may have at most 10 levels');
  return { value: levels.join('/') };
};

const tierWords: Record<string, string> = { retail: 'retail', wholesale: 'wholesale', vip: 'vip', 零售: 'retail', 批发: 'wholesale', 贵宾: 'vip' };

/** Price tier: retail|wholesale|vip or 零售|批发|VIP. */
export const toPriceTier: Convert = (text) => {
  const tier = tierWords[text.toLowerCase()];
  return tier ? { value: tier } : fail(`价格等级「${text}」无效，应为 零售、批发 或 VIP`, `Price tier "${text}" is not one of retail, wholesale, vip`);
};
