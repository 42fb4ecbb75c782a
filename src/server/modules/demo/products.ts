import { catalog, type ProductTemplate, type SizeSpec } from './catalog-data.js';
import { makeEan13 } from './ean13.js';
import type { Random } from './random.js';

/** A product as the demo writes it; `categoryPath` ("食品饮料/饮用水") becomes categoryId when seeding. */
export type ProductDraft = {
  categoryPath: string;
  sku: string;
  name: string;
  spec: string;
  model: string | null;
  brand: string;
  baseUnit: string;
  units: Array<{ name: string; factor: number }>;
  barcodes: Array<{ barcode: string; unit: string | null }>;
  listPrice: number;
  wholesalePrice: number;
  costPrice: number;
  taxRate: number;
  attributes: Array<{ key: string; value: string }>;
};

type Candidate = { top: number; sub: number; template: ProductTemplate; brand: string; size: SizeSpec; variant: string | null };

/** Every category path of the demo tree, parents implied ("食品饮料/饮用水"). */
export const categoryPaths = (): string[] => catalog.flatMap((t) => t.children.map((s) => `${t.name}/${s.name}`));

function candidates(): Candidate[] {
  const out: Candidate[] = [];
  catalog.forEach((top, ti) =>
    top.children.forEach((sub, si) => {
      for (const template of sub.templates) {
        for (const brand of template.brands) {
          for (const size of template.sizes) {
            for (const variant of template.variants ?? [null]) out.push({ top: ti, sub: si, template, brand, size, variant });
          }
        }
      }
    }),
  );
  return out;
}

/** Shop prices: under ¥10 to the nearest 10 fen, above that ¥x.90. */
function retailPrice(fen: number): number {
  return fen < 1000 ? Math.max(50, Math.round(fen / 10) * 10) : Math.round(fen / 100) * 100 - 10;
}

/** List, wholesale and cost prices in fen, always cost < wholesale < list. */
export function demoPrices(rnd: Random, retail: number) {
  const listPrice = retailPrice(retail * rnd.between(0.92, 1.12));
  const wholesalePrice = Math.min(listPrice - 1, Math.round(listPrice * rnd.between(0.8, 0.88)));
  const costPrice = Math.min(wholesalePrice - 1, Math.round(wholesalePrice * rnd.between(0.82, 0.9)));
  return { listPrice, wholesalePrice, costPrice };
}

/** EAN-13 codes under one made-up GS1 company prefix per brand (69… is China's range). */
function barcodeMaker(rnd: Random) {
  const companies = new Map<string, { prefix: string; item: number }>();
  const prefixes = new Set<string>();
  return (brand: string): string => {
    let c = companies.get(brand);
    if (!c) {
      let prefix: string;
      do prefix = `69${rnd.int(0, 5)}${rnd.digits(4)}`;
      while (prefixes.has(prefix));
      prefixes.add(prefix);
      c = { prefix, item: rnd.int(10, 80) * 100 };
      companies.set(brand, c);
    }
    c.item += rnd.int(1, 7);
    return makeEan13(c.prefix + String(c.item).padStart(5, '0'));
  };
}

/** About `count` products picked from the templates, in category order, with SKUs 0101001…. */
export function generateProducts(rnd: Random, count = 200): ProductDraft[] {
  const all = candidates();
  const keep = new Set(rnd.sample(all.map((_, i) => i), Math.min(count, all.length)));
  const nextBarcode = barcodeMaker(rnd);
  const models = new Map<string, string>();
  const seqBySub = new Map<string, number>();
  const out: ProductDraft[] = [];
  all.forEach((c, i) => {
    if (!keep.has(i)) return;
    const subKey = `${String(c.top + 1).padStart(2, '0')}${String(c.sub + 1).padStart(2, '0')}`;
    const seq = (seqBySub.get(subKey) ?? 0) + 1;
    seqBySub.set(subKey, seq);
    out.push(draft(rnd, c, `${subKey}${String(seq).padStart(3, '0')}`, nextBarcode, models));
  });
  return out;
}

function draft(rnd: Random, c: Candidate, sku: string, nextBarcode: (brand: string) => string, models: Map<string, string>): ProductDraft {
  const { template: t, brand, variant } = c;
  const [size, retail, packs = []] = c.size;
  const units = packs.map(([name, factor]) => ({ name, factor }));
  const biggest = units[units.length - 1];
  const barcodes: ProductDraft['barcodes'] = [{ barcode: nextBarcode(brand), unit: null }];
  if (biggest && rnd.chance(0.5)) barcodes.push({ barcode: nextBarcode(brand), unit: biggest.name });
  if (units.length > 1 && rnd.chance(0.3)) barcodes.push({ barcode: nextBarcode(brand), unit: units[0].name });
  let model: string | null = null;
  if (t.model) {
    const key = `${brand}/${t.name}/${size}`;
    model = models.get(key) ?? (t.model.includes('-') ? t.model : `${t.model}-${rnd.int(100, 999)}`);
    models.set(key, model);
  }
  const top = catalog[c.top];
  return {
    categoryPath: `${top.name}/${top.children[c.sub].name}`,
    sku,
    name: `${brand}${t.name} ${size}${variant ? ` ${variant}` : ''}`,
    spec: biggest ? `${size}×${biggest.factor}${t.unit}` : size,
    model,
    brand,
    baseUnit: t.unit,
    units,
    barcodes,
    ...demoPrices(rnd, retail),
    taxRate: t.taxRate ?? 13,
    attributes: t.shelfLife ? [{ key: '保质期', value: t.shelfLife }] : [],
  };
}
