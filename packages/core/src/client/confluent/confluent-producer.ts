/**
 * confluent producer driver (`@confluentinc/kafka-javascript` KafkaJS API).
 *
 * - librdkafka properties are passed at the top level, where they win over
 *   the KafkaJS layer's translation (which forces `retries: 5`): unbounded
 *   retries bounded by `message.timeout.ms` = `deliveryTimeoutMs`.
 * - Sends bypass the layer's `send()`, which answers with the lowest offset
 *   per partition: each record is produced on the node-rdkafka Producer the
 *   layer exposes as `_getInternalClient()` (private, "subject to API
 *   changes"), with an opaque the layer's delivery-report handler settles, so
 *   every record gets its own offset (direct-sender.ts). Records are produced
 *   synchronously in call order; a full queue pauses producing instead of
 *   failing. If a package version lacks the accessor or that handler, the
 *   driver falls back to one layer `send()` per record (same results, about
 *   8 us more CPU per record, and ERR__QUEUE_FULL fails the send).
 * - Fencing: librdkafka raises it as a fatal error and purges the queued
 *   records, so a send may only see ERR__PURGE_QUEUE. Before such a send of a
 *   transactional producer rejects, the driver asks librdkafka for its fatal
 *   error (fatal-cause.ts) and reports that instead (ERR__FENCED ->
 *   PRODUCER_FENCED).
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
import { createDirectSender, internalProducer } from './direct-sender.js';
import { fatalCause, MAY_HIDE_FATAL } from './fatal-cause.js';
import { isTimedOut, repeatOnTimeout } from './repeat-on-timeout.js';

export function createConfluentProducerDriver(kafka: CfKafka, settings: ProducerSettings, base: ConfluentConfig): ProducerDriver {
  const config: ConfluentConfig = { ...base, ...confluentProducerConfig(settings) };
  let producer: CfProducer = kafka.producer(config);

  let direct: ((records: PartitionedRecord[]) => Promise<RecordPosition[]>) | undefined;
  /** A commit or abort was called in this transaction: a purge is then expected, and probing could begin a transaction. */
  let ending = false;
  let probing: Promise<unknown> = Promise.resolve();
  let probe: Promise<unknown> | undefined;

  const untilDone = <T>(run: () => Promise<T>): Promise<T> => repeatOnTimeout(run, settings.transactionTimeoutMs);

  /** The fatal error behind a purged transactional send, when librdkafka has one. */
  const explain = async (err: unknown): Promise<unknown> => {
    const code = (err as { code?: unknown } | null)?.code;
    if (settings.transactionalId === undefined || ending || typeof code !== 'number' || !MAY_HIDE_FATAL.has(code)) return err;
    const rd = internalProducer(producer);
    if (rd === undefined || typeof rd.beginTransaction !== 'function') return err;
    // Sends purged together share one probe (two begin_transaction() calls at once conflict).
    probe ??= fatalCause(rd).then((found) => {
      if (found === undefined) probe = undefined;
      return found;
    });
    probing = probe;
    return (await probe) ?? err;
  };
  /** commit/abort start only once no probe runs (two transactional calls at once conflict). */
  const end = async (run: () => Promise<void>): Promise<void> => {
    ending = true;
    await probing;
    await untilDone(run);
  };

  /** The fallback: one layer send() per record (its answer is the lowest offset per partition). */
  const sendViaLayer = async (records: PartitionedRecord[]): Promise<RecordPosition[]> => {
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
      return { topic: record.topic, partition: record.partition, offset: toOffset(metadata?.baseOffset, 'confluent delivery report') };
    });
  };

  return {
    async connect() {
      const deadline = Date.now() + Math.max(settings.transactionTimeoutMs, 30_000);
      for (;;) {
        try {
          await producer.connect();
          const rd = internalProducer(producer);
          direct = rd === undefined ? undefined : createDirectSender(rd, settings.deliveryTimeoutMs);
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
      try {
        return await (direct ?? sendViaLayer)(records);
      } catch (err) {
        throw await explain(err);
      }
    },
    async begin() {
      await producer.transaction();
      ending = false;
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
    commit: () => end(() => producer.commit()),
    abort: () => end(() => producer.abort()),
    disconnect: () => producer.disconnect(),
  };
}
