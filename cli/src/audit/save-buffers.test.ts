import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveBuffers, type SaveIo } from './save-buffers.js';

const fsIo: SaveIo = { readFile: (p) => readFileSync(p, 'utf8'), writeFile: (p, t) => writeFileSync(p, t) };

function file(text: string) {
  const path = join(mkdtempSync(join(tmpdir(), 'eos-audit-save-')), 'producer.properties');
  writeFileSync(path, text);
  return path;
}

describe('audit > save', () => {
  it('writes the edited text', () => {
    const path = file('acks=1\n');
    expect(saveBuffers([{ file: 'producer.properties', path, saved: 'acks=1\n', text: 'acks=all\n' }], fsIo, false)).toEqual([{ file: 'producer.properties', ok: true, text: 'acks=all\n' }]);
    expect(readFileSync(path, 'utf8')).toBe('acks=all\n');
  });

  it('refuses to overwrite a file changed on disk unless forced', () => {
    const path = file('acks=0\n');
    const buffer = { file: 'producer.properties', path, saved: 'acks=1\n', text: 'acks=all\n' };
    expect(saveBuffers([buffer], fsIo, false)).toEqual([{ file: 'producer.properties', ok: false, conflict: true }]);
    expect(readFileSync(path, 'utf8')).toBe('acks=0\n');
    expect(saveBuffers([buffer], fsIo, true)[0]?.ok).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('acks=all\n');
  });

  it('reports a write error with its code instead of throwing', () => {
    const failing: SaveIo = {
      readFile: () => 'acks=1\n',
      writeFile: () => {
        throw Object.assign(new Error('denied'), { code: 'EACCES' });
      },
    };
    expect(saveBuffers([{ file: 'p', path: '/x/p', saved: 'acks=1\n', text: 'acks=all\n' }], failing, false)).toEqual([{ file: 'p', ok: false, error: 'cannot write (EACCES)' }]);
  });
});
