import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import AuditApp from './AuditApp.js';
import type { AuditState } from './audit-types.js';
import { openAudit } from './open-audit.js';

// Colours on, so the NO_COLOR test can fail (chalk reads this when Ink loads).
vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

const PRODUCER = '# orders writer: keep this comment\nacks=1\ntransactional.id=orders-0\ntransaction.timeout.ms=1200000\n';
const SERVER = '# one dev broker\nprocess.roles=broker\nmin.insync.replicas=1\nunclean.leader.election.enable=true\n';
const KEY = { down: '\u001b[B', up: '\u001b[A', enter: '\r', esc: '\u001b', tab: '\t' };
const ANSI = /\u001b\[[0-9;]*m/g;

let unmounts: Array<() => void> = [];
afterEach(() => {
  for (const u of unmounts) u();
  unmounts = [];
});

function mount(options: { color?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'eos-audit-app-'));
  writeFileSync(join(dir, 'producer.properties'), PRODUCER);
  writeFileSync(join(dir, 'server.properties'), SERVER);
  const { initial, analyze } = openAudit([{ file: 'producer.properties', text: PRODUCER }, { file: 'server.properties', text: SERVER }], {}, dir);
  const quit: AuditState[] = [];
  const io = { readFile: (p: string) => readFileSync(p, 'utf8'), writeFile: (p: string, t: string) => writeFileSync(p, t) };
  const app = render(<AuditApp initial={initial} analyze={analyze} io={io} color={options.color ?? true} onQuit={(s) => quit.push(s)} width={80} height={24} />);
  unmounts.push(app.unmount);
  const frame = () => (app.lastFrame() ?? '').replace(ANSI, '').trimEnd();
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      app.stdin.write(k);
      // A lone Esc is flushed by Ink after setImmediate; keys are read against the latest state, so no render is awaited.
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  /** Waits (polling, not sleeping a fixed time) until the frame passes the check. */
  const see = (check: (frame: string) => void) => vi.waitFor(() => check(frame()), { timeout: 5000, interval: 20 });
  return { app, frame, press, see, dir, quit };
}

const selectedLine = (frame: string) => frame.split('\n').find((l) => l.startsWith('›')) ?? '';

describe('audit > app > findings screen', () => {
  it('opens on the findings, grouped by file, and fits 80x24', () => {
    const { frame } = mount();
    const lines = frame().split('\n');
    expect(lines).toHaveLength(24);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(80);
    expect(lines[0]).toMatch(/^eos-lint audit \d+ errors/);
    expect(lines[0]).toContain('[Findings]');
    expect(lines[2]).toBe('producer.properties  3 findings');
    expect(selectedLine(frame())).toContain('producer-acks-not-all');
    expect(lines[23]).toContain('? help');
  });

  it('moves with j, k and the arrows', async () => {
    const { see, press } = mount();
    await press('j');
    await see((f) => expect(selectedLine(f)).toContain('producer-idempotence-conflict'));
    await press(KEY.down, KEY.down, 'k');
    await see((f) => expect(selectedLine(f)).toMatch(/ 4 {2}transaction\.timeout\.ms/));
    await press(KEY.up);
    await see((f) => expect(selectedLine(f)).toContain('producer-idempotence-conflict'));
    await press('G');
    await see((f) => expect(selectedLine(f)).toContain('unclean.leader.election.enable'));
  });

  it('filters with / and clears with Esc', async () => {
    const { see, press } = mount();
    await press('/', 'u', 'n', 'c', 'l');
    await see((f) => expect(f).toContain('/uncl█'));
    await press(KEY.enter);
    await see((f) => expect(f).toContain('Filter: "uncl"'));
    await see((f) => expect(f).toMatch(/ 1\/\d+\n/));
    await see((f) => expect(selectedLine(f)).toContain('unclean-leader-election-enabled'));
    await press(KEY.esc);
    await see((f) => expect(f).toContain('All findings'));
  });

  it('cycles the severity filter with v', async () => {
    const { see, press } = mount();
    await press('v');
    await see((f) => expect(f).toContain('Filter: severity error'));
    await see((f) => expect(f).not.toMatch(/^ {2}W/m));
  });
});

