import { ensureCategoryPath, findProductIdBySku, insertProduct, productInput, updateProductTx, type ProductInput } from '../catalog/index.js';
import { toAttributes, toBarcodes, toCategoryPath, toPackUnits, toPercent, yuanToFen, type Text2 } from './cells.js';
import { onlyFilled, type ColumnSpec, type EntitySpec, type ValidRow, type WriteContext } from './columns.js';

const money = (zh: string, en: string): Text2 => ({ zh: `${zh}，单位元，最多两位小数`, en: `${en}, in yuan, up to 2 decimals` });

const columns: ColumnSpec[] = [
  { field: 'sku', zh: '编码', en: 'SKU', aliases: ['商品编码', '商品编号', '货号', 'product code', 'item code'], required: true, text: true,
    format: { zh: '商品编码，唯一，最多 64 个字符', en: 'Product code, unique, up to 64 characters' }, example: 'TEA-500' },
  { field: 'name', zh: '名称', en: 'Name', aliases: ['商品名称', '品名', 'product name'], required: true,
    format: { zh: '商品名称，最多 200 个字符', en: 'Product name, up to 200 characters' }, example: { zh: '茉莉花茶 500ml', en: 'Jasmine tea 500 ml' } },
  { field: 'spec', zh: '规格', en: 'Spec', aliases: ['specification'], format: { zh: '文字，最多 200 个字符', en: 'Text, up to 200 characters' }, example: '500ml' },
  { field: 'model', zh: '型号', en: 'Model', format: { zh: '文字，最多 100 个字符', en: 'Text, up to 100 characters' }, example: 'JT-500' },
  { field: 'category', zh: '类别', en: 'Category', aliases: ['分类', '商品类别', '商品分类'], convert: toCategoryPath,
    format: { zh: '类别路径，用 / 分隔上下级，不存在时自动创建', en: 'Category path, levels separated by /; missing levels are created' }, example: { zh: '饮料/茶', en: 'Beverages/Tea' } },
  { field: 'brand', zh: '品牌', en: 'Brand', format: { zh: '文字，最多 100 个字符', en: 'Text, up to 100 characters' }, example: { zh: '清风', en: 'Breeze' } },
  { field: 'baseUnit', zh: '基本单位', en: 'Base unit', aliases: ['单位', 'unit'],
    format: { zh: '库存计量单位，留空为「个」', en: 'Stock unit; 个 (piece) when empty' }, example: { zh: '瓶', en: 'bottle' } },
  { field: 'packUnits', zh: '辅助单位', en: 'Pack units', aliases: ['包装单位', 'units'], convert: toPackUnits,
    format: { zh: '单位=含基本单位数，多个用 ; 分隔', en: 'unit=number of base units; separate several with ;' }, example: { zh: '箱=15;提=5', en: 'case=15;pack=5' } },
  { field: 'barcodes', zh: '条码', en: 'Barcodes', aliases: ['条形码', 'barcode'], convert: toBarcodes, text: true,
    format: { zh: '多个用 ; 分隔；辅助单位的条码写成 条码@单位', en: 'Separate several with ;; a pack unit’s barcode is barcode@unit' }, example: { zh: '6901234567892;16901234567899@箱', en: '6901234567892;16901234567899@case' } },
  { field: 'listPrice', zh: '零售价', en: 'List price', aliases: ['售价', 'retail price', 'price'], convert: yuanToFen, format: money('零售价', 'Retail price'), example: '4.50' },
  { field: 'wholesalePrice', zh: '批发价', en: 'Wholesale price', convert: yuanToFen, format: money('批发价', 'Wholesale price'), example: '3.80' },
  { field: 'costPrice', zh: '成本价', en: 'Cost price', aliases: ['进价', '参考进价', 'cost'], convert: yuanToFen, format: money('参考进价', 'Reference purchase cost'), example: '2.90' },
  { field: 'taxRate', zh: '税率(%)', en: 'Tax rate (%)', aliases: ['增值税率', 'vat'], convert: toPercent,
    format: { zh: '百分数，如 13 或 13%，留空为 13', en: 'Percent, e.g. 13 or 13%; 13 when empty' }, example: '13%' },
  { field: 'attributes', zh: '属性', en: 'Attributes', convert: toAttributes,
    format: { zh: '名称:值，多个用 ; 分隔', en: 'key:value; separate several with ;' }, example: { zh: '口味:茉莉;包装:PET', en: 'flavour:jasmine;pack:PET' } },
  { field: 'notes', zh: '备注', en: 'Notes', aliases: ['note', 'remark', 'remarks', '说明'], format: { zh: '文字，最多 2000 个字符', en: 'Text, up to 2000 characters' }, example: '' },
];

// Column field → input key where they differ.
const inputKey: Record<string, string> = { packUnits: 'units', category: 'categoryId' };
const fieldByInputKey: Record<string, string> = { units: 'packUnits', categoryId: 'category' };

async function categoryId(ctx: WriteContext, path: unknown): Promise<string | null> {
  if (typeof path !== 'string') return null;
  const cacheKey = `category:${path}`;
  if (!ctx.cache.has(cacheKey)) ctx.cache.set(cacheKey, await ensureCategoryPath(ctx.trx, ctx.actor, path));
  return ctx.cache.get(cacheKey) as string | null;
}

/** Products: SKU is the key; category paths are created as needed; prices are yuan in the file, fen in the API. */
export const productImport: EntitySpec = {
  entity: 'products',
  auditEntity: 'product',
  permission: 'catalog:write',
  key: 'sku',
  label: { zh: '商品', en: 'products' },
  columns,
  schema: productInput,
  toInput: (values) => {
    const { category: _c, ...rest } = values;
    return Object.fromEntries(Object.entries(rest).map(([k, v]) => [inputKey[k] ?? k, v]));
  },
  fieldOf: (path) => (path.length ? (fieldByInputKey[String(path[0])] ?? String(path[0])) : null),
  sampleOf: ({ values, input }) => {
    const { categoryId: _id, ...rest } = input;
    return { ...rest, category: values.category ?? null };
  },
  findId: (trx, key) => findProductIdBySku(trx, key),
  insert: async (ctx, row: ValidRow) => {
    const input = { ...(row.input as ProductInput), categoryId: await categoryId(ctx, row.values.category) };
    await insertProduct(ctx.trx, ctx.actor, input);
  },
  update: async (ctx, id, row: ValidRow) => {
    const patch = onlyFilled(row, inputKey) as Partial<ProductInput>;
    if ('category' in row.values) patch.categoryId = await categoryId(ctx, row.values.category);
    await updateProductTx(ctx.trx, ctx.actor, id, patch);
  },
};
