import { customerInput, findCustomerIdByCode, getCustomer, insertCustomer, updateCustomerTx, type CustomerInput } from '../partners/index.js';
import { toInteger, toPriceTier, yuanToFen } from './cells.js';
import { onlyFilled, type ColumnSpec, type EntitySpec, type ValidRow } from './columns.js';
import { contactColumn, mergeContacts, notesColumn, tagsColumn, text } from './partner-columns.js';

const addressParts = ['province', 'city', 'district', 'address', 'postalCode', 'country'] as const;

const columns: ColumnSpec[] = [
  { field: 'code', zh: '客户编号', en: 'Code', aliases: ['编号', '客户编码', '编码', 'customer code', 'customer id'], required: true, text: true,
    format: { zh: '客户编号，唯一，最多 40 个字符', en: 'Customer code, unique, up to 40 characters' }, example: 'C0001' },
  { field: 'name', zh: '客户名称', en: 'Name', aliases: ['名称', '客户', '公司名称', 'customer name', 'company name'], required: true,
    format: text(200, '客户名称', 'Customer name'), example: { zh: '华东商贸有限公司', en: 'East China Trading Co.' } },
  contactColumn,
  { field: 'phone', zh: '电话', en: 'Phone', aliases: ['联系电话', '手机', 'tel', 'telephone', 'mobile'], text: true, format: text(50), example: '021-55550123' },
  { field: 'email', zh: '邮箱', en: 'Email', aliases: ['电子邮箱', 'e-mail'], format: { zh: '有效的邮箱地址', en: 'A valid email address' }, example: 'buyer@example.com' },
  { field: 'province', zh: '省', en: 'Province', aliases: ['省份', '州', 'state'], format: text(50), example: { zh: '上海市', en: 'Shanghai' } },
  { field: 'city', zh: '市', en: 'City', aliases: ['城市'], format: text(50), example: { zh: '上海市', en: 'Shanghai' } },
  { field: 'district', zh: '区', en: 'District', aliases: ['区县', '县区'], format: text(50), example: { zh: '浦东新区', en: 'Pudong' } },
  { field: 'address', zh: '地址', en: 'Address', aliases: ['详细地址', '街道地址', 'street'],
    format: { zh: '详细地址，最多 300 个字符；填了省市区等时必填', en: 'Street address, up to 300 characters; required when province, city etc. are given' }, example: { zh: '世纪大道 100 号', en: '100 Century Ave' } },
  { field: 'postalCode', zh: '邮编', en: 'Postal code', aliases: ['邮政编码', 'zip', 'zip code', 'postcode'], text: true, format: text(20), example: '200120' },
  { field: 'country', zh: '国家', en: 'Country', aliases: ['国家/地区'], format: text(50), example: { zh: '中国', en: 'China' } },
  { field: 'priceTier', zh: '价格等级', en: 'Price tier', aliases: ['价格级别', 'tier'], convert: toPriceTier,
    format: { zh: '零售、批发 或 VIP（也可写 retail、wholesale、vip），留空为零售', en: 'retail, wholesale or vip (or 零售, 批发, VIP); retail when empty' }, example: { zh: '批发', en: 'wholesale' } },
  { field: 'creditLimit', zh: '信用额度', en: 'Credit limit', aliases: ['授信额度'], convert: yuanToFen,
    format: { zh: '单位元，最多两位小数；0 或留空表示不限', en: 'In yuan, up to 2 decimals; 0 or empty means none' }, example: '50000' },
  { field: 'paymentTermsDays', zh: '账期(天)', en: 'Payment terms (days)', aliases: ['账期', 'payment terms'], convert: toInteger,
    format: { zh: '付款天数，0–365 的整数', en: 'Days to pay, a whole number 0–365' }, example: '30' },
  tagsColumn,
  notesColumn,
];

const fieldByInputKey: Record<string, string> = { contacts: 'contactName' };
const inputKey: Record<string, string> = { contactName: 'contacts', ...Object.fromEntries(addressParts.map((p) => [p, 'addresses'])) };

/** Customers: code is the key; one contact and one (default) address per row. */
export const customerImport: EntitySpec = {
  entity: 'customers',
  auditEntity: 'customer',
  permission: 'customers:write',
  key: 'code',
  label: { zh: '客户', en: 'customers' },
  columns,
  schema: customerInput,
  check: (values) =>
    addressParts.some((p) => p in values) && !('address' in values)
      ? [{ field: 'address', message: { zh: '填写了省、市、区、邮编或国家时，地址不能为空', en: 'Address is required when province, city, district, postal code or country is given' } }]
      : [],
  toInput: (values) => {
    const out: Record<string, unknown> = {};
    const address: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(values)) {
      if (k === 'contactName') out.contacts = [{ name: v }];
      else if ((addressParts as readonly string[]).includes(k)) address[k] = v;
      else out[k] = v;
    }
    if (Object.keys(address).length) out.addresses = [{ ...address, isDefault: true }];
    return out;
  },
  fieldOf: (path) => {
    if (!path.length) return null;
    if (path[0] === 'addresses') return (addressParts as readonly PropertyKey[]).includes(path[2]) ? String(path[2]) : 'address';
    return fieldByInputKey[String(path[0])] ?? String(path[0]);
  },
  findId: (trx, key) => findCustomerIdByCode(trx, key),
  insert: async (ctx, row: ValidRow) => void (await insertCustomer(ctx.trx, ctx.actor, row.input as CustomerInput)),
  update: async (ctx, id, row: ValidRow) => {
    const patch = onlyFilled(row, inputKey) as Partial<CustomerInput>;
    const before = await getCustomer(ctx.trx, id);
    if (patch.contacts) patch.contacts = mergeContacts(patch.contacts, before.contacts);
    if (patch.addresses) patch.addresses = mergeAddresses(patch.addresses, before.addresses);
    await updateCustomerTx(ctx.trx, ctx.actor, id, patch);
  },
};

type Address = CustomerInput['addresses'][number];
const sameAddress = (a: Partial<Address>, b: Partial<Address>) => addressParts.every((p) => (a[p] ?? null) === (b[p] ?? null));

/** The imported address becomes the default; the customer's other addresses stay. */
function mergeAddresses(imported: Address[], existing: Array<Partial<Address> & { address: string }>): Address[] {
  const others = existing.filter((a) => !sameAddress(a, imported[0])).map((a) => ({ ...a, isDefault: false }) as Address);
  return [{ ...imported[0], isDefault: true }, ...others].slice(0, 20);
}
