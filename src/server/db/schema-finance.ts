// Receivables and payables (migration 0023). Money in fen; dates YYYY-MM-DD business dates.

/** 应收单: an invoice from a shipment (+), a credit note from a sales return (−) or a refund paid out (+). */
export interface CustomerInvoiceTable {
  id: string;
  number: string;
  customerId: string;
  /** invoice, credit or refund */
  kind: string;
  /** shipment or sales_return */
  sourceType: string;
  sourceId: string;
  sourceNumber: string;
  orderId: string | null;
  docDate: string;
  dueDate: string;
  net: number;
  tax: number;
  /** net + tax; negative for a credit note. */
  total: number;
  /** What allocations settled, with the sign of total; open = total − settled. */
  settled: number;
  actorName: string | null;
  createdAt: string;
}

/** 收款单 / 付款单: money received from a customer or paid to a supplier. */
interface PaymentColumns {
  id: string;
  number: string;
  docDate: string;
  amount: number;
  /** Part of amount allocated to invoices or payables; amount − allocated is unapplied (预收/预付). */
  allocated: number;
  method: string;
  reference: string | null;
  note: string | null;
  actorName: string | null;
  createdAt: string;
}
export interface CustomerPaymentTable extends PaymentColumns { customerId: string }
export interface SupplierPaymentTable extends PaymentColumns { supplierId: string }

/** 核销: part of a payment or a credit applied to an open item. */
interface AllocationColumns {
  id: string;
  paymentId: string | null;
  creditId: string | null;
  amount: number;
  actorName: string | null;
  createdAt: string;
}
export interface ReceivableAllocationTable extends AllocationColumns { customerId: string; invoiceId: string }
export interface PayableAllocationTable extends AllocationColumns { supplierId: string; payableId: string }
