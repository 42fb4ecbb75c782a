/** Classifies a driver error from SQLite or PostgreSQL into the constraint kinds we branch on. */
export function constraintKind(err: unknown): 'unique' | 'foreign_key' | null {
  const e = err as { code?: string; message?: string } | null;
  if (!e || typeof e !== 'object') return null;
  if (e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return 'unique';
  if (e.code === '23503' || e.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return 'foreign_key';
  return null;
}

/** PostgreSQL aborted a SERIALIZABLE transaction because a concurrent one conflicted with it. */
export function isSerializationFailure(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === '40001';
}
