import { describe, expect, it } from 'vitest';
import { decodeWriterHeaders, isEoskitError } from '@eoskit/core';
import { createWriter } from './eoskit-writer.js';
import { MemoryKafka } from './memory-kafka.fake.js';
import type { WriterOptions, WriterRecord } from './writer-types.js';

const rec = (n: number): WriterRecord => ({ key: `k${n % 7}`, value: `v${n}`, sequence: n });
const options = (kafka: MemoryKafka, extra: Partial<WriterOptions> = {}): WriterOptions => ({
  client: kafka,
  writerId: 'w1',
  topics: ['t'],
  ...extra,
});

/** Sequences as a reader that drops repeats by sequence sees them, per partition. */
function dedupRead(kafka: MemoryKafka, topic = 't'): { order: Map<number, number[]>; all: number[]; repeats: number } {
  const seen = new Set<number>();
  const order = new Map<number, number[]>();
  let repeats = 0;
  for (const r of kafka.visible(topic)) {
    const stamp = decodeWriterHeaders(r.headers ?? {});
    if (stamp === null) continue;
    if (seen.has(stamp.sequence)) {
      repeats += 1;
      continue;
    }
    seen.add(stamp.sequence);
    order.set(r.partition, [...(order.get(r.partition) ?? []), stamp.sequence]);
  }
  return { order, all: [...seen].sort((a, b) => a - b), repeats };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const increasing = (xs: number[]) => xs.every((x, i) => i === 0 || x > (xs[i - 1] as number));
const tick = () => new Promise((r) => setTimeout(r, 20));

describe('writer > logic (in-memory log)', () => {
  it('writes in order, stamps headers and resolves durable positions', async () => {
    const kafka = new MemoryKafka({ t: 3 });
    const writer = createWriter(options(kafka));
    expect(await writer.connect()).toEqual({ overall: -1, partitions: [] });
    const first = await writer.write({ key: 'a', value: 'x' });
    expect(first).toMatchObject({ topic: 't', sequence: 0 });
    const result = await writer.writeMany(range(99).map((i) => rec(i + 1)));
    expect(result.count).toBe(99);
    expect(result.last?.sequence).toBe(99);
    expect(writer.lastSequence().overall).toBe(99);
    const stored = kafka.log.get('t')?.[first.partition]?.[first.offset];
    expect(decodeWriterHeaders(stored?.headers ?? {})).toEqual({ writerId: 'w1', sequence: 0 });
    await writer.close();
    expect(kafka.visible('eoskit-writer-checkpoints').length).toBeGreaterThan(0);
  });

  it.each(['kafkajs', 'confluent'] as const)('resumes after a crash with sends in flight (%s)', async (kind) => {
    const kafka = new MemoryKafka({ t: 3 }, kind);
    const a = createWriter(options(kafka, { maxBatchRecords: 20 }));
    await a.connect();
    await a.writeMany(range(40).map(rec));
    // The process dies with 40..59 in flight: those of partition 0 are lost, the others land;
    // nothing is answered. (Per partition the client keeps order, so a loss is a suffix.)
    kafka.fate = () => ({ land: (r) => r.partition !== 0, then: 'hang' });
    const crashRec = (n: number): WriterRecord => ({ value: `v${n}`, sequence: n, partition: n < 50 ? 0 : 1 + (n % 2) });
    for (const i of range(20)) void a.write(crashRec(40 + i)).catch(() => undefined);
    await tick();

    kafka.fate = () => 'ack';
    const b = createWriter(options(kafka));
    const last = await b.connect();
    expect(last.overall).toBe(39);
    expect(last.partitions.reduce((max, p) => Math.max(max, p.sequence), -1)).toBe(59);
    const resumed = await b.writeMany(range(20).map((i) => crashRec(40 + i)));
    expect(resumed).toMatchObject({ count: 20, alreadyDurable: 10 });
    await b.close();
    const read = dedupRead(kafka);
    expect(read.all).toEqual(range(60));
    for (const seqs of read.order.values()) expect(increasing(seqs)).toBe(true);
  });

  it.each(['idempotent', 'transactional'] as const)(
    '%s: connect saves a checkpoint at once, so a crash before the first periodic one scans only new records',
    async (mode) => {
      const kafka = new MemoryKafka({ t: 2 });
      const old = createWriter(options(kafka, { writerId: 'other', mode }));
      await old.connect();
      await old.writeMany(range(50).map(rec));
      await old.close();
      const a = createWriter(options(kafka, { mode }));
      await a.connect();
      const checkpoints = kafka.visible('eoskit-writer-checkpoints').filter((r) => r.key?.toString() === 'w1');
      expect(checkpoints).toHaveLength(1);
      const saved = JSON.parse(checkpoints[0]?.value?.toString() ?? '{}') as { overall: number; partitions: Array<{ scanFrom: number }> };
      expect(saved.overall).toBe(-1);
      const ends = (kafka.log.get('t') ?? []).map((p) => p.length);
      expect(saved.partitions.map((p) => p.scanFrom)).toEqual(ends);
      await a.close();
    },
  );

  it('recovers from a failed send whose records landed, without sending them again', async () => {
    const kafka = new MemoryKafka({ t: 2 });
    const events: Array<{ foundDurable: number; resent: number }> = [];
    const writer = createWriter(options(kafka, { onRecovery: (e) => events.push(e) }));
    await writer.connect();
    let failOnce = true;
    kafka.fate = () => (failOnce ? ((failOnce = false), 'land-then-fail') : 'ack');
    await writer.writeMany(range(30).map(rec));
    expect(events).toEqual([expect.objectContaining({ resent: 0 })]);
    expect(events[0]?.foundDurable).toBeGreaterThan(0);
    expect(dedupRead(kafka).repeats).toBe(0);
    await writer.close();
  });

  it('re-sends records of a failed send that did not land, keeping partition order', async () => {
    const kafka = new MemoryKafka({ t: 2 });
    const writer = createWriter(options(kafka));
    await writer.connect();
    let failures = 2;
    kafka.fate = () => (failures-- > 0 ? 'lose-then-fail' : 'ack');
    await writer.writeMany(range(50).map(rec));
    const read = dedupRead(kafka);
    expect(read.all).toEqual(range(50));
    for (const seqs of read.order.values()) expect(increasing(seqs)).toBe(true);
    await writer.close();
  });

  // With kafkajs the writer keeps 2 sends in flight.
  it('applies answers in send order when a later send is acknowledged first', async () => {
    const kafka = new MemoryKafka({ t: 2 }, 'kafkajs');
    const writer = createWriter(options(kafka, { maxBatchRecords: 10 }));
    await writer.connect();
    let sends = 0;
    // Every other send answers late: the one after it is acknowledged first.
    kafka.fate = () => (sends++ % 2 === 0 ? { answerAfterMs: 15, then: 'ack' } : 'ack');
    const result = await writer.writeMany(range(60).map(rec));
    expect(result.count).toBe(60);
    expect(writer.state).toBe('ready');
    expect(dedupRead(kafka).all).toEqual(range(60));
    await writer.close();
  });

  it('leaves the sends behind a failed one in doubt for recovery, even when they were acknowledged', async () => {
    const kafka = new MemoryKafka({ t: 2 }, 'kafkajs');
    const events: Array<{ foundDurable: number; resent: number }> = [];
    const writer = createWriter(options(kafka, { maxBatchRecords: 10, onRecovery: (e) => events.push(e) }));
    await writer.connect();
    let sends = 0;
    // The first data send lands but fails late; the ones behind it land and are acknowledged first.
    kafka.fate = () => (sends++ === 1 ? { answerAfterMs: 20, then: 'fail' } : 'ack');
    await writer.writeMany(range(60).map(rec));
    expect(events).toHaveLength(1);
    expect(events[0]?.resent).toBe(0);
    const read = dedupRead(kafka);
    expect(read.all).toEqual(range(60));
    expect(read.repeats).toBe(0);
    for (const seqs of read.order.values()) expect(increasing(seqs)).toBe(true);
    await writer.close();
  });

  it('transactional: a failed transaction is aborted and re-sent; committed data holds each record once', async () => {
    const kafka = new MemoryKafka({ t: 3 });
    const writer = createWriter(options(kafka, { mode: 'transactional' }));
    await writer.connect();
    let failOnce = true;
    kafka.fate = (records) => (failOnce && records.length > 1 ? ((failOnce = false), 'land-then-fail') : 'ack');
    await writer.writeMany(range(100).map(rec));
    const read = dedupRead(kafka);
    expect(read.repeats).toBe(0);
    expect(read.all).toEqual(range(100));
    await writer.close();
  });

  it('transactional: a crash mid-transaction resumes exactly at the last commit', async () => {
    const kafka = new MemoryKafka({ t: 3 });
    const a = createWriter(options(kafka, { mode: 'transactional', maxBatchRecords: 10 }));
    await a.connect();
    await a.writeMany(range(25).map(rec));
    kafka.fate = () => 'land-and-hang';
    for (const i of range(10)) void a.write(rec(25 + i)).catch(() => undefined);
    await tick();
    kafka.fate = () => 'ack';
    const b = createWriter(options(kafka, { mode: 'transactional' }));
    expect((await b.connect()).overall).toBe(24);
    const resumed = await b.writeMany(range(15).map((i) => rec(25 + i)));
    expect(resumed.alreadyDurable).toBe(0);
    await b.close();
    const read = dedupRead(kafka);
    expect(read.repeats).toBe(0);
    expect(read.all).toEqual(range(40));
  });

  it('transactional: a second live writer with the same id fences the first, which stops', async () => {
    const kafka = new MemoryKafka({ t: 1 });
    const a = createWriter(options(kafka, { mode: 'transactional' }));
    await a.connect();
    await a.write(rec(0));
    const b = createWriter(options(kafka, { mode: 'transactional' }));
    await b.connect();
    const err = await a.write(rec(1)).catch((e: unknown) => e);
    expect(isEoskitError(err, 'PRODUCER_FENCED')).toBe(true);
    expect(a.state).toBe('failed');
    await expect(a.write(rec(2))).rejects.toMatchObject({ code: 'PRODUCER_FENCED' });
    await a.close();
    await b.write(rec(1));
    await b.close();
  });

  it('gives up with TIMEOUT when nothing becomes durable within deliveryTimeoutMs', async () => {
    const kafka = new MemoryKafka({ t: 1 });
    const writer = createWriter(options(kafka, { deliveryTimeoutMs: 1000, checkpointIntervalMs: 100 }));
    await writer.connect();
    kafka.fate = () => 'lose-then-fail';
    const err = await writer.write(rec(0)).catch((e: unknown) => e);
    expect(isEoskitError(err, 'TIMEOUT')).toBe(true);
    expect((err as Error).message).toMatch(/no record became durable/);
    await writer.close();
  });

  it('pulls from a source only while the buffer has room', async () => {
    const kafka = new MemoryKafka({ t: 2 });
    const writer = createWriter(options(kafka, { maxBufferedRecords: 50 }));
    await writer.connect();
    let pulled = 0;
    let maxAhead = 0;
    async function* source() {
      for (const i of range(500)) {
        pulled += 1;
        maxAhead = Math.max(maxAhead, pulled - (kafka.visible('t').length + 0));
        yield rec(i);
      }
    }
    expect((await writer.writeMany(source())).count).toBe(500);
    expect(maxAhead).toBeLessThanOrEqual(51);
    await writer.close();
  });

  it('refuses misuse with typed errors', async () => {
    const kafka = new MemoryKafka({ t: 1, u: 1 });
    expect(() => createWriter(options(kafka, { writerId: '' }))).toThrow(/writerId is empty/);
    expect(() => createWriter(options(kafka, { producer: { acks: 1 } }))).toThrow(/acks=1 refused/);
    expect(() => createWriter(options(kafka, { producer: { 'enable.idempotence': false } }))).toThrow(/enable.idempotence/);
    expect(() => createWriter(options(kafka, { producer: { 'max.in.flight.requests.per.connection': 10 } }))).toThrow(
      /max.in.flight.requests.per.connection=10 refused/,
    );
    expect(() => createWriter(options(kafka, { producer: { 'transactional.id': 'x' } }))).toThrow(/derived from the writer id/);
    const writer = createWriter(options(kafka, { topics: ['t', 'u'] }));
    await expect(writer.write(rec(0))).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
    await writer.connect();
    await expect(writer.write({ value: 'x' })).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
    await expect(writer.write({ topic: 'nope', value: 'x' })).rejects.toThrow(/not in the writer's topics/);
    await expect(writer.write({ topic: 't', value: 'x', headers: { 'eoskit.seq': '1' } })).rejects.toMatchObject({
      code: 'HEADER_INVALID',
    });
    await expect(writer.write({ topic: 't', value: Buffer.alloc(2_000_000) })).rejects.toMatchObject({ code: 'RECORD_TOO_LARGE' });
    await writer.write({ topic: 't', value: 'x', sequence: 5 });
    await expect(writer.write({ topic: 'u', value: 'x', sequence: 5 })).rejects.toMatchObject({ code: 'SEQUENCE_ORDER' });
    await writer.close();
    await expect(writer.write({ topic: 't', value: 'x' })).rejects.toMatchObject({ code: 'CLOSED' });
  });
});
