import { decodeWriterHeaders } from '@eoskit/core';
import type { KafkaClient } from '@eoskit/core';
import { readTopic } from '@eoskit/reader';
import { openShopDb } from './outbox-db.js';

/** What Kafka holds compared with the orders in the database. */
export interface OutboxCheck {
  /** Orders in the database. */
  orders: number;
  /** Records of this writer in the topic (read_committed). */
  records: number;
  /** Distinct outbox events among them (by writer sequence). */
  unique: number;
  /** Repeats of an event already in the log, left by a crash; a sequence-dedup reader drops them. */
  repeats: number;
  /** Orders with no event in Kafka. */
  missing: number;
  /** Events whose order is not in the database. */
  unexpected: number;
  /** Nothing missing, nothing unexpected, and each event once after dedup. */
  exactlyOnceAfterDedup: boolean;
}

/** Reads the whole topic and checks that every order of the database has exactly one event there. */
export async function checkOutbox(client: KafkaClient, topic: string, writerId: string, dbPath: string): Promise<OutboxCheck> {
  const db = openShopDb(dbPath);
  const orderIds = new Set((db.prepare('SELECT id FROM orders').all() as Array<{ id: number }>).map((r) => r.id));
  db.close();
  const bySequence = new Map<number, number>();
  let records = 0;
  for (const r of await readTopic(client, topic)) {
    const stamp = decodeWriterHeaders(r.headers);
    if (stamp === null || stamp.writerId !== writerId) continue;
    records += 1;
    const { orderId } = JSON.parse(r.value!.toString()) as { orderId: number };
    // One outbox row per order: the sequence names the event, the payload names its order.
    if (!bySequence.has(stamp.sequence)) bySequence.set(stamp.sequence, orderId);
  }
  const published = new Set(bySequence.values());
  const missing = [...orderIds].filter((id) => !published.has(id)).length;
  const unexpected = [...published].filter((id) => !orderIds.has(id)).length;
  const unique = bySequence.size;
  return {
    orders: orderIds.size,
    records,
    unique,
    repeats: records - unique,
    missing,
    unexpected,
    exactlyOnceAfterDedup: missing === 0 && unexpected === 0 && unique === orderIds.size,
  };
}
