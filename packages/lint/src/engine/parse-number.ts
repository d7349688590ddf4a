/**
 * Reads numbers the way configs write them: Kafka integers and longs, and
 * Flink durations (`10s`, `1 min`, `500 ms`, `PT10S`), all in milliseconds.
 */
const UNIT_MS: Record<string, number> = {
  ms: 1, milli: 1, millis: 1, millisecond: 1, milliseconds: 1,
  s: 1000, sec: 1000, secs: 1000, second: 1000, seconds: 1000,
  m: 60_000, min: 60_000, mins: 60_000, minute: 60_000, minutes: 60_000,
  h: 3_600_000, hour: 3_600_000, hours: 3_600_000,
  d: 86_400_000, day: 86_400_000, days: 86_400_000,
};

/** A plain number (`5`, `-1`, `1e3` is refused), or null. */
export function parseNumber(value: string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (!/^[+-]?\d+(\.\d+)?$/.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** A Flink duration in ms (a bare number counts as ms, as Flink reads it), or null. */
export function parseDurationMs(value: string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const plain = parseNumber(value);
  if (plain !== null) return plain;
  const text = value.trim().toLowerCase();
  const iso = /^pt(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(text);
  if (iso && text !== 'pt') {
    const [, h, m, s] = iso;
    return (Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0)) * 1000;
  }
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/.exec(text);
  if (!match) return null;
  const factor = UNIT_MS[match[2] as string];
  return factor === undefined ? null : Number(match[1]) * factor;
}

/** Reads a value as a number, or as a duration when `unit` is `duration`. */
export function parseMeasure(value: string | null | undefined, unit: 'number' | 'duration' = 'number'): number | null {
  return unit === 'duration' ? parseDurationMs(value) : parseNumber(value);
}
