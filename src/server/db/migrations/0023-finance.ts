import { sql, type Kysely } from 'kysely';

// Receivables and payables (应收/应付): the customer's invoices, credit notes and refunds from
// shipments and sales returns; payments received and made; allocations (核销) of payments and
// credits to what they settle. Each open item keeps `settled` (moved by conditional updates), so
// its open amount is total − settled without reading the allocations. Suppliers get payment terms
// (账期) and supplier_payables a document date, a due date and `settled`.
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s.alterTable('suppliers').addColumn('payment_terms_days', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await s.alterTable('supplier_payables').addColumn('settled', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  await s.alterTable('supplier_payables').addColumn('doc_date', 'text').execute();
  await s.alterTable('supplier_payables').addColumn('due_date', 'text').execute();
  // Rows booked before: dated by their UTC day, due the same day (suppliers had no terms then).
  await sql`update supplier_payables set doc_date = substr(created_at, 1, 10), due_date = substr(created_at, 1, 10)`.execute(db);
  await s.createIndex('supplier_payables_source_idx').on('supplier_payables').columns(['source_id']).execute();

  await s.createTable('customer_invoices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('source_number', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text')
    .addColumn('doc_date', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('net', 'bigint', (c) => c.notNull())
    .addColumn('tax', 'bigint', (c) => c.notNull())
    .addColumn('total', 'bigint', (c) => c.notNull())
    .addColumn('settled', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('actor_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('customer_invoices_settled_ck', sql`(total >= 0 and settled >= 0 and settled <= total) or (total < 0 and settled <= 0 and settled >= total)`)
    .execute();
  await s.createIndex('customer_invoices_customer_idx').on('customer_invoices').columns(['customer_id', 'doc_date']).execute();
  await s.createIndex('customer_invoices_source_idx').on('customer_invoices').columns(['source_id', 'kind']).unique().execute();
  await s.createIndex('customer_invoices_order_idx').on('customer_invoices').columns(['order_id']).execute();

  for (const side of [{ table: 'customer_payments', party: 'customer_id', ref: 'customers.id' }, { table: 'supplier_payments', party: 'supplier_id', ref: 'suppliers.id' }]) {
    await s.createTable(side.table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('number', 'text', (c) => c.notNull().unique())
      .addColumn(side.party, 'text', (c) => c.notNull().references(side.ref))
      .addColumn('doc_date', 'text', (c) => c.notNull())
      .addColumn('amount', 'bigint', (c) => c.notNull())
      .addColumn('allocated', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('reference', 'text')
      .addColumn('note', 'text')
      .addColumn('actor_name', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addCheckConstraint(`${side.table}_allocated_ck`, sql`amount > 0 and allocated >= 0 and allocated <= amount`)
      .execute();
    await s.createIndex(`${side.table}_party_idx`).on(side.table).columns([side.party, 'doc_date']).execute();
  }

  for (const side of [{ table: 'receivable_allocations', party: 'customer_id', item: 'invoice_id', payments: 'customer_payments', items: 'customer_invoices' }, { table: 'payable_allocations', party: 'supplier_id', item: 'payable_id', payments: 'supplier_payments', items: 'supplier_payables' }]) {
    await s.createTable(side.table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn(side.party, 'text', (c) => c.notNull())
      .addColumn(side.item, 'text', (c) => c.notNull().references(`${side.items}.id`))
      .addColumn('payment_id', 'text', (c) => c.references(`${side.payments}.id`))
      .addColumn('credit_id', 'text', (c) => c.references(`${side.items}.id`))
      .addColumn('amount', 'bigint', (c) => c.notNull())
      .addColumn('actor_name', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addCheckConstraint(`${side.table}_ck`, sql`amount > 0 and (payment_id is null) <> (credit_id is null)`)
      .execute();
    await s.createIndex(`${side.table}_item_idx`).on(side.table).columns([side.item]).execute();
    await s.createIndex(`${side.table}_payment_idx`).on(side.table).columns(['payment_id']).execute();
    await s.createIndex(`${side.table}_credit_idx`).on(side.table).columns(['credit_id']).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['payable_allocations', 'receivable_allocations', 'supplier_payments', 'customer_payments', 'customer_invoices']) await db.schema.dropTable(t).ifExists().execute();
  await db.schema.dropIndex('supplier_payables_source_idx').ifExists().execute();
  for (const c of ['due_date', 'doc_date', 'settled']) await db.schema.alterTable('supplier_payables').dropColumn(c).execute();
  await db.schema.alterTable('suppliers').dropColumn('payment_terms_days').execute();
}
