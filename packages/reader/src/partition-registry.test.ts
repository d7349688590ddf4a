import type { TopicPartition } from '@eoskit/core';
import { describe, expect, it } from 'vitest';
import { PartitionRegistry } from './partition-registry.js';
import { topicPartitionKey } from './topic-partition-key.js';

const tp = (partition: number): TopicPartition => ({ topic: 't', partition });

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('reader > partition registry', () => {
  it('loads assigned partitions in one batch and serves them from memory after', async () => {
    const calls: number[][] = [];
    let version = 0;
    const registry = new PartitionRegistry<string>(async (tps) => {
      calls.push(tps.map((p) => p.partition));
      version += 1;
      return new Map(tps.map((p) => [topicPartitionKey(p), `v${version}-p${p.partition}`]));
    });
    registry.prefetch([tp(0), tp(1)]);
    expect(await registry.get(tp(1))).toBe('v1-p1');
    expect(await registry.get(tp(0))).toBe('v1-p0');
    expect(await registry.get(tp(2))).toBe('v2-p2');
    expect(calls).toEqual([[0, 1], [2]]);
    registry.invalidate(tp(0));
    expect(await registry.get(tp(0))).toBe('v3-p0');
    expect(registry.release([tp(1), tp(5)])).toEqual(['v1-p1']);
    expect(registry.loaded().map(([p]) => p.partition).sort()).toEqual([0, 2]);
  });

  it('discards a load that was superseded while in flight and reloads', async () => {
    const pending: Array<ReturnType<typeof deferred<Map<string, string>>>> = [];
    const registry = new PartitionRegistry<string>((tps) => {
      void tps;
      const d = deferred<Map<string, string>>();
      pending.push(d);
      return d.promise;
    });
    const first = registry.get(tp(0));
    registry.invalidate(tp(0)); // e.g. revoked and re-assigned while restoring
    await Promise.resolve();
    pending[0]!.resolve(new Map([[topicPartitionKey(tp(0)), 'stale']]));
    await new Promise((r) => setTimeout(r, 0));
    expect(pending).toHaveLength(2);
    pending[1]!.resolve(new Map([[topicPartitionKey(tp(0)), 'fresh']]));
    expect(await first).toBe('fresh');
  });

  it('surfaces a failed load to the waiter and retries on the next get', async () => {
    let fail = true;
    const registry = new PartitionRegistry<string>(async (tps) => {
      if (fail) throw new Error('broker unavailable');
      return new Map(tps.map((p) => [topicPartitionKey(p), 'ok']));
    });
    await expect(registry.get(tp(0))).rejects.toThrow('broker unavailable');
    fail = false;
    expect(await registry.get(tp(0))).toBe('ok');
  });
});
