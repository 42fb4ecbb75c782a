import type { Db, DbOrTx } from '../../db/create-db.js';
import type { CustomerRow } from '../../db/schema.js';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { paginate, searchWhere, sortBy, whereTag, type ListArgs, type Page } from '../../platform/list.js';
import type { CustomerInput, CustomerView } from './partner.schemas.js';

export const customerSorts = { code: 'code', name: 'name', creditLimit: 'creditLimit', createdAt: 'createdAt', updatedAt: 'updatedAt', status: 'status' };

const toView = (r: CustomerRow): CustomerView => ({
  ...r,
  tags: JSON.parse(r.tags),
  contacts: JSON.parse(r.contacts),
  addresses: JSON.parse(r.addresses),
});

/** JSON columns and a single default address. */
function toColumns(input: Partial<CustomerInput>) {
  const { tags, contacts, addresses, ...rest } = input;
  const out: Record<string, unknown> = { ...rest };
  if (tags) out.tags = JSON.stringify([...new Set(tags)]);
  if (contacts) out.contacts = JSON.stringify(contacts);
  if (addresses) {
    const firstDefault = addresses.findIndex((a) => a.isDefault);
    out.addresses = JSON.stringify(addresses.map((a, i) => ({ ...a, isDefault: i === (firstDefault === -1 ? 0 : firstDefault) })));
  }
  return out;
}

/** Customers matching search text (code, name, phone, email, contacts) and filters. */
export async function listCustomers(db: Db, f: ListArgs & { status?: string; priceTier?: string; tag?: string }): Promise<Page<CustomerView>> {
  let q = db.selectFrom('customers').selectAll();
  q = searchWhere(q, f.q, ['code', 'name', 'phone', 'email', 'contacts']);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.priceTier) q = q.where('priceTier', '=', f.priceTier);
  if (f.tag) q = whereTag(q, 'tags', f.tag);
  const page = await paginate(q, sortBy(q, f.sort, customerSorts, 'code'), f);
  return { ...page, items: page.items.map(toView) };
}

/** One customer. */
export async function getCustomer(db: DbOrTx, id: string): Promise<CustomerView> {
  const r = await db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new DomainError('NOT_FOUND', { entity: 'customer' });
  return toView(r);
}

export const findCustomerIdByCode = async (db: DbOrTx, code: string) =>
  (await db.selectFrom('customers').select('id').where('code', '=', code).executeTakeFirst())?.id;

async function assertCodeFree(trx: DbOrTx, code: string, exceptId?: string) {
  const found = await findCustomerIdByCode(trx, code);
  if (found && found !== exceptId) throw new DomainError('DUPLICATE', { entity: 'customer', field: { zh: '编号', en: 'code' }, value: code }, [{ field: 'code', message: { zh: '客户编号已存在', en: 'Customer code already exists' } }]);
}

/** Creates a customer inside the caller's transaction (API and import). */
export async function insertCustomer(trx: DbOrTx, actor: Actor, input: CustomerInput): Promise<string> {
  await assertCodeFree(trx, input.code);
  const now = nowIso();
  const id = newId();
  const row = { ...(toColumns(input) as Omit<CustomerRow, 'id' | 'status' | 'createdAt' | 'updatedAt'>), id, status: 'active', createdAt: now, updatedAt: now };
  await trx.insertInto('customers').values(row).execute();
  await writeAudit(trx, actor, { action: 'create', entity: 'customer', entityId: id, summary: `${input.code} ${input.name}`, after: toView(row) });
  return id;
}

/** Changes a customer inside the caller's transaction. */
export async function updateCustomerTx(trx: DbOrTx, actor: Actor, id: string, patch: Partial<CustomerInput>): Promise<void> {
  const before = await getCustomer(trx, id);
  if (patch.code !== undefined) await assertCodeFree(trx, patch.code, id);
  await trx.updateTable('customers').set({ ...toColumns(patch), updatedAt: nowIso() }).where('id', '=', id).execute();
  await writeAudit(trx, actor, { action: 'update', entity: 'customer', entityId: id, summary: `${before.code} ${before.name}`, before, after: await getCustomer(trx, id) });
}

export async function createCustomer(db: Db, actor: Actor, input: CustomerInput) {
  const id = await db.transaction().execute((trx) => insertCustomer(trx, actor, input));
  return getCustomer(db, id);
}

export async function updateCustomer(db: Db, actor: Actor, id: string, patch: Partial<CustomerInput>) {
  await db.transaction().execute((trx) => updateCustomerTx(trx, actor, id, patch));
  return getCustomer(db, id);
}
