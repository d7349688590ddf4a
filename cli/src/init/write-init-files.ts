import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InitFile } from './init-types.js';

/** Files of `files` that already exist in `dir`. */
export function existingFiles(dir: string, files: readonly InitFile[]): string[] {
  return files.filter((f) => existsSync(join(dir, f.path))).map((f) => f.path);
}

/**
 * Writes the files into `dir` (created if missing). Existing files are
 * overwritten only with `overwrite`; otherwise nothing is written and the
 * existing ones are returned.
 */
export function writeInitFiles(dir: string, files: readonly InitFile[], overwrite: boolean): { written: string[]; refused: string[] } {
  const existing = existingFiles(dir, files);
  if (existing.length > 0 && !overwrite) return { written: [], refused: existing };
  mkdirSync(dir, { recursive: true });
  // 'wx' also refuses a file created between the check and the write.
  for (const f of files) writeFileSync(join(dir, f.path), f.text, { flag: overwrite ? 'w' : 'wx' });
  return { written: files.map((f) => f.path), refused: [] };
}
