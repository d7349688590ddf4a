import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { EoskitError } from '@eoskit/core';
import { bootstrapServersOf, securityBootstrapServersOf, type ClusterState, type NodeState, readClusterState, writeClusterState } from './cluster-state.js';
import type { ClusterNode, EmbeddedCluster, WaitOptions } from './embedded-cluster.js';
import { killOnExit } from './exit-hook.js';
import { logTail, spawnNode } from './node-launch.js';
import { hasMarker } from './proc-info.js';
import { registerProcess, unregisterProcess } from './process-registry.js';
import { waitForBrokersRegistered, waitForClusterReady, waitForNoUnderReplication } from './readiness.js';
import { waitGone } from './reap-orphans.js';
import { CA_FILE, TLS_DIR } from './tls-material.js';

const DEFAULT_WAIT_MS = 120_000;
const TERM_GRACE_MS = 30_000;

/** An embedded cluster whose JVMs this package started (in this process or, via its folder, another). */
export class LocalCluster implements EmbeddedCluster {
  readonly external = false;
  private readonly paused = new Set<number>();
  private readonly forgetExitHook: () => void;
  private stopped = false;

  /**
   * @param attached true for a handle made from the folder by another process (attachCluster): it
   *   never kills the cluster when this process exits, whoever owns it.
   */
  constructor(
    private readonly state: ClusterState,
    attached = false,
  ) {
    // Detached clusters outlive this process on purpose; all others die with their owner.
    this.forgetExitHook =
      state.owner === null || attached
        ? () => undefined
        : killOnExit({
            processes: () => this.state.nodes.filter((n) => n.pid !== null).map((n) => ({ pid: n.pid as number, marker: n.launch.marker })),
            ownedDir: state.ownsDir ? state.dir : undefined,
          });
  }

  get bootstrapServers(): string {
    return bootstrapServersOf(this.state);
  }
  get brokers(): string[] {
    return this.bootstrapServers.split(',');
  }
  get saslBootstrapServers(): string | undefined {
    return securityBootstrapServersOf(this.state, 'saslPort');
  }
  get sslBootstrapServers(): string | undefined {
    return securityBootstrapServersOf(this.state, 'sslPort');
  }
  get tlsCa(): string | undefined {
    const file = join(this.state.dir, TLS_DIR, CA_FILE);
    return this.sslBootstrapServers !== undefined && existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  }
  get kafkaVersion(): string {
    return this.state.kafkaVersion;
  }
  get dir(): string {
    return this.state.dir;
  }
  get nodes(): ClusterNode[] {
    return this.state.nodes.map((n) => ({
      id: n.id,
      port: n.port,
      controllerPort: n.controllerPort,
      ...(n.saslPort === undefined ? {} : { saslPort: n.saslPort }),
      ...(n.sslPort === undefined ? {} : { sslPort: n.sslPort }),
      pid: n.pid,
      logFile: n.launch.logFile,
      dir: n.nodeDir,
    }));
  }

  /** Starts every node that is down (all of them for a new cluster); does not wait. */
  launchAll(): void {
    for (const node of this.state.nodes) if (!this.isUp(node)) this.launch(node);
    this.save();
  }

  /** Waits until every broker is registered and serves acks=all writes. */
  async waitUntilReady(timeoutMs: number): Promise<void> {
    await waitForClusterReady(this.target(this.state.nodes.map((n) => n.id), timeoutMs));
  }

  async stop(): Promise<void> {
    this.adoptRestartsFromDisk();
    const nodes = this.state.nodes.filter((n) => n.pid !== null);
    for (const node of nodes) this.signal(node, 'SIGKILL');
    await waitGone(nodes.map((n) => n.pid as number), 10_000);
    for (const node of nodes) this.markDown(node);
    this.stopped = true;
    this.forgetExitHook();
    if (this.state.ownsDir) rmSync(this.state.dir, { recursive: true, force: true });
    else this.save();
  }

  async kill(nodeId: number, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const node = this.node(nodeId);
    if (signal === 'SIGSTOP') return this.pause(nodeId);
    if (signal === 'SIGCONT') return this.resume(nodeId);
    if (!this.isUp(node)) throw new EoskitError('EMBEDDED_KAFKA', `node ${nodeId} is not running`);
    this.signal(node, signal);
    // A frozen JVM cannot act on SIGTERM.
    if (this.paused.has(nodeId) && signal !== 'SIGKILL') this.signal(node, 'SIGCONT');
    const gone = await waitGone([node.pid as number], signal === 'SIGKILL' ? 10_000 : TERM_GRACE_MS);
    if (!gone) throw new EoskitError('EMBEDDED_KAFKA', `node ${nodeId} (pid ${node.pid}) did not exit within ${TERM_GRACE_MS / 1000} s of ${signal}`);
    this.markDown(node);
    this.save();
  }

