import { findSupplierIdByCode, getSupplier, insertSupplier, supplierInput, updateSupplierTx, type SupplierInput } from '../partners/index.js';
import { toInteger } from './cells.js';
import { onlyFilled, type ColumnSpec, type EntitySpec, type ValidRow } from './columns.js';
import { contactColumn, mergeContacts, notesColumn, tagsColumn, text } from './partner-columns.js';

const columns: ColumnSpec[] = [
  { field: 'code', zh: '供应商编号', en: 'Code', aliases: ['编号', '供应商编码', '编码', 'supplier code', 'supplier id'], required: true, text: true,
    format: { zh: '供应商编号，唯一，最多 40 个字符', en: 'Supplier code, unique, up to 40 characters' }, example: 'S0001' },
  { field: 'name', zh: '供应商名称', en: 'Name', aliases: ['名称', '供应商', '公司名称', 'supplier name', 'company name'], required: true,
    format: text(200, '供应商名称', 'Supplier name'), example: { zh: '杭州清风茶业有限公司', en: 'Breeze Tea Co., Ltd.' } },
  contactColumn,
  { field: 'phone', zh: '电话', en: 'Phone', aliases: ['联系电话', '手机', 'tel', 'telephone', 'mobile'], text: true, format: text(50), example: '0571-55550123' },
  { field: 'email', zh: '邮箱', en: 'Email', aliases: ['电子邮箱', 'e-mail'], format: { zh: '有效的邮箱地址', en: 'A valid email address' }, example: 'sales@example.com' },
  { field: 'address', zh: '地址', en: 'Address', aliases: ['详细地址'], format: text(300), example: { zh: '浙江省杭州市西湖区龙井路 1 号', en: '1 Longjing Rd, Hangzhou' } },
  { field: 'leadTimeDays', zh: '交货周期(天)', en: 'Lead time (days)', aliases: ['交货周期', '交期', 'lead time'], convert: toInteger,
    format: { zh: '通常的交货天数，0–365 的整数', en: 'Usual days to deliver, a whole number 0–365' }, example: '7' },
  { field: 'moq', zh: '起订量', en: 'MOQ', aliases: ['最小起订量', 'minimum order quantity', 'min order qty'], convert: toInteger,
    format: { zh: '最小起订数量（基本单位），整数', en: 'Minimum order quantity in base units, a whole number' }, example: '100' },
  tagsColumn,
  notesColumn,
];

/** Suppliers: code is the key; one contact per row. */
export const supplierImport: EntitySpec = {
  entity: 'suppliers',
  auditEntity: 'supplier',
  permission: 'suppliers:write',
  key: 'code',
  label: { zh: '供应商', en: 'suppliers' },
  columns,
  schema: supplierInput,
  toInput: (values) => {
    const { contactName, ...rest } = values;
    return contactName === undefined ? rest : { ...rest, contacts: [{ name: contactName }] };
  },
  fieldOf: (path) => (path.length ? (path[0] === 'contacts' ? 'contactName' : String(path[0])) : null),
  findId: (trx, key) => findSupplierIdByCode(trx, key),
  insert: async (ctx, row: ValidRow) => void (await insertSupplier(ctx.trx, ctx.actor, row.input as SupplierInput)),
  update: async (ctx, id, row: ValidRow) => {
    const patch = onlyFilled(row, { contactName: 'contacts' }) as Partial<SupplierInput>;
    if (patch.contacts) patch.contacts = mergeContacts(patch.contacts, (await getSupplier(ctx.trx, id)).contacts);
    await updateSupplierTx(ctx.trx, ctx.actor, id, patch);
  },
};
