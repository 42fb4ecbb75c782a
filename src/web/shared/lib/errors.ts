import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/** "units.0.factor" → ['units', 0, 'factor'], the antd form name path. */
export function fieldPath(field: string): (string | number)[] {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** The message to show for any error (the server's message when it sent one). */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}

/**
 * Puts the server's field errors onto the matching form fields. `rename` maps server field names to
 * form names when they differ. Returns true when the server named any field.
 */
export function applyFieldErrors(form: FormInstance, err: unknown, rename: Record<string, string> = {}): boolean {
  if (!(err instanceof ApiError)) return false;
  const fields = err.fieldErrors.filter((d) => d.field).map((d) => ({ name: fieldPath(rename[d.field] ?? d.field), errors: [d.message] }));
  if (fields.length) form.setFields(fields);
  return fields.length > 0;
}