  async restart(nodeId: number, options: WaitOptions = {}): Promise<void> {
    this.assertOpen();
    const node = this.node(nodeId);
    if (this.isUp(node)) {
      try {
        await this.kill(nodeId, 'SIGTERM');
      } catch {
        await this.kill(nodeId, 'SIGKILL');
      }
    }
    this.launch(node);
    this.save();
    await waitForBrokersRegistered(this.target([nodeId], options.timeoutMs ?? DEFAULT_WAIT_MS));
  }

  async pause(nodeId: number): Promise<void> {
    const node = this.node(nodeId);
    if (!this.isUp(node)) throw new EoskitError('EMBEDDED_KAFKA', `node ${nodeId} is not running`);
    this.signal(node, 'SIGSTOP');
    this.paused.add(nodeId);
  }

  async resume(nodeId: number): Promise<void> {
    const node = this.node(nodeId);
    if (this.isUp(node)) this.signal(node, 'SIGCONT');
    this.paused.delete(nodeId);
  }

  async waitForHealthy(options: WaitOptions = {}): Promise<void> {
    this.assertOpen();
    await waitForNoUnderReplication(this.target(this.state.nodes.map((n) => n.id), options.timeoutMs ?? DEFAULT_WAIT_MS));
  }

  /**
   * Another process may have restarted a node of this cluster (`eoskit kafka restart --dir`), so
   * its current pid is in the folder's state file, not in memory. Take those pids before stopping.
   */
  private adoptRestartsFromDisk(): void {
    let disk: ClusterState;
    try {
      disk = readClusterState(this.state.dir);
    } catch {
      return;
    }
    for (const node of this.state.nodes) {
      const pid = disk.nodes.find((n) => n.id === node.id)?.pid ?? null;
      if (pid !== null && pid !== node.pid && hasMarker(pid, node.launch.marker)) node.pid = pid;
    }
  }

  private target(nodeIds: number[], timeoutMs: number) {
    const watched = this.state.nodes.filter((n) => nodeIds.includes(n.id));
    return {
      brokers: this.brokers,
      nodeIds,
      timeoutMs,
      check: () => {
        for (const node of watched) {
          if (node.pid !== null && !hasMarker(node.pid, node.launch.marker)) {
            const pid = node.pid;
            this.markDown(node);
            this.save();
            const tail = logTail(node.launch.logFile);
            throw new EoskitError('EMBEDDED_KAFKA', `Kafka node ${node.id} (pid ${pid}) exited; last lines of ${node.launch.logFile}:\n${tail}`);
          }
        }
      },
    };
  }

  private launch(node: NodeState): void {
    const pid = spawnNode(node.launch);
    node.pid = pid;
    this.paused.delete(node.id);
    registerProcess({ pid, marker: node.launch.marker, clusterDir: this.state.dir, owner: this.state.owner, ownsDir: this.state.ownsDir });
  }

  private markDown(node: NodeState): void {
    if (node.pid !== null) unregisterProcess(node.pid);
    node.pid = null;
    this.paused.delete(node.id);
  }

  private signal(node: NodeState, signal: NodeJS.Signals): void {
    // Only a pid that still runs this node's JVM is signalled: pids get reused.
    if (node.pid === null || !hasMarker(node.pid, node.launch.marker)) return;
    try {
      process.kill(node.pid, signal);
    } catch {
      // exited meanwhile
    }
  }

  private isUp(node: NodeState): boolean {
    return node.pid !== null && hasMarker(node.pid, node.launch.marker);
  }

  private node(nodeId: number): NodeState {
    const node = this.state.nodes.find((n) => n.id === nodeId);
    if (!node) {
      throw new EoskitError('EMBEDDED_KAFKA', `no node ${nodeId} in this cluster (nodes: ${this.state.nodes.map((n) => n.id).join(', ')})`);
    }
    return node;
  }

  private assertOpen(): void {
    if (this.stopped) throw new EoskitError('EMBEDDED_KAFKA', 'the cluster was stopped');
  }

  private save(): void {
    if (!(this.stopped && this.state.ownsDir)) writeClusterState(this.state);
  }
}
