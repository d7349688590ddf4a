import type { WriteManyResult, WriteResult, WriterRecord } from './writer-types.js';

/** What `writeMany` needs from the writer. */
export interface WriteManyPort {
  /**
   * Accepts one record (throws synchronously for bad input or a closed
   * writer). `done` or `failed` is called once it is durable or failed;
   * returns true when it was already durable (then `done` was called).
   */
  accept(record: WriterRecord, done: (result: WriteResult) => void, failed: (error: unknown) => void): boolean;
  hasRoom(): boolean;
  waitForRoom(): Promise<void>;
}

/**
 * Writes records in order with backpressure: the next record is pulled from
 * the source only while the writer's buffer has room, so an unbounded async
 * source never fills memory. Resolves once every record is durable; rejects
 * with the first failure (records already accepted still complete or fail on
 * their own). No promise per record: this is the high-throughput path.
 */
export async function writeMany(
  records: Iterable<WriterRecord> | AsyncIterable<WriterRecord>,
  port: WriteManyPort,
): Promise<WriteManyResult> {
  let count = 0;
  let alreadyDurable = 0;
  let last: WriteResult | undefined;
  let failure: { error: unknown } | undefined;
  let outstanding = 0;
  let allSettled: (() => void) | undefined;
  const settled = () => {
    outstanding -= 1;
    if (outstanding === 0) allSettled?.();
  };
  const done = (r: WriteResult) => {
    count += 1;
    if (last === undefined || r.sequence > last.sequence) last = r;
    settled();
  };
  const failed = (error: unknown) => {
    failure ??= { error };
    settled();
  };
  const one = (record: WriterRecord) => {
    outstanding += 1;
    try {
      if (port.accept(record, done, failed)) alreadyDurable += 1;
    } catch (err) {
      outstanding -= 1;
      throw err;
    }
  };

  if (Symbol.iterator in records) {
    // A plain loop: `for await` would cost a promise turn per record.
    for (const record of records) {
      if (failure !== undefined) break;
      if (!port.hasRoom()) await port.waitForRoom();
      one(record);
    }
  } else {
    for await (const record of records) {
      if (failure !== undefined) break;
      if (!port.hasRoom()) await port.waitForRoom();
      one(record);
    }
  }
  if (outstanding > 0) await new Promise<void>((resolve) => (allSettled = resolve));
  if (failure !== undefined) throw failure.error;
  return { count, alreadyDurable, ...(last === undefined ? {} : { last }) };
}
