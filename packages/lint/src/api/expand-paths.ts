import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', '.tsbuild', 'coverage', 'target', 'build']);
const CONFIG_FILE = /(\.properties|\.ya?ml|\.json|\.env|\.sql|^\.env(\..+)?)$/i;
const NOT_CONFIG = /^(package(-lock)?\.json|tsconfig.*\.json|\.eos-lint\.(ya?ml|json)|pnpm-lock\.yaml|\.?renovate\.json)$/i;
const GLOB = /[*?[\]{}]/;

/** A path relative to `cwd` with forward slashes, as findings report it. */
export function displayPath(cwd: string, absolute: string): string {
  const rel = relative(cwd, absolute);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

function walk(dir: string, out: string[], explicitDepth = false): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    let st;
    try {
      st = statSync(path);
    } catch {
      continue;
    }
    if (st.isDirectory()) {
      if (!SKIP_DIRS.has(name) && !name.startsWith('.')) walk(path, out, explicitDepth);
    } else if (st.isFile()) {
      out.push(path);
    }
  }
}

/** The files to lint and the patterns that matched nothing. */
export interface ExpandedPaths {
  files: string[];
  unmatched: string[];
}

/**
 * Turns CLI arguments into absolute file paths: files as given, directories
 * walked for config-looking files (.properties, YAML, JSON, .env, .sql), and
 * globs matched below their static prefix. `ignore` globs apply to all.
 */
export function expandPaths(args: string[], options: { cwd: string; ignore?: string[] }): ExpandedPaths {
  const { cwd } = options;
  const ignored = options.ignore && options.ignore.length > 0 ? picomatch(options.ignore, { dot: true }) : () => false;
  const files = new Set<string>();
  const unmatched: string[] = [];
  for (const arg of args) {
    const before = files.size;
    if (GLOB.test(arg)) {
      const parts = arg.split('/');
      const firstGlob = parts.findIndex((p) => GLOB.test(p));
      const base = resolve(cwd, parts.slice(0, firstGlob).join('/') || '.');
      const isMatch = picomatch(arg, { dot: true });
      const found: string[] = [];
      walk(base, found);
      for (const f of found) if (isMatch(displayPath(cwd, f)) && !ignored(displayPath(cwd, f))) files.add(f);
    } else {
      const abs = resolve(cwd, arg);
      let st;
      try {
        st = statSync(abs);
      } catch {
        unmatched.push(arg);
        continue;
      }
      if (st.isDirectory()) {
        const found: string[] = [];
        walk(abs, found);
        for (const f of found) {
          const name = f.slice(f.lastIndexOf(sep) + 1);
          if (CONFIG_FILE.test(name) && !NOT_CONFIG.test(name) && !ignored(displayPath(cwd, f))) files.add(f);
        }
      } else if (!ignored(displayPath(cwd, abs))) {
        files.add(abs);
      }
    }
    if (files.size === before && !unmatched.includes(arg)) unmatched.push(arg);
  }
  return { files: [...files], unmatched };
}
