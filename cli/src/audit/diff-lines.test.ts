import { describe, expect, it } from 'vitest';
import { diffLines } from './diff-lines.js';
import { lineText } from './styled-line.js';

describe('audit > diff screen lines', () => {
  it('shows the change as a unified diff with context and secrets blanked', () => {
    const before = '# writer\nsasl.jaas.config=x password="s3cret";\nacks=1\nretries=3\n';
    const after = before.replace('acks=1', 'acks=all');
    const lines = diffLines({ file: 'p.properties', kind: 'fix', description: 'set acks=all', before, after, resolves: [], from: 'list' }, ['x password="s3cret";'], 80).map(lineText);
    expect(lines.slice(0, 2)).toEqual(['Fix', '  set acks=all']);
    expect(lines).toContain('--- a/p.properties');
    expect(lines).toContain('-acks=1');
    expect(lines).toContain('+acks=all');
    expect(lines).toContain(' # writer');
    expect(lines).toContain(' sasl.jaas.config=[redacted]');
    expect(lines.join('\n')).not.toContain('s3cret');
  });
});
