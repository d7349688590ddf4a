/**
 * An in-memory stand-in for a Kafka cluster, for unit tests of the writer's
 * bookkeeping under faults that a real broker cannot produce on demand (a
 * send that fails although its records landed, a process dying with a send
 * in flight). Kafka behaviour itself is tested against the real broker in the
 * integration tests; this fake only models what the writer relies on: an
 * append-only log per partition, producers that are finished after a failure,
 * transactions that commit or abort atomically, fencing by transactional id.
 */
import {
  EoskitError,
  type ConsumedRecord,
  type EosAdmin,
  type EosProducer,
  type EosTransaction,
  type KafkaClient,
  type OutgoingRecord,
  type PartitionRange,
  type ProducerOptions,
  type ReadRangesOptions,
  type RecordPosition,
} from '@eoskit/core';

interface Stored extends OutgoingRecord {
  /** Transaction state; undefined for non-transactional records. */
  txn?: { state: 'open' | 'committed' | 'aborted'; owner: string };
}

/**
 * What happens to one send: land and ack, fail after landing, fail without
 * landing, or never answer; or land only the records `land` picks (as when
 * some partitions' leaders were reachable) and then fail or hang.
 */
export type SendFate =
  | 'ack'
  | 'land-then-fail'
  | 'lose-then-fail'
  | 'land-and-hang'
  | 'lose-and-hang'
  | { land: (record: OutgoingRecord) => boolean; then: 'fail' | 'hang' }
  // Lands at once, in call order, but answers `answerAfterMs` later (its partitions were slower),
  // then acks or fails.
  | { answerAfterMs: number; then: 'ack' | 'fail' };

export class MemoryKafka implements KafkaClient {
  readonly kind: 'kafkajs' | 'confluent';
  readonly log = new Map<string, Stored[][]>();
  /** Decides the fate of each send (default: ack). */
  fate: (records: OutgoingRecord[]) => SendFate = () => 'ack';
  readonly #epochs = new Map<string, number>();

  constructor(topics: Record<string, number>, kind: 'kafkajs' | 'confluent' = 'confluent') {
    this.kind = kind;
    for (const [topic, n] of Object.entries(topics)) this.log.set(topic, Array.from({ length: n }, () => []));
  }

  /** Committed (or non-transactional) records of a topic, all partitions, in offset order. */
  visible(topic: string): Array<Stored & { partition: number; offset: number }> {
    return (this.log.get(topic) ?? []).flatMap((records, partition) =>
      records.map((r, offset) => ({ ...r, partition, offset })).filter((r) => r.txn === undefined || r.txn.state === 'committed'),
    );
  }

