import { parse } from 'dot-properties';
import { describe, expect, it } from 'vitest';
import { brokerConfig, defaultBrokerConfig, type NodePorts, renderBrokerConfig } from './broker-config.js';

const three: NodePorts[] = [
  { id: 1, port: 20001, controllerPort: 20002 },
  { id: 2, port: 20003, controllerPort: 20004 },
  { id: 3, port: 20005, controllerPort: 20006 },
];

describe('kafka-embedded > broker config', () => {
  it('gives 3 nodes RF 3 and min ISR 2 for topics, offsets and transaction state', () => {
    const c = defaultBrokerConfig(3, 4);
    expect(c).toMatchObject({
      'default.replication.factor': 3,
      'min.insync.replicas': 2,
      'offsets.topic.replication.factor': 3,
      'transaction.state.log.replication.factor': 3,
      'transaction.state.log.min.isr': 2,
      'share.coordinator.state.topic.replication.factor': 3,
      'share.coordinator.state.topic.min.isr': 2,
      'unclean.leader.election.enable': false,
      'group.initial.rebalance.delay.ms': 0,
    });
  });

  it('gives 1 node RF 1 and min ISR 1 everywhere, share-coordinator state included', () => {
    const c = defaultBrokerConfig(1, 4);
    for (const key of Object.keys(c).filter((k) => k.endsWith('replication.factor') || k.endsWith('min.isr') || k === 'min.insync.replicas')) {
      expect([key, c[key]]).toEqual([key, 1]);
    }
    expect(c['share.coordinator.state.topic.replication.factor']).toBe(1);
  });

  it('caps RF at 3 for larger clusters and leaves out share-group keys on 3.x', () => {
    expect(defaultBrokerConfig(5, 4)['default.replication.factor']).toBe(3);
    expect(Object.keys(defaultBrokerConfig(3, 3)).some((k) => k.startsWith('share.'))).toBe(false);
  });

  it('wires listeners and the static quorum from the picked ports', () => {
    const c = brokerConfig({ node: three[1] as NodePorts, nodes: three, dataDir: '/d/node-2/data', line: 4 });
    expect(c['node.id']).toBe(2);
    expect(c['process.roles']).toBe('broker,controller');
    expect(c['controller.quorum.voters']).toBe('1@127.0.0.1:20002,2@127.0.0.1:20004,3@127.0.0.1:20006');
    expect(c.listeners).toBe('PLAINTEXT://127.0.0.1:20003,CONTROLLER://127.0.0.1:20004');
    expect(c['advertised.listeners']).toBe('PLAINTEXT://127.0.0.1:20003');
    expect(c['log.dirs']).toBe('/d/node-2/data');
  });

  it('applies cluster overrides, then per-node overrides', () => {
    const c = brokerConfig({
      node: three[0] as NodePorts,
      nodes: three,
      dataDir: '/d',
      line: 4,
      overrides: [{ 'min.insync.replicas': 3, 'log.retention.ms': 1000 }, { 'log.retention.ms': 5 }],
    });
    expect(c['min.insync.replicas']).toBe(3);
    expect(c['log.retention.ms']).toBe(5);
  });

  it('refuses overrides of keys that carry the topology', () => {
    expect(() => brokerConfig({ node: three[0] as NodePorts, nodes: three, dataDir: '/d', line: 4, overrides: [{ listeners: 'x' }] })).toThrow(
      /"listeners" is set by the embedded cluster/,
    );
  });

  it('renders a properties file that reads back to the same settings, odd characters included', () => {
    const input = { node: three[0] as NodePorts, nodes: three, dataDir: 'C:\\odd dir=x', line: 4 as const, overrides: [{ 'client.id': 'a:b c' }] };
    const text = renderBrokerConfig(input);
    const back = parse(text) as Record<string, string>;
    const expected = Object.fromEntries(Object.entries(brokerConfig(input)).map(([k, v]) => [k, String(v)]));
    expect(back).toEqual(expected);
  });
});
