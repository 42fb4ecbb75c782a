export { importRoutes, importSpecs } from './import.routes.js';
export { previewImport, commitImport, type ImportPreview, type RowError, type ImportMode } from './import.service.js';
export { readSpreadsheet, MAX_IMPORT_ROWS, type Sheet } from './spreadsheet.js';
