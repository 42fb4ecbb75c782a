import { crudRoutes } from '../../platform/crud-routes.js';
import type { ExportColumn } from '../../platform/export.js';
import * as s from './warehouse.schemas.js';
import * as svc from './warehouse.service.js';

const exportColumns: ExportColumn<s.WarehouseView>[] = [
  { key: 'code', zh: '仓库编号', en: 'Code' },
  { key: 'name', zh: '仓库名称', en: 'Name', width: 24 },
  { key: 'address', zh: '地址', en: 'Address', width: 40 },
  { key: 'manager', zh: '负责人', en: 'Manager' },
  { key: 'phone', zh: '电话', en: 'Phone' },
  { key: 'isDefault', zh: '默认仓库', en: 'Default', value: (w) => (w.isDefault ? 'Y' : '') },
  { key: 'bins', zh: '库位', en: 'Bins', width: 40, value: (w) => w.bins.map((b) => b.code).join(';') },
  { key: 'status', zh: '状态', en: 'Status' },
];

/** Warehouses and their bin locations. */
export const warehouseRoutes = crudRoutes({
  path: '/api/v1/warehouses', entity: 'warehouse', table: 'warehouses', tags: ['warehouses'], noun: 'warehouse',
  read: 'warehouses:read', write: 'warehouses:write',
  view: s.warehouseView, input: s.warehouseInput, patch: s.warehousePatch, listQuery: s.warehouseListQuery, exportQuery: s.warehouseExportQuery,
  sorts: svc.warehouseSorts, list: svc.listWarehouses, get: svc.getWarehouse, create: svc.createWarehouse, update: svc.updateWarehouse,
  exportColumns, exportName: { zh: '仓库', en: 'warehouses' },
});
