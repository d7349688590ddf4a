import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import Frame from './Frame.js';
import { plain, seg } from './styled-line.js';

vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

describe('audit > frame', () => {
  it('keeps every row, blank ones too, and cuts long lines at the width', () => {
    const body = [plain('first'), [], plain(''), plain('x'.repeat(120)), plain('last')];
    const { lastFrame } = render(<Frame title={plain('title')} body={body} status={[]} hints="keys" width={80} height={8} color={false} />);
    const lines = (lastFrame() ?? '').trimEnd().split('\n');
    expect(lines).toHaveLength(8);
    expect(lines.map((l) => l.trimEnd())).toEqual(['title', 'first', '', '', `${'x'.repeat(79)}…`, 'last', '', 'keys']);
  });

  it('colours segments only when colour is on', () => {
    const line = [seg('E', { color: 'red', bold: true }), seg(' acks')];
    const on = render(<Frame title={line} body={[]} status={[]} hints="" width={80} height={3} color={true} />).lastFrame() ?? '';
    const off = render(<Frame title={line} body={[]} status={[]} hints="" width={80} height={3} color={false} />).lastFrame() ?? '';
    expect(on).toContain('\u001b[31m');
    expect(off).not.toContain('\u001b[31m');
    expect(off).toContain('\u001b[1m');
  });
});
