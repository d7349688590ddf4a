import Database from 'better-sqlite3';

/** A row of the outbox: one event to publish, written in the same transaction as the business change. */
export interface OutboxRow {
  /** AUTOINCREMENT id: the event's position in the source, used as the writer sequence. */
  id: number;
  topic: string;
  key: string;
  payload: string;
}

/**
 * Opens (and creates) the shop database: `orders` (business data) and `outbox` (events to publish).
 * WAL lets the relay read while the application writes, from another process.
 */
export function openShopDb(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec(`
    CREATE TABLE IF NOT EXISTS orders (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      customer TEXT NOT NULL,
      amount_cents INTEGER NOT NULL
    );
    -- AUTOINCREMENT: ids only grow and are never reused, even after the relay deletes published rows.
    CREATE TABLE IF NOT EXISTS outbox (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      topic TEXT NOT NULL,
      key TEXT NOT NULL,
      payload TEXT NOT NULL
    );`);
  return db;
}

/**
 * Places an order: the order row and its `order-placed` event commit together or not at all. This
 * is the point of an outbox: no order without its event, no event without its order.
 */
export function placeOrder(db: Database.Database, topic: string, customer: string, amountCents: number): number {
  const place = db.transaction(() => {
    const order = db.prepare('INSERT INTO orders (customer, amount_cents) VALUES (?, ?)').run(customer, amountCents);
    const orderId = Number(order.lastInsertRowid);
    const payload = JSON.stringify({ type: 'order-placed', orderId, customer, amountCents });
    db.prepare('INSERT INTO outbox (topic, key, payload) VALUES (?, ?, ?)').run(topic, customer, payload);
    return orderId;
  });
  return place();
}

/**
 * Outbox rows after `afterId`, oldest first. SQLite has one writer at a time, so ids become visible
 * in id order and a row can never appear below a cursor that already passed it. (In PostgreSQL,
 * sequence values can commit out of order: a relay there needs a different cursor.)
 */
export function outboxAfter(db: Database.Database, afterId: number, limit: number): OutboxRow[] {
  return db.prepare('SELECT id, topic, key, payload FROM outbox WHERE id > ? ORDER BY id LIMIT ?').all(afterId, limit) as OutboxRow[];
}

/** Deletes outbox rows up to `id`, all of them durable in Kafka. */
export function prunePublished(db: Database.Database, id: number): void {
  db.prepare('DELETE FROM outbox WHERE id <= ?').run(id);
}
