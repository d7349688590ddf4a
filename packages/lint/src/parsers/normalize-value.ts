/**
 * Normalizes a scalar the way Kafka's ConfigDef reads it: surrounding
 * whitespace dropped (ConfigDef trims every type but passwords) and booleans
 * in lower case (Kafka accepts `TRUE`). Everything else stays as written;
 * type checks belong to the catalogue.
 */
export function normalizeScalar(raw: string): string {
  const trimmed = raw.trim();
  if (/^(true|false)$/i.test(trimmed)) return trimmed.toLowerCase();
  return trimmed;
}
