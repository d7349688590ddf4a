import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { SharedClusterInfo } from '../setup/provided.js';

/** The shared cluster of the integration project (1 or 3 nodes). Do not kill its nodes. */
export function sharedCluster(nodes: 1 | 3 = 1): SharedClusterInfo {
  return inject(nodes === 1 ? 'kafka1' : 'kafka3');
}

/** Bootstrap servers of a shared cluster as a list. */
export function sharedBrokers(nodes: 1 | 3 = 1): string[] {
  return sharedCluster(nodes).bootstrapServers.split(',');
}

/** A topic, group or transactional-id name no other test uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}
