/**
 * The producer logic both adapters share: record checks, partition choice,
 * the transaction state machine, the failure rule of `types.ts` and error
 * mapping. A `ProducerDriver` does only the client calls.
 */
import { EoskitError } from '../errors.js';
import { nativeConsumer } from './consumer-registry.js';
import { toEoskitError } from './error-table.js';
import type { PartitionCounts } from './partition-counts.js';
import type { ChoosePartition } from './partitioner.js';
import { partitionRecords } from './partition-records.js';
import { checkRecords, type PartitionedRecord } from './records.js';
import type {
  ClientKind,
  EosConsumer,
  EosProducer,
  EosTransaction,
  OutgoingRecord,
  RecordPosition,
  TopicPartitionOffset,
} from './types.js';

/** Client calls of one producer; errors are thrown raw and mapped here. */
export interface ProducerDriver {
  connect(): Promise<void>;
  send(records: PartitionedRecord[], inTransaction: boolean): Promise<RecordPosition[]>;
  begin(): Promise<void>;
  /** `native` is the consumer's client-side object (see consumer-registry.ts). */
  sendOffsets(native: unknown, consumer: EosConsumer, offsets: TopicPartitionOffset[]): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
  disconnect(): Promise<void>;
}

const State = {
  idle: 'not connected',
  ready: 'ready',
  inTransaction: 'in a transaction',
  ending: 'ending a transaction',
  failed: 'failed',
  closed: 'closed',
} as const;
type State = (typeof State)[keyof typeof State];

/** Which calls each state allows. */
const ALLOWED: Record<string, readonly State[]> = {
  connect: [State.idle],
  send: [State.ready],
  beginTransaction: [State.ready],
  transactionCall: [State.inTransaction],
  abort: [State.inTransaction, State.failed],
  // A send whose turn came: called while allowed; a commit or abort called after it waits for it.
  admittedSend: [State.ready, State.inTransaction, State.ending],
};

export interface EosProducerParts {
  kind: ClientKind;
  /** The KafkaClient making this producer; consumers passed to sendOffsets must share it. */
  owner: object;
  transactionalId: string | undefined;
  driver: ProducerDriver;
  partitionCounts: PartitionCounts;
  choosePartition: ChoosePartition;
}

export function createEosProducer(parts: EosProducerParts): EosProducer {
  const { kind, driver, partitionCounts, choosePartition } = parts;
  const transactional = parts.transactionalId !== undefined;
  let state: State = State.idle;
  let failure: EoskitError | undefined;
  let openTransaction: object | undefined;

  const id = transactional ? ` "${parts.transactionalId}"` : '';
  const guard = (call: string, allowedAs = call): void => {
    const allowed = ALLOWED[allowedAs] ?? [];
    if (allowed.includes(state)) return;
    if (state === State.failed || state === State.closed) {
      throw new EoskitError(
        'CLOSED',
        `producer${id} cannot ${call}: it is ${state}${failure ? ` (${failure.code}: ${failure.message})` : ''}; create a new producer`,
        { cause: failure },
      );
    }
    throw new EoskitError('TXN_STATE', `producer${id} cannot ${call} while ${state}`);
  };

  /** Runs a client call; a failure finishes the producer (the failure rule). */
  const attempt = async <T>(op: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (err) {
      const mapped = toEoskitError(kind, err, { op, transactional });
      if (state !== State.closed) state = State.failed;
      failure ??= mapped;
      throw mapped;
    }
  };

  /**
   * Calls enter the driver in call order: each `send` waits until the one
   * before it was handed to the driver (or refused), and `commit`/`abort`
   * wait for every earlier `send`. Only the hand-over is serialised; the
   * driver may still have many sends in flight.
   */
  let admission: Promise<void> = Promise.resolve();
  const nextTurn = (): { turn: Promise<void>; done: () => void } => {
    const turn = admission;
    let done!: () => void;
    admission = new Promise<void>((resolve) => (done = resolve));
    return { turn, done };
  };

  /** `admitted` checks, at the call's turn, that the producer (and transaction) may still send. */
  const sendRecords = async (records: OutgoingRecord[], inTransaction: boolean, admitted: () => void): Promise<RecordPosition[]> => {
    checkRecords(records);
    const { turn, done } = nextTurn();
    let sent: Promise<RecordPosition[]>;
    try {
      await turn;
      const ready = await partitionRecords(records, partitionCounts, choosePartition);
      if (ready.length === 0) return [];
      admitted();
      const topics = [...new Set(ready.map((r) => r.topic))].join(', ');
      // attempt() calls the driver synchronously: the records are handed over before done().
      sent = attempt(`send to ${topics}`, () => driver.send(ready, inTransaction)).catch((err: unknown) => {
        for (const topic of new Set(ready.map((r) => r.topic))) partitionCounts.invalidate(topic);
        throw err;
      });
    } finally {
      done();
    }
    return sent;
  };

  const transaction = (): EosTransaction => {
    const token = {};
    openTransaction = token;
    const check = (call: string, allowedAs = 'transactionCall'): void => {
      if (openTransaction !== token) throw new EoskitError('TXN_STATE', `transaction is over; cannot ${call}`);
      guard(call, allowedAs);
    };
    const end = async (call: 'commit' | 'abort', run: () => Promise<void>): Promise<void> => {
      if (call === 'commit') check(call);
      else if (openTransaction !== token) throw new EoskitError('TXN_STATE', 'transaction is over; cannot abort');
      else guard('abort');
      if (state !== State.failed) state = State.ending;
      // Sends called before commit/abort enter the driver first.
      const { turn, done } = nextTurn();
      await turn;
      done();
      // One of those sends failed (or the producer was closed) meanwhile: no commit.
      if (call === 'commit' && state !== State.ending) guard('commit', 'transactionCall');
      await attempt(`${call} transaction${id}`, run);
      openTransaction = undefined;
      if (state === State.ending) state = State.ready;
    };
    return {
      send: async (records) => {
        check('send');
        return sendRecords(records, true, () => check('send', 'admittedSend'));
      },
      sendOffsets: async (consumer, offsets) => {
        check('sendOffsets');
        for (const o of offsets) {
          if (!Number.isSafeInteger(o.offset) || o.offset < 0) {
            throw new EoskitError('CONFIG_INVALID', `offset for ${o.topic}[${o.partition}] must be a non-negative integer`);
          }
        }
        const native = nativeConsumer(consumer, parts.owner);
        if (offsets.length === 0) return;
        await attempt(`sendOffsets for group "${consumer.groupId}"`, () => driver.sendOffsets(native, consumer, offsets));
      },
      commit: () => end('commit', () => driver.commit()),
      abort: () => end('abort', () => driver.abort()),
    };
  };

  return {
    transactional,
    async connect() {
      guard('connect');
      await attempt(`connect producer${id}`, () => driver.connect());
      state = State.ready;
    },
    async send(records) {
      if (transactional) {
        throw new EoskitError('TXN_STATE', `producer${id} is transactional: send inside beginTransaction()`);
      }
      guard('send');
      return sendRecords(records, false, () => guard('send', 'admittedSend'));
    },
    async beginTransaction() {
      if (!transactional) throw new EoskitError('TXN_STATE', 'producer has no transactionalId; use send()');
      guard('beginTransaction');
      await attempt(`begin transaction${id}`, () => driver.begin());
      state = State.inTransaction;
      return transaction();
    },
    async disconnect() {
      if (state === State.closed) return;
      state = State.closed;
      openTransaction = undefined;
      try {
        await driver.disconnect();
      } catch (err) {
        throw toEoskitError(kind, err, { op: `disconnect producer${id}` });
      }
    },
  };
}
