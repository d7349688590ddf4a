import { readFileSync } from 'node:fs';
import { compareVersions } from './kafka-versions.js';

/** A value that may change over versions: plain when constant, else `{ "<first version>": value }`. */
export type Versioned<T> = T | Record<string, T>;

/** One key of a catalogue file (schemas/catalogue.schema.json#/definitions/key). */
export interface KeyRecord {
  type: Versioned<string>;
  importance?: 'high' | 'medium' | 'low';
  doc?: string;
  since?: string;
  until?: string;
  absentIn?: string[];
  internal?: boolean;
  deprecated?: boolean;
  roles?: string[];
  level?: 'topic';
  aliasOf?: string;
  symbols?: string[];
  default?: Versioned<string | null>;
  required?: Versioned<boolean | null>;
  validValues?: Versioned<string[] | null>;
  validItems?: Versioned<string[] | null>;
  caseInsensitive?: Versioned<boolean | null>;
  min?: Versioned<number | null>;
  max?: Versioned<number | null>;
  validator?: Versioned<string | null>;
  unit?: 'ms' | 'bytes';
  docsUrl?: string;
  option?: string;
  datastreamDefault?: string | null;
}

/** A catalogue file of schemas/catalogues/. */
export interface CatalogueFile {
  catalogue: string;
  roles: string[];
  dialect: string;
  versions: string[];
  sources?: Record<string, string>;
  namespaces?: string[];
  keys: Record<string, KeyRecord>;
  guaranteeEffects?: Record<string, Record<string, Record<string, string>>>;
}

/** Names of the catalogue files. */
export type CatalogueName =
  | 'kafka-producer'
  | 'kafka-consumer'
  | 'kafka-admin'
  | 'kafka-streams'
  | 'kafka-broker'
  | 'kafka-topic'
  | 'librdkafka'
  | 'kafkajs'
  | 'flink';

// src/catalogue and dist/catalogue are both four levels below the repository root.
const DIR = new URL('../../../../schemas/catalogues/', import.meta.url);
const loaded = new Map<CatalogueName, CatalogueFile>();

/** Reads a catalogue file once, on first use (the CLI loads only what the linted roles need). */
export function loadCatalogue(name: CatalogueName): CatalogueFile {
  let file = loaded.get(name);
  if (file === undefined) {
    file = JSON.parse(readFileSync(new URL(`${name}.json`, DIR), 'utf8')) as CatalogueFile;
    loaded.set(name, file);
  }
  return file;
}

/** The record of a key, never an inherited property (`constructor`, `__proto__`). */
export function recordOf(file: CatalogueFile, key: string): KeyRecord | undefined {
  return Object.hasOwn(file.keys, key) ? file.keys[key] : undefined;
}

/** A versioned attribute's value at `version` (undefined before its first version). */
export function atVersion<T>(value: Versioned<T> | undefined, version: string): T | undefined {
  if (value === undefined || value === null || typeof value !== 'object' || Array.isArray(value)) return value as T | undefined;
  let found: T | undefined;
  let foundAt: string | undefined;
  for (const [v, x] of Object.entries(value as Record<string, T>)) {
    if (compareVersions(v, version) <= 0 && (foundAt === undefined || compareVersions(v, foundAt) > 0)) {
      found = x;
      foundAt = v;
    }
  }
  return found;
}

/** Whether a key exists at a version of the catalogue. */
export function presentAt(rec: KeyRecord, version: string): boolean {
  if (rec.since !== undefined && compareVersions(version, rec.since) < 0) return false;
  if (rec.until !== undefined && compareVersions(version, rec.until) > 0) return false;
  return !(rec.absentIn ?? []).includes(version);
}
