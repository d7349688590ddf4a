import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedBrokers, uniqueName } from '../../../../test/helpers/kafka.js';
import { EoskitError } from '../errors.js';
import { createClient } from './create-client.js';
import type { ClientKind, ConsumedRecord, EosAdmin, KafkaClient, PartitionRange } from './types.js';

const CLIENTS: ClientKind[] = ['kafkajs', 'confluent'];
const SIZES = [1, 3] as const;

describe.each(CLIENTS)('core > client > %s > readRanges', (kind) => {
  describe.each(SIZES)('on the %i-node cluster', (nodes) => {
    let client: KafkaClient;
    let admin: EosAdmin;
    let topic: string;

    /** Partition 0: 5 committed (0-4), marker 5, 3 aborted (6-8), marker 9. Partition 1: 4 plain records (0-3). */
    beforeAll(async () => {
      client = await createClient({ client: kind, brokers: sharedBrokers(nodes) });
      admin = client.admin();
      await admin.connect();
      topic = uniqueName(`ranges-${kind}-${nodes}`);
      await admin.createTopics([{ topic, numPartitions: 2 }]);
      const txnProducer = client.producer({ transactionalId: uniqueName('ranges') });
      await txnProducer.connect();
      const committed = await txnProducer.beginTransaction();
      await committed.send(Array.from({ length: 5 }, (_, i) => ({ topic, partition: 0, key: null, value: Buffer.from(`c${i}`) })));
      await committed.commit();
      const aborted = await txnProducer.beginTransaction();
      await aborted.send(Array.from({ length: 3 }, (_, i) => ({ topic, partition: 0, key: null, value: Buffer.from(`a${i}`) })));
      await aborted.abort();
      await txnProducer.disconnect();
      const plain = client.producer();
      await plain.connect();
      await plain.send(Array.from({ length: 4 }, (_, i) => ({ topic, partition: 1, key: null, value: Buffer.from(`p${i}`) })));
      await plain.disconnect();
    });
    afterAll(async () => {
      await admin?.disconnect();
      await client?.close();
    });

    const read = async (ranges: PartitionRange[], isolationLevel?: 'read_committed' | 'read_uncommitted') => {
      const out: ConsumedRecord[] = [];
      for await (const r of client.readRanges(ranges, { isolationLevel, timeoutMs: 30_000 })) out.push(r);
      return out.map((r) => `${r.partition}:${r.offset}:${r.value?.toString()}`);
    };

    it('ends when a range ends in an aborted transaction and its marker', async () => {
      const ends = await admin.partitionOffsets(topic);
      expect(ends.map((e) => e.high)).toEqual([10, 4]);
      const records = await read([{ topic, partition: 0, from: 0, to: 10 }]);
      expect(records).toEqual(['0:0:c0', '0:1:c1', '0:2:c2', '0:3:c3', '0:4:c4']);
    });

    it('returns exactly the requested offsets of several partitions, each in order', async () => {
      const records = await read([
        { topic, partition: 0, from: 2, to: 4 },
        { topic, partition: 1, from: 1, to: 3 },
      ]);
      expect(records.filter((r) => r.startsWith('0:'))).toEqual(['0:2:c2', '0:3:c3']);
      expect(records.filter((r) => r.startsWith('1:'))).toEqual(['1:1:p1', '1:2:p2']);
    });

    it('shows aborted records under read_uncommitted', async () => {
      expect(await read([{ topic, partition: 0, from: 4, to: 10 }], 'read_uncommitted')).toEqual([
        '0:4:c4',
        '0:6:a0',
        '0:7:a1',
        '0:8:a2',
      ]);
    });

    it('returns nothing for empty ranges without touching the cluster', async () => {
      expect(await read([{ topic, partition: 1, from: 3, to: 3 }])).toEqual([]);
    });

    it('can be left early', async () => {
      const seen: number[] = [];
      for await (const r of client.readRanges([{ topic, partition: 1, from: 0, to: 4 }])) {
        seen.push(r.offset);
        if (seen.length === 2) break;
      }
      expect(seen).toEqual([0, 1]);
    });

    it('fails with TIMEOUT when a range reaches past the end of the log', async () => {
      let caught: unknown;
      try {
        for await (const r of client.readRanges([{ topic, partition: 1, from: 2, to: 6 }], { timeoutMs: 3000 })) void r;
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(EoskitError);
      expect((caught as EoskitError).code).toBe('TIMEOUT');
      expect((caught as EoskitError).message).toContain(`${topic}[1] at 4`);
    });
  });
});
