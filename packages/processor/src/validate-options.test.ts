import { describe, expect, it } from 'vitest';
import type { ProcessorOptions } from './processor-types.js';
import { validateOptions } from './validate-options.js';

const base: ProcessorOptions = { client: 'kafkajs', brokers: ['127.0.0.1:9092'], groupId: 'g', inputs: ['in'], transactionalIdPrefix: 'p', process: () => undefined };

describe('processor > options', () => {
  it('applies the defaults', () => {
    expect(validateOptions(base)).toEqual({
      guarantee: 'exactly-once',
      intervalMs: 100,
      maxRecords: 5000,
      transactionTimeoutMs: 30_000,
      dedup: 'sequence',
      changelogTopic: 'g-changelog',
      abortRatio: 0,
      fromBeginning: true,
    });
  });

  it.each<[string, Partial<ProcessorOptions>, RegExp]>([
    ['brokers with a client kind', { brokers: [] }, /brokers is required/],
    ['an empty group', { groupId: ' ' }, /groupId must be a non-empty string/],
    ['no inputs', { inputs: [] }, /inputs must name at least one topic/],
    ['a missing process function', { process: undefined as never }, /process must be a function/],
    ['an unknown guarantee', { guarantee: 'exactly-twice' as never }, /guarantee must be/],
    ['a checkpoint longer than half the transaction timeout', { checkpoint: { intervalMs: 20_000 } }, /checkpoint\.intervalMs \(20000\) must be at most half of transactionTimeoutMs/],
    ['a fractional record bound', { checkpoint: { maxRecords: 1.5 } }, /checkpoint\.maxRecords must be a whole number/],
    ['an abort ratio of 1', { abortRatio: 1 }, /abortRatio must be from 0/],
    ['aborts without transactions', { abortRatio: 0.3, guarantee: 'at-least-once' }, /abortRatio needs guarantee "exactly-once"/],
    ['an unknown fencing scheme', { fencing: 'none' as never }, /fencing must be/],
    ['a changelog that is an input', { changelogTopic: 'in' }, /changelogTopic "in" is also an input topic/],
    ['an unknown client kind', { client: 'rdkafka' as never }, /client must be kafkajs or confluent/],
    ['SASL next to a shared client (it would be ignored)', { client: {} as never, sasl: { mechanism: 'plain', username: 'u', password: 'p' } }, /sasl applies only when client is a client kind/],
  ])('refuses %s, naming the option', (_, override, message) => {
    expect(() => validateOptions({ ...base, ...override })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringMatching(message) }));
  });

  it('lets at-least-once checkpoints outlast the transaction timeout (no transaction)', () => {
    expect(validateOptions({ ...base, guarantee: 'at-least-once', checkpoint: { intervalMs: 60_000 } }).intervalMs).toBe(60_000);
  });
});
