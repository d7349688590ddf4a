import { createClient, encodeWriterHeaders } from '@eoskit/core';
import type { ClientKind } from '@eoskit/core';
import { createWriter } from '@eoskit/writer';

/** Options of {@link publishWithRepeats}. */
export interface PublishWithRepeatsOptions {
  client: ClientKind;
  brokers: string[];
  topic: string;
  writerId: string;
  /** Events 0..count-1 are published once each. */
  count: number;
  /** Then this many of them are published again, as a writer that crashed before its acks leaves them. */
  repeats: number;
  /** Event number `seq` as a record key and value (deterministic, so a check can recompute it). */
  event: (seq: number) => { key: string; value: string };
}

/**
 * Publishes events 0..count-1 with an idempotent eoskit writer (writer id + sequence headers), then
 * appends genuine repeats: every (count / repeats)-th event again with the same writer id and
 * sequence, sent by a plain producer. A writer killed between the broker's write and its ack leaves
 * exactly such records when it restarts and resends; the key puts each repeat on its original's
 * partition.
 */
export async function publishWithRepeats(o: PublishWithRepeatsOptions): Promise<void> {
  const writer = createWriter({ client: o.client, brokers: o.brokers, writerId: o.writerId, topics: [o.topic] });
  await writer.connect();
  try {
    await writer.writeMany(Array.from({ length: o.count }, (_, seq) => ({ ...o.event(seq), sequence: seq })));
  } finally {
    await writer.close();
  }

  const kafka = await createClient({ client: o.client, brokers: o.brokers });
  const producer = kafka.producer();
  await producer.connect();
  try {
    const step = Math.max(1, Math.floor(o.count / Math.max(1, o.repeats)));
    const again = Array.from({ length: Math.min(o.repeats, o.count) }, (_, i) => i * step);
    await producer.send(
      again.map((seq) => {
        const { key, value } = o.event(seq);
        return { topic: o.topic, key: Buffer.from(key), value: Buffer.from(value), headers: encodeWriterHeaders({ writerId: o.writerId, sequence: seq }) };
      }),
    );
  } finally {
    await producer.disconnect();
    await kafka.close();
  }
}
