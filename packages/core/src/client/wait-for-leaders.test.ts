import { describe, expect, it } from 'vitest';
import { EoskitError } from '../errors.js';
import type { TopicDescription } from './types.js';
import { waitForLeaders } from './wait-for-leaders.js';

const topic = (name: string, leaders: number[]): TopicDescription => ({
  name,
  partitions: leaders.map((leader, partition) => ({ partition, leader, replicas: [1], isr: [1] })),
});
const unknownTopic = new EoskitError('KAFKA', 'kafkajs: describe topics t failed: This server does not host this topic-partition (UNKNOWN_TOPIC_OR_PARTITION)', { retriable: true });

describe('waitForLeaders', () => {
  it('asks again while the broker does not know the new topic or lists no leader, and returns once every partition has one', async () => {
    const answers: Array<TopicDescription[] | Error> = [unknownTopic, [topic('t', [-1, 2])], [topic('t', [1, 2])]];
    let asked = 0;
    await waitForLeaders(async () => {
      const next = answers[asked++];
      if (next instanceof Error) throw next;
      return next ?? [];
    }, ['t'], 5_000, 'kafkajs');
    expect(asked).toBe(3);
  });

  it('waits for every topic asked for, not just the first', async () => {
    let asked = 0;
    await waitForLeaders(async () => (++asked < 3 ? [topic('a', [1])] : [topic('a', [1]), topic('b', [3])]), ['a', 'b'], 5_000, 'confluent');
    expect(asked).toBe(3);
  });

  it('fails with a retriable TIMEOUT naming the topics and the last error', async () => {
    const failure = await waitForLeaders(() => Promise.reject(unknownTopic), ['t'], 300, 'kafkajs').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(EoskitError);
    expect(failure).toMatchObject({ code: 'TIMEOUT', retriable: true, cause: unknownTopic });
    expect((failure as Error).message).toMatch(/topics t were created, but not every partition had a leader after 300 ms: .*UNKNOWN_TOPIC_OR_PARTITION/);
  });
});
