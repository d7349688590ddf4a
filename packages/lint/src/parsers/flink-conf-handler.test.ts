import { describe, expect, it } from 'vitest';
import { applyEdits, parseFile } from './index.js';

const configYaml = `# Flink 2.x config.yaml
execution:
  checkpointing:
    interval: 10 s
    mode: EXACTLY_ONCE
execution.checkpointing.timeout: PT10M
taskmanager.numberOfTaskSlots: 4
`;

describe('parsers > flink-conf', () => {
  it('reads nested and flattened keys of config.yaml, durations in ms', () => {
    const parsed = parseFile('conf/config.yaml', configYaml);
    expect(parsed.format).toBe('flink-conf');
    const unit = parsed.units[0];
    expect(unit).toMatchObject({ id: 'conf/config.yaml', role: 'flink', dialect: 'flink', roleSource: 'file-name' });
    expect(unit?.entries.get('execution.checkpointing.interval')).toMatchObject({ value: '10000', rawValue: '10 s', position: { line: 4, column: 5 } });
    expect(unit?.entries.get('execution.checkpointing.timeout')?.value).toBe('600000');
    expect(unit?.entries.get('execution.checkpointing.mode')?.value).toBe('EXACTLY_ONCE');
  });

  it('detects config.yaml by its Flink keys, not any YAML', () => {
    expect(parseFile('deploy/flink.yaml', 'execution.checkpointing.interval: 1 min\n').format).toBe('flink-conf');
    expect(parseFile('deploy/app.yaml', 'acks: all\n').format).toBe('yaml');
  });

  it('edits nested config.yaml at the deepest existing map', () => {
    const parsed = parseFile('conf/config.yaml', configYaml);
    const out = applyEdits(parsed, [
      { kind: 'set', unitId: 'conf/config.yaml', key: 'execution.checkpointing.interval', value: '60000' },
      { kind: 'set', unitId: 'conf/config.yaml', key: 'execution.checkpointing.tolerable-failed-checkpoints', value: '3' },
      { kind: 'set', unitId: 'conf/config.yaml', key: 'state.backend.type', value: 'rocksdb' },
    ]);
    expect(out).toBe(`# Flink 2.x config.yaml
execution:
  checkpointing:
    interval: 60000
    mode: EXACTLY_ONCE
    tolerable-failed-checkpoints: 3
execution.checkpointing.timeout: PT10M
taskmanager.numberOfTaskSlots: 4
state.backend.type: rocksdb
`);
  });

  it('reads the legacy flink-conf.yaml with Flink rules, not YAML rules', () => {
    const text = 'execution.checkpointing.interval: 1 min # eos-lint-disable-line F3\nstate.backend: rocksdb\nnot a setting\nexecution.checkpointing.interval: 30s\n';
    const parsed = parseFile('flink-conf.yaml', text);
    const unit = parsed.units[0];
    expect(unit?.entries.get('execution.checkpointing.interval')).toMatchObject({ value: '30000', position: { line: 4, column: 1 } });
    expect(unit?.shadowed[0]).toMatchObject({ value: '60000', valuePosition: { line: 1, column: 35 } });
    expect(parsed.problems).toEqual([expect.objectContaining({ fatal: false, position: { line: 3, column: 1 } })]);
    expect(parsed.suppressions).toEqual([{ file: 'flink-conf.yaml', commentLine: 1, targetLine: 1, ruleIds: ['F3'] }]);
    const out = applyEdits(parsed, [
      { kind: 'set', unitId: 'flink-conf.yaml', key: 'execution.checkpointing.interval', value: '10000' },
      { kind: 'set', unitId: 'flink-conf.yaml', key: 'execution.checkpointing.mode', value: 'EXACTLY_ONCE' },
      { kind: 'remove', unitId: 'flink-conf.yaml', key: 'state.backend' },
    ]);
    expect(out).toBe('execution.checkpointing.interval: 1 min # eos-lint-disable-line F3\nnot a setting\nexecution.checkpointing.interval: 10000\nexecution.checkpointing.mode: EXACTLY_ONCE\n');
  });
});
