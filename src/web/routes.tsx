import { Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { NotFound, PublicOnly, RequireAuth, RequirePermission } from './shared/auth/guards';
import { AlertBell } from './modules/alerts/components/AlertBell';
import { AppLayout } from './shared/layout/AppLayout';

// One chunk per screen: a user downloads only the pages they open.
const LoginPage = lazy(() => import('./modules/auth/pages/LoginPage'));
const SetupPage = lazy(() => import('./modules/auth/pages/SetupPage'));
const HomePage = lazy(() => import('./modules/home/pages/HomePage'));
const UsersPage = lazy(() => import('./modules/auth/pages/UsersPage'));
const ApiKeysPage = lazy(() => import('./modules/auth/pages/ApiKeysPage'));
const AuditLogPage = lazy(() => import('./modules/audit/pages/AuditLogPage'));
const ProductListPage = lazy(() => import('./modules/catalog/pages/ProductListPage'));
const ProductFormPage = lazy(() => import('./modules/catalog/pages/ProductFormPage'));
const ProductDetailPage = lazy(() => import('./modules/catalog/pages/ProductDetailPage'));
const CategoriesPage = lazy(() => import('./modules/catalog/pages/CategoriesPage'));
const CustomerListPage = lazy(() => import('./modules/partners/pages/CustomerListPage'));
const CustomerFormPage = lazy(() => import('./modules/partners/pages/CustomerFormPage'));
const SupplierListPage = lazy(() => import('./modules/partners/pages/SupplierListPage'));
const SupplierFormPage = lazy(() => import('./modules/partners/pages/SupplierFormPage'));
const WarehouseListPage = lazy(() => import('./modules/warehouses/pages/WarehouseListPage'));
const WarehouseFormPage = lazy(() => import('./modules/warehouses/pages/WarehouseFormPage'));
const ImportPage = lazy(() => import('./modules/imports/pages/ImportPage'));
const SalesOrderListPage = lazy(() => import('./modules/sales/pages/SalesOrderListPage'));
const SalesOrderNewPage = lazy(() => import('./modules/sales/pages/SalesOrderNewPage'));
const SalesOrderDetailPage = lazy(() => import('./modules/sales/pages/SalesOrderDetailPage'));
const SalesOrderPrintPage = lazy(() => import('./modules/sales/pages/SalesOrderPrintPage'));
const AlertListPage = lazy(() => import('./modules/alerts/pages/AlertListPage'));
const ApprovalRulesPage = lazy(() => import('./modules/sales/pages/ApprovalRulesPage'));
const StockPage = lazy(() => import('./modules/inventory/pages/StockPage'));
const MovementsPage = lazy(() => import('./modules/inventory/pages/MovementsPage'));
const AdjustmentListPage = lazy(() => import('./modules/inventory/pages/AdjustmentListPage'));
const AdjustmentNewPage = lazy(() => import('./modules/inventory/pages/AdjustmentNewPage'));
const OpeningListPage = lazy(() => import('./modules/inventory/pages/OpeningListPage'));
const OpeningNewPage = lazy(() => import('./modules/inventory/pages/OpeningNewPage'));
const TransferListPage = lazy(() => import('./modules/inventory/pages/TransferListPage'));
const TransferNewPage = lazy(() => import('./modules/inventory/pages/TransferNewPage'));
const TransferDetailPage = lazy(() => import('./modules/inventory/pages/TransferDetailPage'));
const TransferReceivePage = lazy(() => import('./modules/inventory/pages/TransferReceivePage'));
const TransferPrintPage = lazy(() => import('./modules/inventory/pages/TransferPrintPage'));
const CountListPage = lazy(() => import('./modules/inventory/pages/CountListPage'));
const CountNewPage = lazy(() => import('./modules/inventory/pages/CountNewPage'));
const CountReviewPage = lazy(() => import('./modules/inventory/pages/CountReviewPage'));
const CountScanPage = lazy(() => import('./modules/inventory/pages/CountScanPage'));
const PickListListPage = lazy(() => import('./modules/shipping/pages/PickListListPage'));
const PickListPage = lazy(() => import('./modules/shipping/pages/PickListPage'));
const PickListPrintPage = lazy(() => import('./modules/shipping/pages/PickListPrintPage'));
const PackingPage = lazy(() => import('./modules/shipping/pages/PackingPage'));
const PackOrderPage = lazy(() => import('./modules/shipping/pages/PackOrderPage'));
const PackingSlipPrintPage = lazy(() => import('./modules/shipping/pages/PackingSlipPrintPage'));
const ShipPage = lazy(() => import('./modules/shipping/pages/ShipPage'));
const ShipmentListPage = lazy(() => import('./modules/shipping/pages/ShipmentListPage'));
const ShipmentDetailPage = lazy(() => import('./modules/shipping/pages/ShipmentDetailPage'));
const ShipmentPrintPage = lazy(() => import('./modules/shipping/pages/ShipmentPrintPage'));
const CarriersPage = lazy(() => import('./modules/shipping/pages/CarriersPage'));
const PickBinsPage = lazy(() => import('./modules/shipping/pages/PickBinsPage'));
const PurchaseOrderListPage = lazy(() => import('./modules/purchasing/pages/PurchaseOrderListPage'));
const PurchaseOrderNewPage = lazy(() => import('./modules/purchasing/pages/PurchaseOrderNewPage'));
const PurchaseOrderDetailPage = lazy(() => import('./modules/purchasing/pages/PurchaseOrderDetailPage'));
const PurchaseOrderPrintPage = lazy(() => import('./modules/purchasing/pages/PurchaseOrderPrintPage'));
const ReceivingPage = lazy(() => import('./modules/purchasing/pages/ReceivingPage'));
const ReceiveOrderPage = lazy(() => import('./modules/purchasing/pages/ReceiveOrderPage'));
const UnplannedReceiptPage = lazy(() => import('./modules/purchasing/pages/UnplannedReceiptPage'));
const ReceiptListPage = lazy(() => import('./modules/purchasing/pages/ReceiptListPage'));
const ReceiptDetailPage = lazy(() => import('./modules/purchasing/pages/ReceiptDetailPage'));
const PurchasingSettingsPage = lazy(() => import('./modules/purchasing/pages/PurchasingSettingsPage'));
const ReplenishmentPage = lazy(() => import('./modules/purchasing/pages/ReplenishmentPage'));
const ForecastPage = lazy(() => import('./modules/forecast/pages/ForecastPage'));
const ReorderRulesPage = lazy(() => import('./modules/purchasing/pages/ReorderRulesPage'));
const PurchaseReturnNewPage = lazy(() => import('./modules/purchasing/pages/PurchaseReturnNewPage'));
const PurchaseReturnListPage = lazy(() => import('./modules/purchasing/pages/PurchaseReturnListPage'));
const PurchaseReturnDetailPage = lazy(() => import('./modules/purchasing/pages/PurchaseReturnDetailPage'));
const PurchaseReturnPrintPage = lazy(() => import('./modules/purchasing/pages/PurchaseReturnPrintPage'));
const PayablesPage = lazy(() => import('./modules/purchasing/pages/PayablesPage'));
const MessageTemplatesPage = lazy(() => import('./modules/notify/pages/MessageTemplatesPage'));
const NotifyChannelsPage = lazy(() => import('./modules/notify/pages/NotifyChannelsPage'));
const OutboxPage = lazy(() => import('./modules/notify/pages/OutboxPage'));
const WebhooksPage = lazy(() => import('./modules/webhooks/pages/WebhooksPage'));
const ReturnListPage = lazy(() => import('./modules/returns/pages/ReturnListPage'));
const ReturnNewPage = lazy(() => import('./modules/returns/pages/ReturnNewPage'));
const ReturnDetailPage = lazy(() => import('./modules/returns/pages/ReturnDetailPage'));
const ReturnReceivePage = lazy(() => import('./modules/returns/pages/ReturnReceivePage'));
const ComplaintListPage = lazy(() => import('./modules/feedback/pages/ComplaintListPage'));
const ComplaintNewPage = lazy(() => import('./modules/feedback/pages/ComplaintNewPage'));
const ComplaintDetailPage = lazy(() => import('./modules/feedback/pages/ComplaintDetailPage'));
const ComplaintSettingsPage = lazy(() => import('./modules/feedback/pages/ComplaintSettingsPage'));
const FeedbackListPage = lazy(() => import('./modules/feedback/pages/FeedbackListPage'));
const AnalyticsPage = lazy(() => import('./modules/analytics/pages/AnalyticsPage'));
const LedgerPage = lazy(() => import('./modules/finance/pages/LedgerPage'));
const PaymentPage = lazy(() => import('./modules/finance/pages/PaymentPage'));
const StatementPage = lazy(() => import('./modules/finance/pages/StatementPage'));
const StatementPrintPage = lazy(() => import('./modules/finance/pages/StatementPrintPage'));

const guard = (anyOf: string[], page: ReactNode) => <RequirePermission anyOf={anyOf}>{page}</RequirePermission>;

/** Every screen and who may open it. */
export function AppRoutes() {
  return (
    <Suspense fallback={<Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />}>
      <Routes>
        <Route element={<PublicOnly page="login" />}>
          <Route path="/login" element={<LoginPage />} />
        </Route>
        <Route element={<PublicOnly page="setup" />}>
          <Route path="/setup" element={<SetupPage />} />
        </Route>
        <Route element={<RequireAuth />}>
          <Route path="sales-orders/:id/print" element={guard(['sales:read'], <SalesOrderPrintPage />)} />
          <Route path="pick-lists/:id/print" element={guard(['sales:read'], <PickListPrintPage />)} />
          <Route path="packing/:orderId/slip" element={guard(['sales:read'], <PackingSlipPrintPage />)} />
          <Route path="shipments/:id/label" element={guard(['sales:read'], <ShipmentPrintPage kind="label" />)} />
          <Route path="shipments/:id/note" element={guard(['sales:read'], <ShipmentPrintPage kind="note" key="note" />)} />
          <Route path="stock/transfers/:id/print" element={guard(['stock:read'], <TransferPrintPage />)} />
          <Route path="purchase-orders/:id/print" element={guard(['purchasing:read'], <PurchaseOrderPrintPage />)} />
          <Route path="purchase-returns/:id/print" element={guard(['purchasing:read'], <PurchaseReturnPrintPage />)} />
          <Route path="finance/statement/:party/:id/print" element={guard(['finance:read'], <StatementPrintPage />)} />
          <Route element={<AppLayout headerExtra={<AlertBell />} />}>
            <Route index element={<HomePage />} />
            <Route path="products" element={guard(['catalog:read'], <ProductListPage />)} />
            <Route path="products/new" element={guard(['catalog:write'], <ProductFormPage />)} />
            <Route path="products/:id" element={guard(['catalog:read'], <ProductDetailPage />)} />
            <Route path="products/:id/edit" element={guard(['catalog:write'], <ProductFormPage key="edit" />)} />
            <Route path="categories" element={guard(['catalog:read'], <CategoriesPage />)} />
            <Route path="customers" element={guard(['customers:read'], <CustomerListPage />)} />
            <Route path="customers/new" element={guard(['customers:write'], <CustomerFormPage />)} />
            <Route path="customers/:id/edit" element={guard(['customers:write'], <CustomerFormPage key="edit" />)} />
            <Route path="suppliers" element={guard(['suppliers:read'], <SupplierListPage />)} />
            <Route path="suppliers/new" element={guard(['suppliers:write'], <SupplierFormPage />)} />
            <Route path="suppliers/:id/edit" element={guard(['suppliers:write'], <SupplierFormPage key="edit" />)} />
            <Route path="warehouses" element={guard(['warehouses:read'], <WarehouseListPage />)} />
            <Route path="warehouses/new" element={guard(['warehouses:write'], <WarehouseFormPage />)} />
            <Route path="warehouses/:id/edit" element={guard(['warehouses:write'], <WarehouseFormPage key="edit" />)} />
            <Route path="sales-orders" element={guard(['sales:read'], <SalesOrderListPage />)} />
            <Route path="sales-orders/new" element={guard(['sales:write'], <SalesOrderNewPage />)} />
            <Route path="sales-orders/:id" element={guard(['sales:read'], <SalesOrderDetailPage />)} />
            <Route path="sales-orders/:id/edit" element={guard(['sales:write'], <SalesOrderNewPage key="edit" />)} />
            <Route path="sales-returns" element={guard(['sales:read'], <ReturnListPage />)} />
            <Route path="sales-returns/new" element={guard(['sales:write'], <ReturnNewPage />)} />
            <Route path="sales-returns/:id" element={guard(['sales:read'], <ReturnDetailPage />)} />
            <Route path="sales-returns/:id/receive" element={guard(['shipping:write'], <ReturnReceivePage />)} />
            <Route path="complaints" element={guard(['sales:read'], <ComplaintListPage />)} />
            <Route path="complaints/new" element={guard(['sales:write'], <ComplaintNewPage />)} />
            <Route path="complaints/:id" element={guard(['sales:read'], <ComplaintDetailPage />)} />
            <Route path="feedback" element={guard(['sales:read'], <FeedbackListPage />)} />
            <Route path="approval-rules" element={guard(['approval:manage'], <ApprovalRulesPage />)} />
            <Route path="alerts" element={<AlertListPage />} />
            <Route path="analytics" element={guard(['analytics:read'], <AnalyticsPage />)} />
            <Route path="stock" element={guard(['stock:read'], <StockPage />)} />
            <Route path="stock/movements" element={guard(['stock:read'], <MovementsPage />)} />
            <Route path="stock/adjustments" element={guard(['stock:read'], <AdjustmentListPage />)} />
            <Route path="stock/adjustments/new" element={guard(['stock:adjust'], <AdjustmentNewPage />)} />
            <Route path="stock/opening" element={guard(['stock:read'], <OpeningListPage />)} />
            <Route path="stock/opening/new" element={guard(['stock:adjust'], <OpeningNewPage />)} />
            <Route path="stock/transfers" element={guard(['stock:read'], <TransferListPage />)} />
            <Route path="stock/transfers/new" element={guard(['stock:adjust'], <TransferNewPage />)} />
            <Route path="stock/transfers/:id" element={guard(['stock:read'], <TransferDetailPage />)} />
            <Route path="stock/transfers/:id/receive" element={guard(['stock:adjust'], <TransferReceivePage />)} />
            <Route path="stock/counts" element={guard(['stock:read'], <CountListPage />)} />
            <Route path="stock/counts/new" element={guard(['stock:adjust'], <CountNewPage />)} />
            <Route path="stock/counts/:id" element={guard(['stock:read'], <CountReviewPage />)} />
            <Route path="stock/counts/:id/scan" element={guard(['stock:adjust'], <CountScanPage />)} />
            <Route path="pick-lists" element={guard(['sales:read'], <PickListListPage />)} />
            <Route path="pick-lists/:id" element={guard(['sales:read'], <PickListPage />)} />
            <Route path="packing" element={guard(['shipping:write'], <PackingPage />)} />
            <Route path="packing/:orderId" element={guard(['shipping:write'], <PackOrderPage />)} />
            <Route path="ship/:orderId" element={guard(['shipping:write'], <ShipPage />)} />
            <Route path="shipments" element={guard(['sales:read'], <ShipmentListPage />)} />
            <Route path="shipments/:id" element={guard(['sales:read'], <ShipmentDetailPage />)} />
            <Route path="settings/carriers" element={guard(['sales:read'], <CarriersPage />)} />
            <Route path="pick-bins" element={guard(['warehouses:read'], <PickBinsPage />)} />
            <Route path="purchase-orders" element={guard(['purchasing:read'], <PurchaseOrderListPage />)} />
            <Route path="purchase-orders/new" element={guard(['purchasing:write'], <PurchaseOrderNewPage />)} />
            <Route path="purchase-orders/:id" element={guard(['purchasing:read'], <PurchaseOrderDetailPage />)} />
            <Route path="purchase-orders/:id/edit" element={guard(['purchasing:write'], <PurchaseOrderNewPage key="edit" />)} />
            <Route path="receiving" element={guard(['purchasing:receive'], <ReceivingPage />)} />
            <Route path="receiving/unplanned" element={guard(['purchasing:receive'], <UnplannedReceiptPage />)} />
            <Route path="receiving/:orderId" element={guard(['purchasing:receive'], <ReceiveOrderPage />)} />
            <Route path="purchase-receipts" element={guard(['purchasing:read'], <ReceiptListPage />)} />
            <Route path="purchase-receipts/:id" element={guard(['purchasing:read'], <ReceiptDetailPage />)} />
            <Route path="settings/purchasing" element={guard(['purchasing:manage'], <PurchasingSettingsPage />)} />
            <Route path="replenishment" element={guard(['purchasing:read'], <ReplenishmentPage />)} />
            <Route path="analytics/forecast" element={guard(['analytics:read'], <ForecastPage />)} />
            <Route path="reorder-rules" element={guard(['purchasing:read'], <ReorderRulesPage />)} />
            <Route path="purchase-receipts/:id/return" element={guard(['purchasing:write'], <PurchaseReturnNewPage />)} />
            <Route path="purchase-returns" element={guard(['purchasing:read'], <PurchaseReturnListPage />)} />
            <Route path="purchase-returns/:id" element={guard(['purchasing:read'], <PurchaseReturnDetailPage />)} />
            <Route path="payables" element={guard(['purchasing:read'], <PayablesPage />)} />
            <Route path="finance/receivables" element={guard(['finance:read'], <LedgerPage side="receivables" key="receivables" />)} />
            <Route path="finance/receivables/receive" element={guard(['finance:write'], <PaymentPage side="receivables" key="receive" />)} />
            <Route path="finance/payables" element={guard(['finance:read'], <LedgerPage side="payables" key="payables" />)} />
            <Route path="finance/payables/pay" element={guard(['finance:write'], <PaymentPage side="payables" key="pay" />)} />
            <Route path="finance/statement/:party/:id" element={guard(['finance:read'], <StatementPage />)} />
            <Route path="imports" element={guard(['catalog:write', 'customers:write', 'suppliers:write', 'stock:adjust', 'sales:write'], <ImportPage />)} />
            <Route path="settings/users" element={guard(['users:manage'], <UsersPage />)} />
            <Route path="settings/api-keys" element={guard(['apiKeys:manage'], <ApiKeysPage />)} />
            <Route path="settings/audit-log" element={guard(['audit:read'], <AuditLogPage />)} />
            <Route path="settings/message-templates" element={guard(['notify:manage'], <MessageTemplatesPage />)} />
            <Route path="settings/notify-channels" element={guard(['notify:manage'], <NotifyChannelsPage />)} />
            <Route path="settings/outbox" element={guard(['notify:manage'], <OutboxPage />)} />
            <Route path="settings/webhooks" element={guard(['webhooks:manage'], <WebhooksPage />)} />
            <Route path="settings/complaints" element={guard(['approval:manage'], <ComplaintSettingsPage />)} />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}
