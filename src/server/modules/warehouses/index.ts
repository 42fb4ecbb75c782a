export { warehouseRoutes } from './warehouse.routes.js';
export { insertWarehouse, getWarehouse } from './warehouse.service.js';
export { warehouseInput, type WarehouseInput } from './warehouse.schemas.js';
