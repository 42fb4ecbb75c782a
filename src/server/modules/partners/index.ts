export { partnerRoutes, customerExportColumns, supplierExportColumns } from './partner.routes.js';
export { insertCustomer, updateCustomerTx, findCustomerIdByCode, getCustomer } from './customer.service.js';
export { insertSupplier, updateSupplierTx, findSupplierIdByCode, getSupplier } from './supplier.service.js';
export { customerInput, supplierInput, type CustomerInput, type SupplierInput } from './partner.schemas.js';
