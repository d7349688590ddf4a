/**
 * readRanges for confluent: the KafkaJS layer has no `assign`, so the
 * package's low-level KafkaConsumer reads the ranges without joining a group
 * (its `group.id` is a throwaway that never subscribes or commits).
 *
 * A range is done once the consumer's position passes its end: librdkafka
 * moves the position past aborted records and transaction markers it skips,
 * so a range ending in an aborted transaction still finishes.
 */
import { randomUUID } from 'node:crypto';
import { EoskitError } from '../../errors.js';
import { toEoskitError } from '../error-table.js';
import { RangePlan } from '../range-plan.js';
import { toConsumedRecord } from '../records.js';
import type { ConsumedRecord, PartitionRange, ReadRangesOptions } from '../types.js';
import type { ConfluentModule, RdKafkaConsumer, RdMessage } from './confluent-types.js';

/** Low-level headers arrive as a list of one-entry objects. */
function headersOf(message: RdMessage): Record<string, Buffer | string> {
  return Object.assign({}, ...(message.headers ?? [])) as Record<string, Buffer | string>;
}

export async function* confluentReadRanges(
  mod: ConfluentModule,
  config: Record<string, unknown>,
  ranges: readonly PartitionRange[],
  options: ReadRangesOptions = {},
): AsyncGenerator<ConsumedRecord> {
  const plan = new RangePlan(ranges);
  if (plan.done) return;
  const consumer: RdKafkaConsumer = new mod.KafkaConsumer(
    {
      ...config,
      'group.id': `eoskit-read-ranges-${randomUUID()}`,
      'enable.auto.commit': false,
      'enable.auto.offset.store': false,
      'auto.offset.reset': 'earliest',
      'isolation.level': options.isolationLevel ?? 'read_committed',
    },
    {},
  );
  const timeoutMs = options.timeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  try {
    await new Promise<void>((resolve, reject) => consumer.connect({ timeout: timeoutMs }, (err) => (err ? reject(err) : resolve())));
    consumer.assign(plan.unfinished().map((r) => ({ topic: r.topic, partition: r.partition, offset: r.next })));
    consumer.setDefaultConsumeTimeout(200);
    while (!plan.done) {
      if (Date.now() > deadline) {
        throw new EoskitError('TIMEOUT', `confluent: readRanges did not finish within ${timeoutMs} ms; missing ${plan.describeMissing()}`, { retriable: true });
      }
      const messages = await new Promise<RdMessage[]>((resolve, reject) =>
        consumer.consume(500, (err, batch) => (err ? reject(err) : resolve(batch))),
      );
      for (const message of messages) {
        const record = toConsumedRecord(message.topic, message.partition, { ...message, headers: headersOf(message) });
        if (!plan.wants(record)) continue;
        yield record;
        plan.advance(record, record.offset + 1);
      }
      for (const position of consumer.position(plan.unfinished())) {
        if (typeof position.offset === 'number' && position.offset >= 0) plan.advance(position, position.offset);
      }
    }
  } catch (err) {
    throw toEoskitError('confluent', err, { op: 'readRanges' });
  } finally {
    await new Promise<void>((resolve) => consumer.disconnect(() => resolve()));
  }
}
