import { describe, expect, it } from 'vitest';
import { createClientLogger, formatExtra } from './client-logger.js';

describe('core > client > logger', () => {
  it('is silent by default', () => {
    const lines: string[] = [];
    const log = createClientLogger('kafkajs', undefined, (line) => lines.push(line));
    log.error('broker down');
    expect(lines).toEqual([]);
  });

  it('writes entries at or above the chosen level', () => {
    const lines: string[] = [];
    const log = createClientLogger('confluent', 'warn', (line) => lines.push(line)).namespace('Producer');
    log.debug('noise');
    log.info('noise');
    log.warn('slow', { broker: '127.0.0.1:9092' });
    log.error('down');
    expect(lines).toEqual([
      '[eoskit:confluent:Producer] WARN slow (broker=127.0.0.1:9092)',
      '[eoskit:confluent:Producer] ERROR down',
    ]);
  });

  it('never prints fields that look secret', () => {
    const text = formatExtra({ 'sasl.password': 'hunter2', password: 'x', token: 'y', user: 'bob', nested: { a: 1 } });
    expect(text).toBe(' (user=bob)');
    expect(text).not.toContain('hunter2');
  });
});
