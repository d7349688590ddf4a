import type { WriteManyResult, WriteResult, WriterRecord } from './writer-types.js';

/** What `writeMany` needs from the writer. */
export interface WriteManyPort {
  /** Accepts one record (throws synchronously for bad input or a closed writer). */
  accept(record: WriterRecord): { result: Promise<WriteResult>; alreadyDurable: boolean };
  hasRoom(): boolean;
  waitForRoom(): Promise<void>;
}

/**
 * Writes records in order with backpressure: the next record is pulled from
 * the source only while the writer's buffer has room, so an unbounded async
 * source never fills memory. Resolves once every record is durable; rejects
 * with the first failure (records already accepted still complete or fail on
 * their own).
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

  for await (const record of records) {
    if (failure !== undefined) break;
    if (!port.hasRoom()) await port.waitForRoom();
    const { result, alreadyDurable: found } = port.accept(record);
    if (found) alreadyDurable += 1;
    outstanding += 1;
    result.then(
      (r) => {
        count += 1;
        if (last === undefined || r.sequence > last.sequence) last = r;
        settled();
      },
      (error: unknown) => {
        failure ??= { error };
        settled();
      },
    );
  }
  if (outstanding > 0) await new Promise<void>((resolve) => (allSettled = resolve));
  if (failure !== undefined) throw failure.error;
  return { count, alreadyDurable, ...(last === undefined ? {} : { last }) };
}
