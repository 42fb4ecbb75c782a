import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  StockLevelTable,
  StockMovementTable,
  StockReservationTable,
  ProductCostTable,
  StockAdjustmentTable,
  IdempotencyKeyTable,
  NumberSequenceTable,
  SalesOrderTable,
  SalesOrderLineTable,
  ApprovalRuleTable,
  OutboxTable,
  AlertTable,
  AlertReadTable,
  StockSubscriptionTable,
} from './schema-documents.js';
import type {
  ProductBinTable,
  CarrierTable,
  PickListTable,
  PickListLineTable,
  ShipmentTable,
  ShipmentLineTable,
  PackageTable,
  PackageItemTable,
  TrackingEventTable,
  OrderTrackingTable,
} from './schema-shipping.js';
import type {
  PurchaseOrderTable,
  PurchaseOrderLineTable,
  PurchaseReceiptTable,
  PurchaseReceiptLineTable,
  PurchasingSettingsTable,
  PurchaseReturnTable,
  PurchaseReturnLineTable,
  SupplierPayableTable,
  ReorderRuleTable,
} from './schema-purchasing.js';
import type { StockTransferTable, StockTransferLineTable, StockCountTable, StockCountLineTable } from './schema-stock-documents.js';
import type { MessageTemplateTable, NotifyChannelTable, SmsLogTable } from './schema-notify-templates.js';
import type { ComplaintHistoryTable, ComplaintSlaTable, ComplaintTable, FeedbackRequestTable } from './schema-feedback.js';
import type { ReturnCategoryWindowTable, ReturnSettingsTable, SalesReturnHistoryTable, SalesReturnLineTable, SalesReturnQuantityTable, SalesReturnTable } from './schema-returns.js';
import type { MessageDeliveryTable, NotifySettingsTable } from './schema-notify-dispatcher.js';
import type { WebhookAttemptTable, WebhookDeliveryTable, WebhookSubscriptionTable } from './schema-webhooks.js';
import type { CustomerInvoiceTable, CustomerPaymentTable, PayableAllocationTable, ReceivableAllocationTable, SupplierPaymentTable } from './schema-finance.js';
import type { DemandForecastTable, OrderFactTable, ProductLastSaleTable, SalesDailyTable, SalesFactTable, SalesMonthlyCustomerTable, SalesMonthlyCustomerTotalTable, SalesMonthlyProductTable, SalesMonthlyProductTotalTable, StockValueMonthTable, RollupPrefixMonthTable, StockValuePrefixTable, SalesProductPrefixTable, SalesCustomerPrefixTable } from './schema-analytics.js';

// Table types in camelCase; CamelCasePlugin maps them to snake_case columns.
// Ids are text, timestamps ISO-8601 UTC text, money integer fen, quantities integer base units,
// JSON columns text: the same representation on SQLite and PostgreSQL.

