const UNIT_MS = new Map<string, number>();
const add = (ms: number, ...names: string[]): void => names.forEach((n) => UNIT_MS.set(n, ms));
add(1e-6, 'ns', 'nano', 'nanos', 'nanosecond', 'nanoseconds');
add(1e-3, 'µs', 'us', 'micro', 'micros', 'microsecond', 'microseconds');
add(1, 'ms', 'milli', 'millis', 'millisecond', 'milliseconds');
add(1000, 's', 'sec', 'secs', 'second', 'seconds');
add(60_000, 'm', 'min', 'mins', 'minute', 'minutes');
add(3_600_000, 'h', 'hour', 'hours');
add(86_400_000, 'd', 'day', 'days');

const PLAIN = /^(\d+)\s*([a-zµ]*)$/i;
const ISO = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

/**
 * A duration in milliseconds, as decimal text: `10 s`, `10s`, `1 min`,
 * `500 ms`, `PT10S` (ISO-8601) or a bare number (already ms), as Flink's
 * TimeUtils and Spring Boot's Duration binding read them. Undefined when the
 * text is no duration.
 */
export function durationMs(text: string): string | undefined {
  const t = text.trim();
  const plain = PLAIN.exec(t);
  if (plain) {
    const factor = plain[2] === '' ? 1 : UNIT_MS.get((plain[2] as string).toLowerCase());
    if (factor === undefined) return undefined;
    const n = BigInt(plain[1] as string);
    return factor >= 1 ? String(n * BigInt(factor)) : String(Math.floor(Number(n) * factor));
  }
  const iso = ISO.exec(t);
  if (iso && t.length > 1 && !/T$/i.test(t)) {
    const [, d, h, m, s] = iso;
    const ms = Number(d ?? 0) * 86_400_000 + Number(h ?? 0) * 3_600_000 + Number(m ?? 0) * 60_000 + Math.round(Number(s ?? 0) * 1000);
    return String(ms);
  }
  return undefined;
}
