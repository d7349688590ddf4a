import { createClient, encodeWriterHeaders } from '@eoskit/core';
import type { ClientKind } from '@eoskit/core';
import { createWriter } from '@eoskit/writer';
import { deposit } from './bank-db.js';

/** Options of {@link publishDeposits}. */
export interface PublishOptions {
  client: ClientKind;
  brokers: string[];
  topic: string;
  writerId: string;
  /** Deposits 0..count-1 are published once each. */
  count: number;
  /** Then this many of them are published again, as a writer that crashed before its acks leaves them. */
  repeats: number;
}

/**
 * Publishes the deposits with an idempotent eoskit writer (writer id + sequence headers), then
 * appends genuine repeats: the same records with the same writer id and sequence, sent by a plain
 * producer. A writer killed between the broker's write and its ack produces exactly such records
 * when it restarts and resends; the reader must apply each deposit once anyway.
 */
export async function publishDeposits(o: PublishOptions): Promise<void> {
  const writer = createWriter({ client: o.client, brokers: o.brokers, writerId: o.writerId, topics: [o.topic] });
  await writer.connect();
  const record = (seq: number) => ({ key: deposit(seq).account, value: JSON.stringify(deposit(seq)), sequence: seq });
  try {
    await writer.writeMany(Array.from({ length: o.count }, (_, seq) => record(seq)));
  } finally {
    await writer.close();
  }

  const kafka = await createClient({ client: o.client, brokers: o.brokers });
  const producer = kafka.producer();
  await producer.connect();
  try {
    // Every (count / repeats)-th deposit again; the key puts each repeat on its original's partition.
    const step = Math.max(1, Math.floor(o.count / Math.max(1, o.repeats)));
    const again = Array.from({ length: Math.min(o.repeats, o.count) }, (_, i) => i * step);
    await producer.send(
      again.map((seq) => ({
        topic: o.topic,
        key: Buffer.from(deposit(seq).account),
        value: Buffer.from(JSON.stringify(deposit(seq))),
        headers: encodeWriterHeaders({ writerId: o.writerId, sequence: seq }),
      })),
    );
  } finally {
    await producer.disconnect();
    await kafka.close();
  }
}
