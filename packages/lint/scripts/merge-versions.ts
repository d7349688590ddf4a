/**
 * Folds per-version ConfigDef dumps into the compact catalogue shape of
 * schemas/catalogue.schema.json: one record per key, attributes that changed
 * over versions stored as { "<first version>": value } change maps.
 */

/** One key of one version, as DumpConfigDefs.java prints it. */
export interface DumpedKey {
  key: string;
  type: string;
  importance: string | null;
  doc: string | null;
  default: string | null;
  required?: boolean;
  internal?: boolean;
  validValues?: string[];
  validItems?: string[];
  caseInsensitive?: boolean;
  min?: number;
  max?: number;
  validator?: string;
}

type Scalar = string | number | boolean | null | string[];
/** A value that may change over versions: plain when constant, else a change map. */
export type Versioned<T extends Scalar> = T | Record<string, T>;

/** The catalogue record of one key. */
export type KeyRecord = Record<string, unknown>;

const VERSIONED: (keyof DumpedKey)[] = ['default', 'required', 'validValues', 'validItems', 'caseInsensitive', 'min', 'max', 'validator'];

/** Merges `dumps[i]` (keys of `versions[i]`) into key records sorted by key. */
export function mergeVersions(versions: string[], dumps: DumpedKey[][]): Record<string, KeyRecord> {
  const byKey = new Map<string, Map<string, DumpedKey>>();
  dumps.forEach((keys, i) => {
    for (const k of keys) {
      let perVersion = byKey.get(k.key);
      if (perVersion === undefined) byKey.set(k.key, (perVersion = new Map()));
      perVersion.set(versions[i] as string, k);
    }
  });
  const out: Record<string, KeyRecord> = {};
  for (const key of [...byKey.keys()].sort()) {
    const perVersion = byKey.get(key) as Map<string, DumpedKey>;
    const present = versions.filter((v) => perVersion.has(v));
    const latest = perVersion.get(present.at(-1) as string) as DumpedKey;
    const rec: KeyRecord = { type: latest.type };
    if (latest.importance) rec['importance'] = latest.importance;
    const doc = firstSentence(latest.doc);
    if (doc) rec['doc'] = doc;
    rec['since'] = present[0];
    const last = present.at(-1) as string;
    if (last !== versions.at(-1)) rec['until'] = last;
    const gaps = versions.slice(versions.indexOf(present[0] as string), versions.indexOf(last) + 1).filter((v) => !perVersion.has(v));
    if (gaps.length > 0) rec['absentIn'] = gaps;
    if (latest.internal) rec['internal'] = true;
    for (const attr of VERSIONED) {
      const values = present.map((v) => (perVersion.get(v) as DumpedKey)[attr] ?? null) as Scalar[];
      if (values.every((x) => x === null || x === false)) continue;
      rec[attr] = changeMap(present, values);
    }
    const types = new Set(present.map((v) => (perVersion.get(v) as DumpedKey).type));
    if (types.size > 1) rec['type'] = changeMap(present, present.map((v) => (perVersion.get(v) as DumpedKey).type));
    out[key] = rec;
  }
  return out;
}

function changeMap(versions: string[], values: Scalar[]): Versioned<Scalar> {
  const same = (a: Scalar, b: Scalar): boolean => JSON.stringify(a) === JSON.stringify(b);
  if (values.every((v) => same(v, values[0] as Scalar))) return values[0] as Scalar;
  const map: Record<string, Scalar> = {};
  values.forEach((v, i) => {
    if (i === 0 || !same(v, values[i - 1] as Scalar)) map[versions[i] as string] = v;
  });
  return map;
}

/** The first sentence of a ConfigDef doc, HTML tags removed, at most 300 characters. */
export function firstSentence(doc: string | null): string | undefined {
  if (!doc) return undefined;
  const plain = doc
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
  const m = /^(.+?(?<!\b(?:e\.g|i\.e|etc|vs|approx))[.!?])(?=\s+[A-Z<(`"]|$)/.exec(plain);
  let s = m?.[1] ?? plain;
  if (s.length > 300) s = s.slice(0, 297).replace(/\s+\S*$/, '') + '...';
  return s;
}
