import type { FileBuffer, SaveOutcome } from './audit-types.js';

/** File access for saving, injected so tests can use a temp dir or fail on purpose. */
export interface SaveIo {
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
}

/**
 * Writes edited files. A file whose disk text changed since it was read is
 * left alone (a conflict) unless `force`, so an editor's or a colleague's
 * change is never overwritten silently.
 */
export function saveBuffers(buffers: readonly FileBuffer[], io: SaveIo, force: boolean): SaveOutcome[] {
  return buffers.map((b) => {
    try {
      if (!force && io.readFile(b.path) !== b.saved) return { file: b.file, ok: false, conflict: true };
    } catch (err) {
      // A file deleted meanwhile is written again only on an explicit second save.
      if (!force) return { file: b.file, ok: false, conflict: true, error: (err as NodeJS.ErrnoException).code };
    }
    try {
      io.writeFile(b.path, b.text);
      return { file: b.file, ok: true, text: b.text };
    } catch (err) {
      return { file: b.file, ok: false, error: `cannot write (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
    }
  });
}
