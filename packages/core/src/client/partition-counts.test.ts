import { describe, expect, it } from 'vitest';
import { EoskitError, isEoskitError } from '../errors.js';
import { PartitionCounts } from './partition-counts.js';

describe('core > client > partition counts', () => {
  it('asks the cluster once per topic until the entry expires or is dropped', async () => {
    let now = 0;
    const asked: string[] = [];
    const counts = new PartitionCounts(async (topic) => {
      asked.push(topic);
      return asked.length + 2;
    }, 1000, () => now);
    expect(await counts.count('a')).toBe(3);
    expect(await counts.count('a')).toBe(3);
    now = 1001;
    expect(await counts.count('a')).toBe(4);
    counts.invalidate('a');
    expect(await counts.count('a')).toBe(5);
    expect(asked).toEqual(['a', 'a', 'a']);
  });

  it('does not cache failures', async () => {
    let calls = 0;
    const counts = new PartitionCounts(async () => (++calls === 1 ? 0 : 2));
    await expect(counts.count('t')).rejects.toSatisfy((err: unknown) => isEoskitError(err, 'KAFKA'));
    expect(await counts.count('t')).toBe(2);
  });

  it('waits a little for a topic the cluster does not know yet', async () => {
    let calls = 0;
    const counts = new PartitionCounts(async (topic) => {
      if (++calls < 3) throw new EoskitError('KAFKA', `unknown topic ${topic}`, { retriable: true });
      return 4;
    });
    expect(await counts.count('new')).toBe(4);
    const denied = new PartitionCounts(async () => {
      throw new EoskitError('AUTHORIZATION', 'no');
    });
    await expect(denied.count('t')).rejects.toSatisfy((err: unknown) => isEoskitError(err, 'AUTHORIZATION'));
  });
});
