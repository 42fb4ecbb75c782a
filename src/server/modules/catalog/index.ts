export { categoryRoutes } from './category.routes.js';
export { productRoutes, productExportColumns } from './product.routes.js';
export { ensureCategoryPath } from './category.service.js';
export { insertProduct, updateProductTx, getProduct, lookupProduct } from './product.service.js';
export { findProductIdBySku } from './product.repository.js';
export { productInput, type ProductInput } from './product.schemas.js';
