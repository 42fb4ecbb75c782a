export { seedDemo, countMasterData, DemoRefusedError, type DemoCounts } from './demo.service.js';
export { generateDemoData, DEMO_SEED, type DemoData } from './demo-data.js';
export { ean13CheckDigit, isValidEan13, makeEan13 } from './ean13.js';
