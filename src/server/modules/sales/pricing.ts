// Order pricing: line and order totals in integer fen with one rounding rule (docs/money.md).
// Pure: no I/O. All intermediate products are BigInt so nothing is lost to floating point.

export type PriceLineInput = {
  /** Quantity in the unit the price is for (e.g. 3 箱). */
  quantity: number;
  /** Price per that unit, fen; including tax when the order's prices include tax. */
  unitPrice: number;
  /** Line discount in basis points (1000 = 10%). */
  discountBp?: number;
  /** VAT rate in percent (13 = 13%). */
  taxRate: number;
};

export type PricedLine = {
  gross: number;
  lineDiscount: number;
  orderDiscount: number;
  net: number;
  tax: number;
  total: number;
};

export type PricedOrder = { lines: PricedLine[]; gross: number; discount: number; net: number; tax: number; total: number };

/** a / b rounded half away from zero (a, b BigInt, b > 0). */
export function divRound(a: bigint, b: bigint): bigint {
  const q = a / b;
  const r = a % b;
  if (2n * (r < 0n ? -r : r) >= b) return a < 0n ? q - 1n : q + 1n;
  return q;
}

/** Splits `amount` over `weights` in proportion, largest remainder first; the parts add up exactly. */
export function allocate(amount: bigint, weights: bigint[]): bigint[] {
  const sum = weights.reduce((s, w) => s + w, 0n);
  if (sum === 0n) return weights.map((_, i) => (i === 0 ? amount : 0n));
  const shares = weights.map((w) => (amount * w) / sum);
  let left = amount - shares.reduce((s, x) => s + x, 0n);
  const order = weights
    .map((w, i) => ({ i, rem: (amount * w) % sum }))
    .sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  for (const { i } of order) {
    if (left === 0n) break;
    shares[i] += 1n;
    left -= 1n;
  }
  return shares;
}

/**
 * Prices an order. Per line: gross = quantity × unit price; amount = round(gross × (1 − discount rate)),
 * line discount = gross − amount;
 * the order discount is shared over lines by amount (largest remainder); tax is then computed per
 * line from what is left: out of it when prices include tax (round(x × r / (100 + r))), on top when
 * they do not (round(x × r / 100)). Order figures are sums of line figures, never re-rounded.
 */
export function priceOrder(lines: PriceLineInput[], opts: { pricesIncludeTax: boolean; orderDiscount?: number }): PricedOrder {
  const gross = lines.map((l) => BigInt(l.quantity) * BigInt(l.unitPrice));
  // The discounted amount is what gets rounded (折后金额 = round(数量 × 单价 × 折扣率)); the discount is what is taken off.
  const afterLine = lines.map((l, i) => divRound(gross[i] * BigInt(10000 - (l.discountBp ?? 0)), 10000n));
  const lineDiscount = gross.map((g, i) => g - afterLine[i]);
  const orderDiscount = BigInt(opts.orderDiscount ?? 0);
  const shares = allocate(orderDiscount, afterLine);
  const priced = lines.map((l, i): PricedLine => {
    const amount = afterLine[i] - shares[i];
    const rate = BigInt(l.taxRate);
    const tax = opts.pricesIncludeTax ? divRound(amount * rate, 100n + rate) : divRound(amount * rate, 100n);
    const net = opts.pricesIncludeTax ? amount - tax : amount;
    return {
      gross: Number(gross[i]),
      lineDiscount: Number(lineDiscount[i]),
      orderDiscount: Number(shares[i]),
      net: Number(net),
      tax: Number(tax),
      total: Number(net + tax),
    };
  });
  const sum = (k: keyof PricedLine) => priced.reduce((s, l) => s + l[k], 0);
  return { lines: priced, gross: sum('gross'), discount: sum('lineDiscount') + sum('orderDiscount'), net: sum('net'), tax: sum('tax'), total: sum('total') };
}

/**
 * A history line priced from the amount the other system states (after discount, incl. tax when
 * prices include tax) instead of from its unit price: the amount is kept exactly; the unit price
 * shown is the smallest whole fen that, less the line discount, covers it, and the line discount
 * is gross − amount (so gross − discount = amount). Tax is split out of the amount as priceOrder does.
 */
export function priceStatedLine(l: { quantity: number; amount: number; discountBp: number; taxRate: number }, pricesIncludeTax: boolean): PricedLine & { unitPrice: number } {
  const amount = BigInt(l.amount);
  const keep = BigInt(10000 - l.discountBp);
  const per = BigInt(l.quantity) * keep;
  const unitPrice = per === 0n ? 0n : (amount * 10000n + per - 1n) / per;
  const gross = BigInt(l.quantity) * unitPrice;
  const rate = BigInt(l.taxRate);
  const tax = pricesIncludeTax ? divRound(amount * rate, 100n + rate) : divRound(amount * rate, 100n);
  const net = pricesIncludeTax ? amount - tax : amount;
  return { unitPrice: Number(unitPrice), gross: Number(gross), lineDiscount: Number(gross - amount), orderDiscount: 0, net: Number(net), tax: Number(tax), total: Number(net + tax) };
}
