// Analytics facts and rollups (migration 0016, docs/metrics.md).

/** One sold (kind sale, on shipment or imported history) or returned (kind return, negative) order line. */
export interface SalesFactTable {
  id: string;
  /** Business date (YYYY-MM-DD) the units left (sale) or came back (return). */
  day: string;
  kind: 'sale' | 'return';
  orderId: string;
  orderLineId: string;
  customerId: string;
  productId: string;
  /** The product's category when the fact was written; '' for none. */
  categoryId: string;
  warehouseId: string;
  /** Base units; negative for returns. */
  quantity: number;
  /** Revenue without tax, after discounts (fen); negative for returns. */
  net: number;
  /** Cost of goods (fen); negative for restocked returns. */
  cost: number;
  /** 1 when the cost is known (shipped through the ledger), 0 for imported history without cost. */
  costed: number;
  sourceType: string;
  sourceId: string;
}

/** The measures every rollup keeps: sales, cost, the revenue whose cost is known, returns, fact rows. */
export interface RollupMeasures {
  quantity: number;
  net: number;
  cost: number;
  costedNet: number;
  returnedQuantity: number;
  returnedNet: number;
  lines: number;
}

export interface SalesDailyTable extends RollupMeasures { day: string; warehouseId: string; categoryId: string }
export interface SalesMonthlyProductTable extends RollupMeasures { month: string; warehouseId: string; productId: string; categoryId: string }
export interface SalesMonthlyCustomerTable extends RollupMeasures { month: string; warehouseId: string; customerId: string; categoryId: string }
/** Per customer without the category (migration 0020): what top customers read when no category is asked for. */
export interface SalesMonthlyCustomerTotalTable extends RollupMeasures { month: string; warehouseId: string; customerId: string }
/** Per product without warehouse and category (migration 0021): top products when neither is filtered. */
export interface SalesMonthlyProductTotalTable extends RollupMeasures { month: string; productId: string }

/** One confirmed (or imported) order, for the fulfilment figures. */
export interface OrderFactTable {
  orderId: string;
  orderDay: string;
  customerId: string;
  warehouseId: string;
  requestedDate: string | null;
  net: number;
  lineCount: number;
  /** 1 when some line could not be reserved at confirmation. */
  backordered: number;
  firstShipDay: string | null;
  /** The day the last unit shipped. */
  shippedDay: string | null;
  returned: number;
  cancelled: number;
  history: number;
}

/** The last forecast run's result for a product × warehouse (migration 0018). */
export interface DemandForecastTable {
  productId: string;
  warehouseId: string;
  method: string;
  demandClass: string;
  /** JSON: the fitted parameters. */
  params: string;
  historyWeeks: number;
  /** Monday (YYYY-MM-DD) of the first forecast week. */
  firstWeek: string;
  /** JSON array: units per week from firstWeek. */
  weekly: string;
  holdout: number;
  absError: number;
  actualSum: number;
  wape: number | null;
  computedAt: string;
}

/** The last day a product sold from a warehouse (migration 0021), kept with the facts. */
export interface ProductLastSaleTable { productId: string; warehouseId: string; lastDay: string }

/** Units and cost value the ledger moved per business month × product × warehouse (migration 0022), kept by changeStock. */
export interface StockValueMonthTable { month: string; productId: string; warehouseId: string; quantity: number; value: number }

/** Which running totals of a monthly rollup (rollup_prefix_months, migration 0026) hold: one row per rollup × month made. */
export interface RollupPrefixMonthTable { rollup: string; month: string; madeAt: string }
/** stock_value_months summed over the months before `month` (migration 0026). */
export interface StockValuePrefixTable { month: string; productId: string; warehouseId: string; quantity: number; value: number }
/** sales_monthly_product_totals summed over the months before `month`, with Σ of each month's units squared (migration 0026). */
export interface SalesProductPrefixTable extends RollupMeasures { month: string; productId: string; squares: number }
/** sales_monthly_customer_totals summed over the months before `month` (migration 0026). */
export interface SalesCustomerPrefixTable extends RollupMeasures { month: string; warehouseId: string; customerId: string }
