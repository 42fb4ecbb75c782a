// Replenishment maths (补货建议), pure: the quantity to order for one product × warehouse and why.

export type ReplenishmentFacts = {
  baseUnit: string;
  available: number;
  incoming: number;
  /** Base units sold over `weeks` weeks. */
  sold: number;
  weeks: number;
  leadTimeDays: number;
  method: 'reorder_point' | 'min_max' | null;
  reorderPoint: number | null;
  safetyStock: number;
  maxStock: number | null;
  moq: number;
  packSize: number;
  /** A usable demand forecast (analytics): units per week from this week on. */
  forecast?: { method: string; weekly: number[]; wape: number | null } | null;
};

export type ReplenishmentPlan = { weeklyDemand: number; demandOverLeadTime: number; position: number; need: number; suggested: number; reason: { zh: string; en: string } };

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/** Units a weekly forecast expects over the next `days` days, each week spread evenly over its days (the last week repeats past the horizon). */
export function forecastOver(weekly: number[], days: number): number {
  let sum = 0;
  for (let d = 0; d < days; d++) sum += (weekly[Math.floor(d / 7)] ?? weekly[weekly.length - 1] ?? 0) / 7;
  return sum;
}

/** Rounds a need up to the MOQ, then up to a whole number of packs; 0 when nothing is needed. */
export function roundOrderQuantity(need: number, moq: number, packSize: number): number {
  if (need <= 0) return 0;
  const pack = Math.max(1, packSize);
  return Math.ceil(Math.max(need, moq) / pack) * pack;
}

/**
 * What to order: demand over the lead time (the weekly average × lead time, rounded up) plus
 * safety stock, less available + incoming; with a min/max rule, up to the max instead; at or below
 * a reorder point at least back above it. Rounded up to the MOQ and pack size.
 */
export function planReplenishment(f: ReplenishmentFacts): ReplenishmentPlan {
  const fc = f.forecast;
  const weeklyDemand = fc ? oneDecimal(fc.weekly[0] ?? 0) : oneDecimal(f.sold / f.weeks);
  const demandOverLeadTime = fc ? Math.ceil(forecastOver(fc.weekly, f.leadTimeDays) - 1e-9) : Math.ceil((f.sold * f.leadTimeDays) / (f.weeks * 7) - 1e-9);
  const position = f.available + f.incoming;
  const u = f.baseUnit;
  const wape = fc?.wape == null ? '' : `${Math.round(fc.wape * 100)}%`;
  const zh: string[] = [fc ? `需求预测（${fc.method}${wape ? `，回测误差 ${wape}` : ''}）本周 ${weeklyDemand} ${u}` : f.sold > 0 ? `近 ${f.weeks} 周平均每周销售 ${weeklyDemand} ${u}` : `近 ${f.weeks} 周没有销售`];
  const en: string[] = [fc ? `demand forecast (${fc.method}${wape ? `, backtest WAPE ${wape}` : ''}) ${weeklyDemand} ${u} this week` : f.sold > 0 ? `sold ${weeklyDemand} ${u} a week over the last ${f.weeks} weeks` : `no sales over the last ${f.weeks} weeks`];
  let target: number;
  if (f.method === 'min_max' && f.maxStock != null) {
    zh.push(`最低库存 ${f.reorderPoint}，最高库存 ${f.maxStock}`);
    en.push(`min ${f.reorderPoint}, max ${f.maxStock}`);
    target = position <= (f.reorderPoint ?? 0) ? f.maxStock : position;
  } else {
    zh.push(`供货周期 ${f.leadTimeDays} 天，期间预计需求 ${demandOverLeadTime} ${u}`, `安全库存 ${f.safetyStock}`);
    en.push(`lead time ${f.leadTimeDays} days, so ${demandOverLeadTime} expected over the lead time`, `safety stock ${f.safetyStock}`);
    target = demandOverLeadTime + f.safetyStock;
    if (f.reorderPoint != null && position <= f.reorderPoint && target <= f.reorderPoint) {
      zh.push(`已到再订货点 ${f.reorderPoint}，至少补到 ${f.reorderPoint + 1}`);
      en.push(`at or below the reorder point ${f.reorderPoint}, so up to ${f.reorderPoint + 1} at least`);
      target = f.reorderPoint + 1;
    }
  }
  zh.push(`可用 ${f.available} + 在途 ${f.incoming} = ${position}`);
  en.push(`available ${f.available} + incoming ${f.incoming} = ${position}`);
  const need = target - position;
  const suggested = roundOrderQuantity(need, f.moq, f.packSize);
  if (need <= 0) {
    zh.push('无需补货');
    en.push('nothing to order');
  } else if (suggested !== need) {
    zh.push(`缺 ${need}，按起订量 ${f.moq}、每包 ${f.packSize} 取整为 ${suggested} ${u}`);
    en.push(`short ${need}, rounded up to the MOQ ${f.moq} and packs of ${f.packSize}: ${suggested} ${u}`);
  } else {
    zh.push(`建议订购 ${suggested} ${u}`);
    en.push(`order ${suggested} ${u}`);
  }
  return { weeklyDemand, demandOverLeadTime, position, need, suggested, reason: { zh: zh.join('；'), en: en.join('; ') } };
}
