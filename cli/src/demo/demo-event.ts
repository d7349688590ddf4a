/** Value of demo event `seq`: the event id travels in the value, so any reader can count it. */
export function demoEventValue(pipeline: string, seq: number): string {
  return JSON.stringify({ pipeline, seq });
}

/** Key of demo event `seq` (64 keys, spread over the partitions). */
export function demoEventKey(seq: number): string {
  return `k${seq % 64}`;
}