export interface UserTable {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  role: string;
  status: string;
  locale: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SessionTable {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

export interface ApiKeyTable {
  id: string;
  name: string;
  role: string;
  keyPrefix: string;
  keyHash: string;
  status: string;
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** JSON array of scopes (migration 0024); null: everything the role allows. */
  scopes: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  summary: string | null;
  before: string | null;
  after: string | null;
  requestId: string | null;
}

export interface CategoryTable {
  id: string;
  parentId: string | null;
  code: string | null;
  name: string;
  sortOrder: number;
  status: string;
  createdAt: string;
  updatedAt: string;
}

export interface ProductTable {
  id: string;
  sku: string;
  name: string;
  spec: string | null;
  model: string | null;
  categoryId: string | null;
  brand: string | null;
  baseUnit: string;
  listPrice: number;
  wholesalePrice: number | null;
  costPrice: number;
  taxRate: number;
  attributes: string;
  notes: string | null;
  status: string;
  createdAt: string;
  updatedAt: string;
}

export interface ProductUnitTable {
  id: string;
  productId: string;
  name: string;
  factor: number;
  sortOrder: number;
}

export interface ProductBarcodeTable {
  id: string;
  productId: string;
  unitId: string | null;
  barcode: string;
}

export interface CustomerTable {
  id: string;
  code: string;
  name: string;
  phone: string | null;
  email: string | null;
  priceTier: string;
  creditLimit: number;
  paymentTermsDays: number;
  tags: string;
  contacts: string;
  addresses: string;
  notes: string | null;
  status: string;
  createdAt: string;
  updatedAt: string;
}

export interface SupplierTable {
  id: string;
  code: string;
  name: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  leadTimeDays: number;
  moq: number;
  /** 账期: days to pay a receipt (migration 0023; default 0). */
  paymentTermsDays?: number;
  tags: string;
  contacts: string;
  notes: string | null;
  status: string;
  createdAt: string;
  updatedAt: string;
}

export interface SupplierProductTable {
  id: string;
  supplierId: string;
  productId: string;
  supplierSku: string | null;
  price: number;
  moq: number;
  leadTimeDays: number | null;
  /** Base units per purchase pack: order quantities round up to a multiple (migration 0009; default 1). */
  packSize?: number;
}

export interface WarehouseTable {
  id: string;
  code: string;
  name: string;
  address: string | null;
  manager: string | null;
  phone: string | null;
  isDefault: number;
  notes: string | null;
  status: string;
  createdAt: string;
  updatedAt: string;
}

export interface BinTable {
  id: string;
  warehouseId: string;
  code: string;
  zone: string | null;
  sortOrder: number;
  status: string;
}

export interface Database {
  users: UserTable;
  sessions: SessionTable;
  apiKeys: ApiKeyTable;
  auditLog: AuditLogTable;
  categories: CategoryTable;
  products: ProductTable;
  productUnits: ProductUnitTable;
  productBarcodes: ProductBarcodeTable;
  customers: CustomerTable;
  suppliers: SupplierTable;
  supplierProducts: SupplierProductTable;
  warehouses: WarehouseTable;
  bins: BinTable;
  stockLevels: StockLevelTable;
  stockMovements: StockMovementTable;
  stockReservations: StockReservationTable;
  productCosts: ProductCostTable;
  stockAdjustments: StockAdjustmentTable;
  numberSequences: NumberSequenceTable;
  idempotencyKeys: IdempotencyKeyTable;
  salesOrders: SalesOrderTable;
  salesOrderLines: SalesOrderLineTable;
  approvalRules: ApprovalRuleTable;
  outbox: OutboxTable;
  alerts: AlertTable;
  alertReads: AlertReadTable;
  stockSubscriptions: StockSubscriptionTable;
  productBins: ProductBinTable;
  carriers: CarrierTable;
  pickLists: PickListTable;
  pickListLines: PickListLineTable;
  shipments: ShipmentTable;
  shipmentLines: ShipmentLineTable;
  packages: PackageTable;
  packageItems: PackageItemTable;
  trackingEvents: TrackingEventTable;
  orderTracking: OrderTrackingTable;
  purchaseOrders: PurchaseOrderTable;
  purchaseOrderLines: PurchaseOrderLineTable;
  purchaseReceipts: PurchaseReceiptTable;
  purchaseReceiptLines: PurchaseReceiptLineTable;
  purchasingSettings: PurchasingSettingsTable;
  stockTransfers: StockTransferTable;
  stockTransferLines: StockTransferLineTable;
  stockCounts: StockCountTable;
  stockCountLines: StockCountLineTable;
  purchaseReturns: PurchaseReturnTable;
  purchaseReturnLines: PurchaseReturnLineTable;
  supplierPayables: SupplierPayableTable;
  reorderRules: ReorderRuleTable;
  messageTemplates: MessageTemplateTable;
  notifyChannels: NotifyChannelTable;
  smsLog: SmsLogTable;
  salesReturns: SalesReturnTable;
  salesReturnLines: SalesReturnLineTable;
  salesReturnQuantities: SalesReturnQuantityTable;
  salesReturnHistory: SalesReturnHistoryTable;
  returnSettings: ReturnSettingsTable;
  returnCategoryWindows: ReturnCategoryWindowTable;
  messageDeliveries: MessageDeliveryTable;
  notifySettings: NotifySettingsTable;
  feedbackRequests: FeedbackRequestTable;
  complaints: ComplaintTable;
  complaintHistory: ComplaintHistoryTable;
  complaintSla: ComplaintSlaTable;
  salesFacts: SalesFactTable;
  salesDaily: SalesDailyTable;
  salesMonthlyProducts: SalesMonthlyProductTable;
  salesMonthlyCustomers: SalesMonthlyCustomerTable;
  salesMonthlyCustomerTotals: SalesMonthlyCustomerTotalTable;
  salesMonthlyProductTotals: SalesMonthlyProductTotalTable;
  productLastSales: ProductLastSaleTable;
  stockValueMonths: StockValueMonthTable;
  rollupPrefixMonths: RollupPrefixMonthTable;
  stockValuePrefixes: StockValuePrefixTable;
  salesProductPrefixes: SalesProductPrefixTable;
  salesCustomerPrefixes: SalesCustomerPrefixTable;
  orderFacts: OrderFactTable;
  demandForecasts: DemandForecastTable;
  customerInvoices: CustomerInvoiceTable;
  customerPayments: CustomerPaymentTable;
  receivableAllocations: ReceivableAllocationTable;
  supplierPayments: SupplierPaymentTable;
  payableAllocations: PayableAllocationTable;
  webhookSubscriptions: WebhookSubscriptionTable;
  webhookDeliveries: WebhookDeliveryTable;
  webhookAttempts: WebhookAttemptTable;
}

export type UserRow = Selectable<UserTable>;
export type ProductRow = Selectable<ProductTable>;
export type CustomerRow = Selectable<CustomerTable>;
export type SupplierRow = Selectable<SupplierTable>;
export type WarehouseRow = Selectable<WarehouseTable>;
export type CategoryRow = Selectable<CategoryTable>;
export type NewRow<T> = Insertable<T>;
export type Patch<T> = Updateable<T>;
export type { Generated };
