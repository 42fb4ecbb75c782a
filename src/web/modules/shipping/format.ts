// Boxes are weighed in kg and measured in cm on the floor; the server keeps grams and millimetres.

/** Grams → kg for a field (null stays null). */
export const toKg = (g: number | null | undefined) => (g === null || g === undefined ? null : g / 1000);
/** Millimetres → cm for a field. */
export const toCm = (mm: number | null | undefined) => (mm === null || mm === undefined ? null : mm / 10);
/** Kg typed → whole grams; empty or zero clears it. */
export const fromKg = (kg: number | null | undefined) => (kg ? Math.max(1, Math.round(kg * 1000)) : null);
/** Cm typed → whole millimetres; empty or zero clears it. */
export const fromCm = (cm: number | null | undefined) => (cm ? Math.max(1, Math.round(cm * 10)) : null);

/** "1.25 kg" from grams, or '' when unknown. */
export const formatKg = (g: number | null | undefined) => (g ? `${Number((g / 1000).toFixed(3))} kg` : '');
/** "40×30×20 cm" from millimetres, or '' when any side is unknown. */
export const formatSize = (p: { lengthMm: number | null; widthMm: number | null; heightMm: number | null }) =>
  p.lengthMm && p.widthMm && p.heightMm ? `${p.lengthMm / 10}×${p.widthMm / 10}×${p.heightMm / 10} cm` : '';
