import { describe, expect, it } from 'vitest';
import { validateRules } from './validate-rules.js';

const base = `id: my-rule
title: A rule for tests
severity: error
scope: { roles: [producer] }
given: { key: acks }
then: { check: equals, options: { value: all } }
message: "acks is {{value}}"
rationale: { failureMode: loss, text: "twenty characters of rationale text" }
remediation: Set acks=all please.
`;

describe('rules > loader', () => {
  it('accepts a valid rule', () => {
    const { rules, errors } = validateRules([{ file: 'rules/my-rule.yaml', text: base }]);
    expect(errors).toEqual([]);
    expect(rules.map((r) => r.id)).toEqual(['my-rule']);
  });

  it('reports YAML syntax errors with their line', () => {
    const { errors } = validateRules([{ file: 'rules/my-rule.yaml', text: 'id: [unclosed\n' }]);
    expect(errors[0]).toMatchObject({ code: 'RULE_YAML', file: 'rules/my-rule.yaml' });
    expect(errors[0]?.message).toMatch(/line \d/);
  });

  it('reports every schema violation with a JSON pointer (allErrors)', () => {
    const text = base.replace('severity: error', 'severity: fatal').replace('scope: { roles: [producer] }', 'scope: { roles: [producer], colour: red }');
    const { errors } = validateRules([{ file: 'r/my-rule.yaml', text }]);
    expect(errors.map((e) => [e.code, e.path])).toEqual(
      expect.arrayContaining([
        ['RULE_SCHEMA', '/severity'],
        ['RULE_SCHEMA', '/scope'],
      ]),
    );
    expect(errors.find((e) => e.path === '/scope')?.message).toContain('colour');
  });

  it('refuses an id that does not match the file name', () => {
    const { errors } = validateRules([{ file: 'rules/other.yaml', text: base }]);
    expect(errors).toEqual([expect.objectContaining({ code: 'RULE_ID_MISMATCH', path: '/id' })]);
  });

  it('refuses unknown checks and functions', () => {
    const a = validateRules([{ file: 'my-rule.yaml', text: base.replace('check: equals', 'check: equalz') }]);
    expect(a.errors[0]).toMatchObject({ code: 'RULE_UNKNOWN_CHECK', path: '/then/check' });
    const b = validateRules([{ file: 'my-rule.yaml', text: base.replace('{ check: equals, options: { value: all } }', '{ function: nope }') }]);
    expect(b.errors[0]).toMatchObject({ code: 'RULE_UNKNOWN_FUNCTION', path: '/then/function' });
  });

  it('validates options against the check schema when the rule loads', () => {
    const { errors } = validateRules([{ file: 'my-rule.yaml', text: base.replace('{ value: all }', '{ values: [all] }') }]);
    expect(errors.map((e) => e.code)).toContain('RULE_OPTIONS');
    expect(errors[0]?.path).toBe('/then/options');
  });

  it('refuses duplicate ids', () => {
    const { errors } = validateRules([
      { file: 'a/my-rule.yaml', text: base },
      { file: 'b/my-rule.yaml', text: base },
    ]);
    expect(errors).toEqual([expect.objectContaining({ code: 'RULE_DUPLICATE_ID', file: 'b/my-rule.yaml' })]);
  });
});
