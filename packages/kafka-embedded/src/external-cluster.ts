import { EoskitError } from '@eoskit/core';
import type { ClusterNode, EmbeddedCluster, WaitOptions } from './embedded-cluster.js';
import { waitForNoUnderReplication } from './readiness.js';
import { Kafka, logLevel } from 'kafkajs';

/**
 * The cluster named by `EOS_BOOTSTRAP_SERVERS`: eoskit talks to it but does not own it, so stop()
 * does nothing and fault injection is refused.
 */
export class ExternalCluster implements EmbeddedCluster {
  readonly external = true;
  readonly kafkaVersion = 'external';
  readonly dir = undefined;
  readonly nodes: readonly ClusterNode[] = [];
  readonly brokers: string[];

  constructor(readonly bootstrapServers: string) {
    this.brokers = bootstrapServers.split(',').map((b) => b.trim()).filter((b) => b.length > 0);
    if (this.brokers.length === 0) throw new EoskitError('EMBEDDED_KAFKA', 'EOS_BOOTSTRAP_SERVERS is set but empty');
  }

  async stop(): Promise<void> {
    // Not ours to stop.
  }
  kill(nodeId: number): Promise<void> {
    return this.refuse(`kill(${nodeId})`);
  }
  restart(nodeId: number): Promise<void> {
    return this.refuse(`restart(${nodeId})`);
  }
  pause(nodeId: number): Promise<void> {
    return this.refuse(`pause(${nodeId})`);
  }
  resume(nodeId: number): Promise<void> {
    return this.refuse(`resume(${nodeId})`);
  }

  async waitForHealthy(options: WaitOptions = {}): Promise<void> {
    const admin = new Kafka({ brokers: this.brokers, logLevel: logLevel.NOTHING }).admin();
    let nodeIds: number[];
    try {
      await admin.connect();
      nodeIds = (await admin.describeCluster()).brokers.map((b) => b.nodeId);
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    await waitForNoUnderReplication({ brokers: this.brokers, nodeIds, timeoutMs: options.timeoutMs ?? 120_000 });
  }

  private refuse(what: string): Promise<never> {
    return Promise.reject(
      new EoskitError('EMBEDDED_KAFKA', `${what}: fault injection needs the embedded cluster, but EOS_BOOTSTRAP_SERVERS points at an external one (unset it to run fault tests)`),
    );
  }
}
