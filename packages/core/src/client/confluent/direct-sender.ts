/**
 * The confluent driver's fast send path: records go straight to the
 * node-rdkafka Producer behind the KafkaJS layer (`_getInternalClient()`),
 * one `produce()` per record, each with its own opaque. The layer's
 * delivery-report handler calls `opaque.resolve(metadata)` or
 * `opaque.reject(error)`, so every record learns its own offset without the
 * layer's per-call `send()` (which answers with the lowest offset per
 * partition, and costs about 8 us of CPU per record).
 *
 * Order: records are produced synchronously in call order. When librdkafka's
 * queue is full (ERR__QUEUE_FULL) producing pauses until deliveries make room,
 * and later calls wait behind it. After the first failure (a delivery error
 * or a refused produce) nothing more is produced: a record handed over after
 * a failed one could land behind a gap.
 */
import { EoskitError } from '../../errors.js';
import { toOffset } from '../record-positions.js';
import type { PartitionedRecord } from '../records.js';
import type { RecordPosition } from '../types.js';
import { sleep } from '../with-deadline.js';
import type { RdProducer } from './confluent-types.js';

/** librdkafka's ERR__QUEUE_FULL. */
export const ERR_QUEUE_FULL = -184;
/**
 * Codes that are the consequence of another record's failure: purged
 * (ERR__PURGE_QUEUE/INFLIGHT), refused after a fatal error (ERR__FATAL),
 * stopped to keep the log gapless (ERR__GAPLESS_GUARANTEE).
 */
const CONSEQUENCES = new Set([-152, -151, -150, -148]);

const codeOf = (err: unknown): unknown => (err as { code?: unknown } | null)?.code;

/** The node-rdkafka Producer of a connected KafkaJS-layer producer, when the layer still exposes it. */
export function internalProducer(layerProducer: unknown): RdProducer | undefined {
  const getter = (layerProducer as { _getInternalClient?: unknown } | null)?._getInternalClient;
  if (typeof getter !== 'function') return undefined;
  const internal = getter.call(layerProducer) as Partial<RdProducer> | null | undefined;
  if (typeof internal?.produce !== 'function' || typeof internal.listenerCount !== 'function') return undefined;
  // Without the layer's delivery-report handler nobody would settle the opaques.
  return internal.listenerCount('delivery-report') > 0 ? (internal as RdProducer) : undefined;
}

/** One `send()` call: its records' outcomes, settled once every record is. */
class DeliveryBatch {
  readonly offsets: number[];
  readonly errors: unknown[] = [];
  remaining: number;
  next = 0;
  readonly promise: Promise<RecordPosition[]>;
  #resolve!: (positions: RecordPosition[]) => void;
  #reject!: (err: unknown) => void;

  constructor(
    readonly records: PartitionedRecord[],
    readonly deadline: number,
    private readonly onFailure: (err: unknown) => void,
  ) {
    this.offsets = new Array<number>(records.length);
    this.remaining = records.length;
    this.promise = new Promise((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
  }

  delivered(index: number, metadata: { baseOffset?: unknown }): void {
    try {
      this.offsets[index] = toOffset(metadata?.baseOffset as string | number | undefined, 'confluent delivery report');
    } catch (err) {
      return this.failed(index, err);
    }
    this.#settleOne();
  }

  failed(index: number, err: unknown): void {
    this.errors[index] = err;
    this.onFailure(err);
    this.#settleOne();
  }

  /** Records from `next` on are never produced. */
  abandon(err: unknown): void {
    for (let i = this.next; i < this.records.length; i++) this.errors[i] = err;
    this.remaining -= this.records.length - this.next;
    this.next = this.records.length;
    this.onFailure(err);
    if (this.remaining === 0) this.#finish();
  }

  #settleOne(): void {
    this.remaining -= 1;
    if (this.remaining === 0 && this.next === this.records.length) this.#finish();
  }

  #finish(): void {
    const errors = this.errors.filter((e) => e !== undefined);
    if (errors.length === 0) {
      this.#resolve(this.records.map((r, i) => ({ topic: r.topic, partition: r.partition, offset: this.offsets[i] as number })));
      return;
    }
    // Report the cause when one of the records saw it.
    this.#reject(errors.find((e) => !CONSEQUENCES.has(codeOf(e) as number)) ?? errors[0]);
  }
}

/** What the layer's delivery-report handler calls back: one per produced record. */
class Ticket {
  constructor(
    private readonly batch: DeliveryBatch,
    private readonly index: number,
    private readonly progress: () => void,
  ) {}
  resolve(metadata: { baseOffset?: unknown }): void {
    this.batch.delivered(this.index, metadata);
    this.progress();
  }
  reject(err: unknown): void {
    this.batch.failed(this.index, err);
    this.progress();
  }
}

/** Sends through `rd.produce`; `deliveryTimeoutMs` bounds waiting for queue room. */
export function createDirectSender(rd: RdProducer, deliveryTimeoutMs: number): (records: PartitionedRecord[]) => Promise<RecordPosition[]> {
  let broken: unknown;
  /** A call still producing (waiting for queue room); later calls go after it. */
  let tail: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  const progress = (): void => {
    wake?.();
    wake = undefined;
  };
  const breakOnce = (err: unknown): void => {
    broken ??= err;
  };

  /** Produces from `batch.next` on; false when the queue is full. */
  const produceSome = (batch: DeliveryBatch): boolean => {
    const { records } = batch;
    for (; batch.next < records.length; batch.next++) {
      if (broken !== undefined) {
        batch.abandon(broken);
        return true;
      }
      const r = records[batch.next] as PartitionedRecord;
      const headers = r.headers === undefined ? null : Object.entries(r.headers).map(([name, value]) => ({ [name]: value }));
      try {
        rd.produce(r.topic, r.partition, r.value, r.key, r.timestamp ?? 0, new Ticket(batch, batch.next, progress), headers);
      } catch (err) {
        if (codeOf(err) === ERR_QUEUE_FULL) return false;
        batch.abandon(err);
        return true;
      }
    }
    return true;
  };

  /** Waits for queue room (a delivery report, or a short while) until the batch is produced. */
  const produceAll = async (batch: DeliveryBatch): Promise<void> => {
    while (!produceSome(batch)) {
      if (Date.now() >= batch.deadline) {
        batch.abandon(
          new EoskitError('TIMEOUT', `confluent send: the producer queue stayed full for ${deliveryTimeoutMs} ms; earlier records of this send may have been delivered`, {
            retriable: true,
          }),
        );
        return;
      }
      await Promise.race([new Promise<void>((resolve) => (wake = resolve)), sleep(20)]);
    }
  };

  const after = (previous: Promise<void>, batch: DeliveryBatch): Promise<void> => {
    const next = previous.then(() => produceAll(batch));
    const tracked = next.finally(() => {
      if (tail === tracked) tail = undefined;
    });
    return tracked;
  };

  return (records) => {
    if (records.length === 0) return Promise.resolve([]);
    const batch = new DeliveryBatch(records, Date.now() + deliveryTimeoutMs, breakOnce);
    if (broken !== undefined) batch.abandon(broken);
    else if (tail !== undefined) tail = after(tail, batch);
    else if (!produceSome(batch)) tail = after(Promise.resolve(), batch);
    return batch.promise;
  };
}
