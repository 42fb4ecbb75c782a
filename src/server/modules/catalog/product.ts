import type { ErrorDetail } from '../../platform/errors.js';

type UnitsAndBarcodes = {
  baseUnit: string;
  units: Array<{ name: string; factor: number }>;
  barcodes: Array<{ barcode: string; unit: string | null }>;
};

/** Checks pack units and barcodes of one product: unique names, barcodes on known units, no repeats. */
export function checkUnitsAndBarcodes(p: UnitsAndBarcodes): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  const names = new Set<string>();
  p.units.forEach((u, i) => {
    if (u.name === p.baseUnit) errors.push({ field: `units.${i}.name`, message: { zh: '辅助单位不能与基本单位同名', en: 'A pack unit cannot have the base unit’s name' }, code: 'UNIT_IS_BASE' });
    else if (names.has(u.name)) errors.push({ field: `units.${i}.name`, message: { zh: '单位名称重复', en: 'Duplicate unit name' }, code: 'UNIT_DUPLICATE' });
    names.add(u.name);
  });
  const codes = new Set<string>();
  p.barcodes.forEach((b, i) => {
    if (codes.has(b.barcode)) errors.push({ field: `barcodes.${i}.barcode`, message: { zh: '条码重复', en: 'Duplicate barcode' }, code: 'BARCODE_DUPLICATE' });
    codes.add(b.barcode);
    if (b.unit !== null && b.unit !== p.baseUnit && !names.has(b.unit)) errors.push({ field: `barcodes.${i}.unit`, message: { zh: '条码对应的单位不存在', en: 'The barcode’s unit is not one of the product’s units' }, code: 'UNIT_UNKNOWN' });
  });
  return errors;
}

/** Converts a quantity in a pack unit to base units (1 箱 = 12 个 → 3 箱 = 36). */
export function toBaseUnits(quantity: number, factor: number): number {
  return quantity * factor;
}
