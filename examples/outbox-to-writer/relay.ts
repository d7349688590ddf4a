import type { ClientKind } from '@eoskit/core';
import { createWriter } from '@eoskit/writer';
import type { WriterMode } from '@eoskit/writer';
import { openShopDb, outboxAfter, prunePublished } from './outbox-db.js';

/** Options of {@link runRelay}. */
export interface RelayOptions {
  client: ClientKind;
  brokers: string[];
  dbPath: string;
  /** Stable writer id of this outbox: the same across restarts, one per outbox. */
  writerId: string;
  /** Every topic outbox rows name. */
  topics: string[];
  mode?: WriterMode;
  /** Rows read and handed to the writer per round. Default 500. */
  batchRows?: number;
  /** Wait between polls of an empty outbox, in ms. Default 50. */
  pollMs?: number;
  /** Stops the relay (it then flushes, checkpoints and closes the writer). */
  signal: AbortSignal;
  /** Told once recovery found how far Kafka already has the outbox. */
  onResume?(resumeAfterId: number): void;
  /** Told after each round, once every row up to `lastId` is durable in Kafka. */
  onPublished?(progress: { lastId: number; alreadyDurable: number }): void;
}

/**
 * Drains the outbox into Kafka with an eoskit writer, using each row's id as its sequence.
 *
 * On start, `connect()` recovers from Kafka how far the outbox already is there (`overall`): every
 * row up to it is durable, so reading resumes after it. Rows above it may be durable too (a crash
 * leaves partitions unevenly far); they are offered again and the writer resolves the ones it finds
 * in the log without sending them twice. Nothing is marked in the database before Kafka has it, so
 * a crash at any point loses nothing.
 */
export async function runRelay(o: RelayOptions): Promise<void> {
  const db = openShopDb(o.dbPath);
  const writer = createWriter({ client: o.client, brokers: o.brokers, writerId: o.writerId, topics: o.topics, mode: o.mode ?? 'idempotent' });
  try {
    const { overall } = await writer.connect();
    o.onResume?.(overall);
    let cursor = overall;
    prunePublished(db, cursor);
    while (!o.signal.aborted) {
      const rows = outboxAfter(db, cursor, o.batchRows ?? 500);
      if (rows.length === 0) {
        await new Promise((resolve) => setTimeout(resolve, o.pollMs ?? 50));
        continue;
      }
      const result = await writer.writeMany(rows.map((r) => ({ topic: r.topic, key: r.key, value: r.payload, sequence: r.id })));
      cursor = rows[rows.length - 1]!.id;
      // Durable in Kafka (acks=all, or committed): the rows may go.
      prunePublished(db, cursor);
      o.onPublished?.({ lastId: cursor, alreadyDurable: result.alreadyDurable });
    }
  } finally {
    await writer.close();
    db.close();
  }
}
