import { encodeWriterHeaders } from '@eoskit/core';
import type { KafkaClient, OutgoingRecord } from '@eoskit/core';

/** One record stamped by an eoskit writer. */
export interface Stamped {
  writer: string;
  seq: number;
  /** Defaults to `seq % partitions` of the helper call. */
  partition?: number;
  key?: string;
}

/**
 * Produces records carrying eoskit writer headers with a plain idempotent
 * producer. Sending the same (writer, seq) twice makes a genuine duplicate in
 * the log, exactly what a writer that crashed before its ack leaves behind.
 * The value is `{"writer":W,"seq":N}`.
 */
export async function produceStamped(client: KafkaClient, topic: string, items: Stamped[], partitions = 1): Promise<void> {
  const producer = client.producer();
  await producer.connect();
  try {
    const records: OutgoingRecord[] = items.map((it) => ({
      topic,
      partition: it.partition ?? it.seq % partitions,
      key: Buffer.from(it.key ?? `k${it.seq}`),
      value: Buffer.from(JSON.stringify({ writer: it.writer, seq: it.seq })),
      headers: encodeWriterHeaders({ writerId: it.writer, sequence: it.seq }),
    }));
    for (let i = 0; i < records.length; i += 500) await producer.send(records.slice(i, i + 500));
  } finally {
    await producer.disconnect();
  }
}

/** `{ writer, seq }` items for sequences `from..to-1`. */
export function sequences(writer: string, from: number, to: number): Stamped[] {
  return Array.from({ length: to - from }, (_, i) => ({ writer, seq: from + i }));
}

/** Polls until `check` holds. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