describe('audit > app > detail screen', () => {
  it('shows the rationale, current and recommended value, the excerpt and the docs; Esc goes back', async () => {
    const { see, press } = mount();
    await press(KEY.enter);
    await see((f) => {
      expect(f).toContain(' ERROR  producer-acks-not-all (P2)  1/');
      expect(f).toContain('Current      acks = 1');
      expect(f).toContain('Recommended  all');
      expect(f).toContain('> 2 │ acks=1');
    });
    await press('G');
    await see((f) => {
      expect(f).toContain('Why it fails: data loss');
      expect(f).toContain('docs/rules/producer-acks-not-all');
    });
    await press(KEY.esc);
    await see((f) => expect(f).toContain('All findings'));
  });
});

describe('audit > app > summary screen', () => {
  it('Tab shows the counts and the pipeline, Tab again the findings', async () => {
    const { see, press } = mount();
    await press(KEY.tab);
    await see((f) => {
      expect(f).toContain('[Summary]');
      expect(f).toContain('By role');
      expect(f).toMatch(/ {2}broker +\d+/);
      expect(f).toContain('Pipeline');
    });
    await press('G');
    await see((f) => expect(f).toContain('transaction.timeout.ms = 1200000'));
    await press(KEY.tab);
    await see((f) => expect(f).toContain('[Findings]'));
  });
});

describe('audit > app > help screen', () => {
  it('? lists the keys and ? returns', async () => {
    const { see, press } = mount();
    await press('?');
    await see((f) => {
      expect(f).toContain('Keys');
      expect(f).toContain('preview the fix of the finding as a diff');
    });
    await press('?');
    await see((f) => expect(f).toContain('All findings'));
  });
});

describe('audit > app > fix', () => {
  it('previews a diff, applies it (re-linted at once), undoes it', async () => {
    const { see, press } = mount();
    await press('f');
    await see((f) => {
      expect(f).toContain('-acks=1');
      expect(f).toContain('+acks=all');
    });
    await press('a');
    await see((f) => {
      expect(f).toContain('● unsaved');
      expect(f).toContain('applied: set acks=all');
      expect(f).not.toContain('producer-acks-not-all');
    });
    await press('u');
    await see((f) => {
      expect(f).toContain('producer-acks-not-all');
      expect(f).not.toContain('● unsaved');
    });
  });

  it('saves the fixed file to disk with its comments', async () => {
    const { see, press, dir } = mount();
    await press('f', 'a', 's');
    await see((f) => expect(f).toContain('saved producer.properties'));
    expect(readFileSync(join(dir, 'producer.properties'), 'utf8')).toBe(PRODUCER.replace('acks=1', 'acks=all'));
    expect(readFileSync(join(dir, 'server.properties'), 'utf8')).toBe(SERVER);
  });

  it('does not overwrite a file changed on disk until s is pressed again', async () => {
    const { see, press, dir } = mount();
    await press('f', 'a');
    await see((f) => expect(f).toContain('● unsaved'));
    writeFileSync(join(dir, 'producer.properties'), 'acks=0\n');
    await press('s');
    await see((f) => expect(f).toContain('changed on disk'));
    expect(readFileSync(join(dir, 'producer.properties'), 'utf8')).toBe('acks=0\n');
    await press('s');
    await see((f) => expect(f).toContain('saved producer.properties'));
    expect(readFileSync(join(dir, 'producer.properties'), 'utf8')).toContain('acks=all');
  });
});

describe('audit > app > quit', () => {
  it('quits on q, and asks first when changes are unsaved', async () => {
    const clean = mount();
    await clean.press('q');
    await vi.waitFor(() => expect(clean.quit).toHaveLength(1));
    const dirty = mount();
    await dirty.press('f', 'a', 'q');
    await dirty.see((f) => expect(f).toContain('Unsaved changes in:'));
    expect(dirty.quit).toHaveLength(0);
    await dirty.press('y');
    await vi.waitFor(() => expect(dirty.quit).toHaveLength(1));
    expect(dirty.quit[0]?.buffers['producer.properties']?.text).toContain('acks=all');
    expect(readFileSync(join(dirty.dir, 'producer.properties'), 'utf8')).toBe(PRODUCER);
  });
});

describe('audit > app > colour', () => {
  it('colours severities, and drops every colour without losing the marks when colour is off', () => {
    const colored = mount({ color: true });
    expect(colored.app.lastFrame()).toMatch(/\u001b\[31m/);
    const plain = mount({ color: false });
    const raw = plain.app.lastFrame() ?? '';
    expect(raw).not.toMatch(/\u001b\[3[0-9]m/);
    expect(raw.replace(ANSI, '')).toContain('› E+');
  });
});
