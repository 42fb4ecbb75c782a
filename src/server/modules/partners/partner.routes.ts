import type { FastifyPluginAsync } from 'fastify';
import { crudRoutes } from '../../platform/crud-routes.js';
import type { ExportColumn } from '../../platform/export.js';
import * as customers from './customer.service.js';
import * as s from './partner.schemas.js';
import * as suppliers from './supplier.service.js';

const addressText = (a: s.CustomerView['addresses'][number]) => [a.province, a.city, a.district, a.address].filter(Boolean).join(' ');

export const customerExportColumns: ExportColumn<s.CustomerView>[] = [
  { key: 'code', zh: '客户编号', en: 'Code' },
  { key: 'name', zh: '客户名称', en: 'Name', width: 30 },
  { key: 'contact', zh: '联系人', en: 'Contact', value: (c) => c.contacts[0]?.name ?? '' },
  { key: 'phone', zh: '电话', en: 'Phone' },
  { key: 'email', zh: '邮箱', en: 'Email' },
  { key: 'address', zh: '地址', en: 'Address', width: 40, value: (c) => { const a = c.addresses.find((x) => x.isDefault) ?? c.addresses[0]; return a ? addressText(a) : ''; } },
  { key: 'priceTier', zh: '价格等级', en: 'Price tier' },
  { key: 'creditLimit', zh: '信用额度', en: 'Credit limit', money: true },
  { key: 'paymentTermsDays', zh: '账期(天)', en: 'Payment terms (days)' },
  { key: 'tags', zh: '标签', en: 'Tags' },
  { key: 'status', zh: '状态', en: 'Status' },
];

export const supplierExportColumns: ExportColumn<s.SupplierView>[] = [
  { key: 'code', zh: '供应商编号', en: 'Code' },
  { key: 'name', zh: '供应商名称', en: 'Name', width: 30 },
  { key: 'contact', zh: '联系人', en: 'Contact', value: (c) => c.contacts[0]?.name ?? '' },
  { key: 'phone', zh: '电话', en: 'Phone' },
  { key: 'email', zh: '邮箱', en: 'Email' },
  { key: 'address', zh: '地址', en: 'Address', width: 40 },
  { key: 'leadTimeDays', zh: '交货周期(天)', en: 'Lead time (days)' },
  { key: 'moq', zh: '起订量', en: 'MOQ' },
  { key: 'products', zh: '供货商品数', en: 'Products supplied', value: (c) => c.products.length },
  { key: 'tags', zh: '标签', en: 'Tags' },
  { key: 'status', zh: '状态', en: 'Status' },
];

/** Customers and suppliers. */
export const partnerRoutes: FastifyPluginAsync = async (app) => {
  await app.register(crudRoutes({
    path: '/api/v1/customers', entity: 'customer', table: 'customers', tags: ['customers'], noun: 'customer',
    read: 'customers:read', write: 'customers:write',
    view: s.customerView, input: s.customerInput, patch: s.customerPatch, listQuery: s.customerListQuery, exportQuery: s.customerExportQuery,
    sorts: customers.customerSorts, list: customers.listCustomers, get: customers.getCustomer, create: customers.createCustomer, update: customers.updateCustomer,
    exportColumns: customerExportColumns, exportName: { zh: '客户', en: 'customers' },
  }));
  await app.register(crudRoutes({
    path: '/api/v1/suppliers', entity: 'supplier', table: 'suppliers', tags: ['suppliers'], noun: 'supplier',
    read: 'suppliers:read', write: 'suppliers:write',
    view: s.supplierView, input: s.supplierInput, patch: s.supplierPatch, listQuery: s.supplierListQuery, exportQuery: s.supplierExportQuery,
    sorts: suppliers.supplierSorts, list: suppliers.listSuppliers, get: suppliers.getSupplier, create: suppliers.createSupplier, update: suppliers.updateSupplier,
    exportColumns: supplierExportColumns, exportName: { zh: '供应商', en: 'suppliers' },
  }));
};
