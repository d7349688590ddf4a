/**
 * confluent producer driver (`@confluentinc/kafka-javascript` KafkaJS API).
 *
 * - librdkafka properties are passed at the top level, where they win over
 *   the KafkaJS layer's translation (which forces `retries: 5`): unbounded
 *   retries bounded by `message.timeout.ms` = `deliveryTimeoutMs`.
 * - Each record is sent with its own `send()` call: the layer answers a send
 *   with the lowest offset per partition, while one call per record yields
 *   each record's own offset. librdkafka still batches them; the calls are
 *   made synchronously in input order, so per-partition order holds.
 * - commit/abort/sendOffsets and initTransactions use a fixed 5 s timeout in
 *   the layer. A librdkafka timeout there may be retried, so the driver
 *   repeats the call until the transaction timeout has passed; the layer
 *   cannot repeat initTransactions, so `connect()` recreates the producer.
 * - The layer's errors never carry librdkafka's retriable/fatal/abortable
 *   flags (it reads `.retriable` where librdkafka sets `.isRetriable`), so
 *   decisions use the error code only.
 */
import type { ProducerDriver } from '../eos-producer.js';
import { confluentProducerConfig, type ProducerSettings } from '../producer-settings.js';
import { toOffset } from '../record-positions.js';
import type { PartitionedRecord } from '../records.js';
import type { RecordPosition, TopicPartitionOffset } from '../types.js';
import { sleep } from '../with-deadline.js';
import type { CfConsumer, CfKafka, CfProducer, ConfluentConfig } from './confluent-types.js';
import { isTimedOut, repeatOnTimeout } from './repeat-on-timeout.js';

export function createConfluentProducerDriver(kafka: CfKafka, settings: ProducerSettings, base: ConfluentConfig): ProducerDriver {
  const config: ConfluentConfig = { ...base, ...confluentProducerConfig(settings) };
  let producer: CfProducer = kafka.producer(config);

  const untilDone = <T>(run: () => Promise<T>): Promise<T> => repeatOnTimeout(run, settings.transactionTimeoutMs);

  return {
    async connect() {
      const deadline = Date.now() + Math.max(settings.transactionTimeoutMs, 30_000);
      for (;;) {
        try {
          await producer.connect();
          return;
        } catch (err) {
          if (!isTimedOut(err) || Date.now() >= deadline) throw err;
          // The layer allows one connect per producer: start over with a new one.
          await producer.disconnect().catch(() => undefined);
          producer = kafka.producer(config);
          await sleep(100);
        }
      }
    },
    async send(records: PartitionedRecord[]): Promise<RecordPosition[]> {
      const calls = records.map((r) =>
        producer.send({
          topic: r.topic,
          messages: [
            {
              key: r.key,
              value: r.value,
              partition: r.partition,
              headers: r.headers,
              timestamp: r.timestamp === undefined ? undefined : String(r.timestamp),
            },
          ],
        }),
      );
      const settled = await Promise.allSettled(calls);
      const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
      if (failed) throw failed.reason;
      return settled.map((s, i) => {
        const record = records[i] as PartitionedRecord;
        const [metadata] = (s as PromiseFulfilledResult<Awaited<(typeof calls)[number]>>).value;
        return {
          topic: record.topic,
          partition: record.partition,
          offset: toOffset(metadata?.baseOffset, 'confluent delivery report'),
        };
      });
    },
    async begin() {
      await producer.transaction();
    },
    async sendOffsets(native: unknown, _consumer, offsets: TopicPartitionOffset[]) {
      const topics = new Map<string, Array<{ partition: number; offset: string }>>();
      for (const o of offsets) {
        const list = topics.get(o.topic) ?? [];
        list.push({ partition: o.partition, offset: String(o.offset) });
        topics.set(o.topic, list);
      }
      // The layer needs the consumer itself (a group id is refused): librdkafka
      // takes its group metadata, generation included (KIP-447).
      await untilDone(() =>
        producer.sendOffsets({
          consumer: native as CfConsumer,
          topics: [...topics].map(([topic, partitions]) => ({ topic, partitions })),
        }),
      );
    },
    commit: () => untilDone(() => producer.commit()),
    abort: () => untilDone(() => producer.abort()),
    disconnect: () => producer.disconnect(),
  };
}
