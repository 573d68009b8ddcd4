// The one database error the stores act on, recognised on both dialects: a unique or primary-key
// violation (PostgreSQL SQLSTATE 23505; better-sqlite3 SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY).

export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
