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
};

export type ReplenishmentPlan = { weeklyDemand: number; demandOverLeadTime: number; position: number; need: number; suggested: number; reason: { zh: string; en: string } };

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

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
  const weeklyDemand = oneDecimal(f.sold / f.weeks);
  const demandOverLeadTime = Math.ceil((f.sold * f.leadTimeDays) / (f.weeks * 7) - 1e-9);
  const position = f.available + f.incoming;
  const u = f.baseUnit;
  const zh: string[] = [f.sold > 0 ? `近 ${f.weeks} 周平均每周销售 ${weeklyDemand} ${u}` : `近 ${f.weeks} 周没有销售`];
  const en: string[] = [f.sold > 0 ? `sold ${weeklyDemand} ${u} a week over the last ${f.weeks} weeks` : `no sales over the last ${f.weeks} weeks`];
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