  producer(options: ProducerOptions = {}): EosProducer {
    const id = options.transactionalId;
    let epoch = 0;
    let finished: EoskitError | undefined;
    const check = () => {
      if (finished) throw new EoskitError('CLOSED', 'producer failed earlier', { cause: finished });
      if (id !== undefined && this.#epochs.get(id) !== epoch) throw new EoskitError('PRODUCER_FENCED', `fenced: ${id}`);
    };
    const send = async (records: OutgoingRecord[], txn: Stored['txn']): Promise<RecordPosition[]> => {
      check();
      const f = this.fate(records);
      if (typeof f !== 'string' && 'answerAfterMs' in f) {
        await new Promise((r) => setImmediate(r));
        const positions = records.map((r) => this.#append(r, txn));
        await new Promise((r) => setTimeout(r, f.answerAfterMs));
        if (f.then === 'ack') return positions;
        finished = new EoskitError('TIMEOUT', 'injected send failure', { retriable: true });
        throw finished;
      }
      const fate = typeof f === 'string' ? f : `partial-then-${f.then}`;
      const lands = typeof f === 'string' ? () => !f.startsWith('lose') : f.land;
      await new Promise((r) => setImmediate(r));
      const positions = records.filter(lands).map((r) => this.#append(r, txn));
      if (fate === 'ack') return positions;
      if (fate.endsWith('hang')) return new Promise<never>(() => undefined);
      finished = new EoskitError('TIMEOUT', 'injected send failure', { retriable: true });
      throw finished;
    };
    return {
      transactional: id !== undefined,
      connect: async () => {
        if (id === undefined) return;
        epoch = (this.#epochs.get(id) ?? 0) + 1;
        this.#epochs.set(id, epoch);
        for (const r of this.#all()) if (r.txn?.owner === id && r.txn.state === 'open') r.txn.state = 'aborted';
      },
      send: (records) => send(records, undefined),
      beginTransaction: async (): Promise<EosTransaction> => {
        check();
        const txn: NonNullable<Stored['txn']> = { state: 'open', owner: id as string };
        const appended: Stored[] = [];
        return {
          send: async (records) => {
            const positions = await send(records, txn);
            for (const p of positions) appended.push(this.log.get(p.topic)?.[p.partition]?.[p.offset] as Stored);
            return positions;
          },
          sendOffsets: async () => undefined,
          commit: async () => {
            check();
            for (const r of this.#all()) if (r.txn === txn) r.txn.state = 'committed';
          },
          abort: async () => {
            for (const r of this.#all()) if (r.txn === txn) r.txn.state = 'aborted';
          },
        };
      },
      disconnect: async () => undefined,
    };
  }

  admin(): EosAdmin {
    return {
      connect: async () => undefined,
      createTopics: async (topics) => {
        for (const t of topics) if (!this.log.has(t.topic)) this.log.set(t.topic, Array.from({ length: t.numPartitions ?? 1 }, () => []));
      },
      describeTopics: async (names) =>
        names.map((name) => ({
          name,
          partitions: (this.log.get(name) ?? []).map((_, partition) => ({ partition, leader: 1, replicas: [1], isr: [1] })),
        })),
      describeConfigs: async () => ({ 'max.message.bytes': '1048588' }),
      partitionOffsets: async (topic) =>
        (this.log.get(topic) ?? []).map((records, partition) => ({ topic, partition, low: 0, high: records.length })),
      committedOffsets: async () => [],
      brokers: async () => [1],
      disconnect: async () => undefined,
    };
  }

  consumer(): never {
    throw new Error('MemoryKafka has no consumers');
  }

  async *readRanges(ranges: PartitionRange[], options: ReadRangesOptions = {}): AsyncIterable<ConsumedRecord> {
    const committedOnly = (options.isolationLevel ?? 'read_committed') === 'read_committed';
    for (const range of ranges) {
      const records = this.log.get(range.topic)?.[range.partition] ?? [];
      for (let offset = range.from; offset < Math.min(range.to, records.length); offset++) {
        const r = records[offset] as Stored;
        if (committedOnly && r.txn !== undefined && r.txn.state !== 'committed') continue;
        yield { topic: range.topic, partition: range.partition, offset, key: r.key, value: r.value, headers: r.headers ?? {}, timestamp: 0 };
      }
    }
  }

  async close(): Promise<void> {}

  #append(record: OutgoingRecord, txn: Stored['txn']): RecordPosition {
    const partitions = this.log.get(record.topic);
    if (partitions === undefined) throw new EoskitError('KAFKA', `unknown topic ${record.topic}`);
    const partition = record.partition ?? hash(record.key) % partitions.length;
    const list = partitions[partition] as Stored[];
    list.push({ ...record, ...(txn === undefined ? {} : { txn }) });
    return { topic: record.topic, partition, offset: list.length - 1 };
  }

  *#all(): Generator<Stored> {
    for (const partitions of this.log.values()) for (const records of partitions) yield* records;
  }
}

function hash(key: Buffer | null): number {
  let h = 0;
  for (const byte of key ?? []) h = (h * 31 + byte) >>> 0;
  return h;
}
