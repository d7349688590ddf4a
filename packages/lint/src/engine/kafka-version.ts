/** Kafka versions as `major.minor[.patch]`, compared numerically. */
export type VersionTuple = [number, number, number];

/** Parses `3.9`, `3.9.1` or `4.0.0-SNAPSHOT` (suffix ignored); null when unreadable. */
export function parseVersion(text: string): VersionTuple | null {
  const m = /^\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text);
  if (!m) return null;
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

/** Negative when a < b, 0 when equal, positive when a > b. */
export function compareVersions(a: VersionTuple, b: VersionTuple): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/**
 * True when `version` satisfies every comparator of `range`
 * (`">=3.2 <4.0"`; a bare version means `=`). Unreadable versions satisfy nothing.
 */
export function satisfiesRange(version: string, range: string): boolean {
  const v = parseVersion(version);
  if (!v) return false;
  return range
    .trim()
    .split(/\s+/)
    .every((part) => {
      const m = /^(<=|>=|<|>|=)?\s*(.+)$/.exec(part);
      const bound = m ? parseVersion(m[2] as string) : null;
      if (!m || !bound) return false;
      const c = compareVersions(v, bound);
      switch (m[1]) {
        case '<': return c < 0;
        case '<=': return c <= 0;
        case '>': return c > 0;
        case '>=': return c >= 0;
        default: return c === 0;
      }
    });
}
