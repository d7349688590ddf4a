import { createClient } from '@eoskit/core';
import type { ClientKind, ConsumedRecord, EosAdmin, KafkaClient } from '@eoskit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedBrokers, uniqueName } from '../../../test/helpers/kafka.js';
import { produceStamped, sequences, waitFor } from '../../../test/helpers/reader-fixtures.js';
import { createReader } from './create-reader.js';
import type { Reader, ReaderOptions } from './reader-types.js';
import { readTopic } from './verify/read-topic.js';

const CLIENTS: ClientKind[] = ['kafkajs', 'confluent'];

const seqOf = (r: ConsumedRecord): number => (JSON.parse(r.value!.toString()) as { seq: number }).seq;

describe.each(CLIENTS)('reader > %s', (kind) => {
  let client: KafkaClient;
  let admin: EosAdmin;
  const running: Reader<unknown>[] = [];

  beforeAll(async () => {
    client = await createClient({ client: kind, brokers: sharedBrokers() });
    admin = client.admin();
    await admin.connect();
  });
  afterAll(async () => {
    await Promise.all(running.map((r) => r.stop()));
    await admin?.disconnect();
    await client?.close();
  });

  const topic = async (prefix: string, numPartitions = 1): Promise<string> => {
    const name = uniqueName(`${prefix}-${kind}`);
    await admin.createTopics([{ topic: name, numPartitions }]);
    return name;
  };

  /** Starts a reader collecting what it delivers. */
  const start = async (options: Omit<ReaderOptions, 'client'>) => {
    const seen: ConsumedRecord[] = [];
    const reader = createReader({ client, ...options });
    running.push(reader as Reader<unknown>);
    await reader.run({ eachEvent: (e) => void seen.push(e) });
    return { reader, seen };
  };
  /** Waits until the reader has delivered `n` records and caught up with every assigned partition. */
  const caughtUp = (reader: Reader, seen: ConsumedRecord[], n: number) =>
    waitFor(`${n} records delivered and no lag`, () => {
      const m = reader.metrics();
      return seen.length >= n && m.partitions.length > 0 && m.partitions.every((p) => p.lag <= 1);
    });

  it('never delivers records of aborted transactions', async () => {
    const t = await topic('rd-abort');
    const producer = client.producer({ transactionalId: uniqueName(`rd-abort-${kind}`) });
    await producer.connect();
    for (const [prefix, outcome] of [['a', 'commit'], ['b', 'abort'], ['c', 'commit'], ['d', 'abort']] as const) {
      const txn = await producer.beginTransaction();
      await txn.send(Array.from({ length: 5 }, (_, i) => ({ topic: t, partition: 0, key: null, value: Buffer.from(`${prefix}${i}`) })));
      await (outcome === 'commit' ? txn.commit() : txn.abort());
    }
    await producer.disconnect();
    const { reader, seen } = await start({ groupId: uniqueName('rd-abort'), topics: [t] });
    // Lag stays above 0 here: the aborted tail and its markers are never delivered, so the position stops before them.
    await waitFor('10 records', () => seen.length >= 10);
    await new Promise((r) => setTimeout(r, 1000));
    expect(seen.map((r) => r.value!.toString())).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'c0', 'c1', 'c2', 'c3', 'c4']);
    await reader.stop();
  });

  it('drops the duplicates a crashed writer left, also after a restart', async () => {
    const t = await topic('rd-dup', 2);
    const groupId = uniqueName('rd-dup');
    // seq 0..59, then 10..19 again (a crashed writer re-sending what it could not confirm), then 60..79
    await produceStamped(client, t, [...sequences('w1', 0, 60), ...sequences('w1', 10, 20), ...sequences('w2', 0, 20), ...sequences('w1', 60, 80)], 2);
    const first = await start({ groupId, topics: [t], sequence: { snapshotIntervalMs: 0 } });
    await caughtUp(first.reader, first.seen, 100);
    await first.reader.stop();
    expect(first.seen.filter((r) => r.value!.includes('"w1"')).map(seqOf).sort((a, b) => a - b)).toEqual(sequences('w1', 0, 80).map((s) => s.seq));
    expect(first.seen).toHaveLength(100);
    expect(first.reader.metrics().duplicatesDropped).toBe(10);

    // After the restart: more repeats (including ones far back) and new events.
    await produceStamped(client, t, [...sequences('w1', 0, 5), ...sequences('w1', 75, 90), ...sequences('w2', 20, 25)], 2);
    const second = await start({ groupId, topics: [t] });
    await caughtUp(second.reader, second.seen, 15);
    await new Promise((r) => setTimeout(r, 500));
    expect(second.seen.map((r) => r.value!.toString()).sort()).toEqual(
      [...sequences('w1', 80, 90), ...sequences('w2', 20, 25)].map((s) => JSON.stringify({ writer: s.writer, seq: s.seq })).sort(),
    );
    expect(second.reader.metrics().duplicatesDropped).toBe(10);
    await second.reader.stop();
  });

  it('rebuilds the watermarks by replay when no snapshot was saved', async () => {
    const t = await topic('rd-replay');
    const groupId = uniqueName('rd-replay');
    await produceStamped(client, t, sequences('w', 0, 30));
    const first = await start({ groupId, topics: [t], sequence: { snapshotIntervalMs: 3_600_000, snapshotTopic: uniqueName('rd-snap') } });
    await caughtUp(first.reader, first.seen, 30);
    // A crash: the group's offsets are committed, no snapshot was written.
    await first.reader.stop();
    await produceStamped(client, t, [...sequences('w', 0, 30), ...sequences('w', 30, 35)]);
    const second = await start({ groupId, topics: [t], sequence: { snapshotTopic: uniqueName('rd-snap-empty') } });
    await caughtUp(second.reader, second.seen, 5);
    await new Promise((r) => setTimeout(r, 500));
    expect(second.seen.map(seqOf)).toEqual([30, 31, 32, 33, 34]);
    await second.reader.stop();
  });

  it('key mode: drops a repeated key within its window, rebuilt after a restart', async () => {
    const t = await topic('rd-key');
    const groupId = uniqueName('rd-key');
    const keyed = (keys: string[]) => keys.map((key, i) => ({ writer: 'x', seq: i, key, partition: 0 }));
    // No writer headers needed for key mode, but they do no harm; dedup is by key only.
    await produceStamped(client, t, keyed(['a', 'b', 'a', 'c', 'b', 'd']));
    const first = await start({ groupId, topics: [t], dedup: 'key', key: { windowCount: 3 } });
    await caughtUp(first.reader, first.seen, 4);
    expect(first.seen.map((r) => r.key!.toString())).toEqual(['a', 'b', 'c', 'd']);
    await first.reader.stop();
    // The window (last 3 records) is c, b, d: b repeats, a is outside the window and passes.
    await produceStamped(client, t, keyed(['b', 'a', 'e']));
    const second = await start({ groupId, topics: [t], dedup: 'key', key: { windowCount: 3 } });
    await caughtUp(second.reader, second.seen, 2);
    await new Promise((r) => setTimeout(r, 500));
    expect(second.seen.map((r) => r.key!.toString())).toEqual(['a', 'e']);
    await second.reader.stop();
  });

  it('sends a record its handler keeps failing on to the dead-letter topic and goes on', async () => {
    const t = await topic('rd-dlq');
    const dlq = await topic('rd-dlq-dead');
    await produceStamped(client, t, sequences('w', 0, 10));
    const seen: number[] = [];
    const reader = createReader({ client, groupId: uniqueName('rd-dlq'), topics: [t], retry: { retries: 2, initialBackoffMs: 10 }, onFailure: { deadLetterTopic: dlq } });
    running.push(reader as Reader<unknown>);
    await reader.run({
      eachEvent: (e) => {
        if (seqOf(e) === 4) throw new Error('cannot handle 4');
        seen.push(seqOf(e));
      },
    });
    await waitFor('9 delivered', () => seen.length >= 9);
    expect(seen).toEqual([0, 1, 2, 3, 5, 6, 7, 8, 9]);
    await waitFor('dead letter', () => reader.metrics().deadLettered === 1);
    const dead = await readTopic(client, dlq);
    expect(dead.map(seqOf)).toEqual([4]);
    expect(dead[0]!.headers['eoskit.dlq.error']?.toString()).toBe('Error: cannot handle 4');
    expect(dead[0]!.headers['eoskit.dlq.offset']?.toString()).toBe('4');
    expect(reader.metrics().retries).toBe(2);
    await reader.stop();
  });

  it('stops with the handler error when there is no dead-letter topic, committing nothing after it', async () => {
    const t = await topic('rd-stop');
    const groupId = uniqueName('rd-stop');
    await produceStamped(client, t, sequences('w', 0, 5));
    const reader = createReader({ client, groupId, topics: [t], retry: { retries: 1, initialBackoffMs: 10 } });
    await reader.run({
      eachEvent: (e) => {
        if (seqOf(e) === 3) throw new Error('boom');
      },
    });
    await expect(reader.done()).rejects.toThrow('boom');
    const committed = await admin.committedOffsets(groupId, t);
    expect(committed[0]!.offset).toBeLessThanOrEqual(3);
  });
});
