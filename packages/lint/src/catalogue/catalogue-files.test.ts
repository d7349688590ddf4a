import { readdirSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { KAFKA_VERSIONS } from './kafka-versions.js';

const root = new URL('../../../../schemas/', import.meta.url);
const files = readdirSync(new URL('catalogues/', root)).filter((f) => f.endsWith('.json'));
const read = (f: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(`catalogues/${f}`, root), 'utf8')) as Record<string, unknown>;

describe('catalogue > files', () => {
  it('all validate against schemas/catalogue.schema.json', () => {
    const ajv = new Ajv({ allErrors: true, strict: true });
    const validate = ajv.compile(JSON.parse(readFileSync(new URL('catalogue.schema.json', root), 'utf8')) as object);
    expect(files.length).toBe(9);
    for (const f of files) {
      const ok = validate(read(f));
      expect(ok ? [] : validate.errors, f).toEqual([]);
    }
  });

  it('cover exactly KAFKA_VERSIONS for the generated Kafka catalogues', () => {
    for (const f of files.filter((x) => x.startsWith('kafka-'))) expect(read(f)['versions'], f).toEqual([...KAFKA_VERSIONS]);
  });
});
