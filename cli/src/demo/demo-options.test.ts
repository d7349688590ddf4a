import { describe, expect, it } from 'vitest';
import { parseNodes, parseRecords, resolveDemoOptions, type RawDemoFlags } from './demo-options.js';

const flags: RawDemoFlags = { records: 10_000, client: 'kafkajs', nodes: 3, plain: false, json: false, faults: true };

describe('demo > options', () => {
  it('uses Ink only on a terminal without --plain, --json, NO_COLOR or TERM=dumb', () => {
    expect(resolveDemoOptions(flags, {}, true).view).toBe('ink');
    expect(resolveDemoOptions(flags, {}, false).view).toBe('plain');
    expect(resolveDemoOptions({ ...flags, plain: true }, {}, true).view).toBe('plain');
    expect(resolveDemoOptions({ ...flags, json: true }, {}, true).view).toBe('plain');
    expect(resolveDemoOptions(flags, { NO_COLOR: '1' }, true).view).toBe('plain');
    expect(resolveDemoOptions(flags, { NO_COLOR: '' }, true).view).toBe('ink');
    expect(resolveDemoOptions(flags, { TERM: 'dumb' }, true).view).toBe('plain');
  });

  it('keeps the other flags as given', () => {
    expect(resolveDemoOptions({ ...flags, dir: '/tmp/x', faults: false }, {}, false)).toEqual({
      records: 10_000, client: 'kafkajs', nodes: 3, json: false, faults: false, dir: '/tmp/x', view: 'plain',
    });
  });

  it('accepts 100..1000000 records and refuses the rest with a message', () => {
    expect(parseRecords('100')).toBe(100);
    expect(parseRecords('1000000')).toBe(1_000_000);
    for (const bad of ['99', '1000001', '-5', '1e4', '', 'ten']) expect(() => parseRecords(bad)).toThrow('expected a whole number from 100 to 1000000');
  });

  it('accepts 1 or 3 nodes', () => {
    expect(parseNodes('1')).toBe(1);
    expect(parseNodes('3')).toBe(3);
    expect(() => parseNodes('2')).toThrow('expected 1 or 3');
  });
});
