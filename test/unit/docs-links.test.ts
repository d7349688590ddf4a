import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

function markdownFiles(dir: string, skip: string[] = []): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (skip.includes(path)) return [];
    if (e.isDirectory()) return markdownFiles(path, skip);
    return e.name.endsWith('.md') ? [path] : [];
  });
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const [, id] of markdown.matchAll(/<a id="([^"]+)"/g)) out.add(id!);
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = !fenced && /^#{1,6} (.*)$/.exec(line);
    if (!heading) continue;
    const base = heading[1]!
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

function links(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...withoutCode.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((t) => !/^[a-z]+:/i.test(t));
}

const docs = join(root, 'docs');
const pages = [
  ...markdownFiles(docs, [join(docs, 'api'), join(docs, 'rules')]),
  ...markdownFiles(join(root, 'examples'), [join(root, 'examples', 'configs')]),
];

describe('docs > links', () => {
  it.each(pages.map((p) => [relative(root, p), p]))('%s: every relative link points to an existing file and heading', (_, page) => {
    const text = readFileSync(page, 'utf8');
    const broken: string[] = [];
    for (const target of links(text)) {
      const [path, anchor] = target.split('#') as [string, string | undefined];
      const file = path === '' ? page : resolve(dirname(page), decodeURI(path));
      if (!existsSync(file)) {
        broken.push(`${target} (no such file)`);
        continue;
      }
      if (anchor !== undefined && statSync(file).isFile() && file.endsWith('.md') && !anchors(readFileSync(file, 'utf8')).has(anchor)) {
        broken.push(`${target} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('the eos-lint guide links every rule page', () => {
    const guide = readFileSync(join(docs, 'guides', 'lint.md'), 'utf8');
    const rules = readdirSync(join(docs, 'rules')).filter((f) => f.endsWith('.md') && f !== 'README.md');
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.filter((f) => !guide.includes(`](../rules/${f})`)), 'add these to the failure-mode tables of docs/guides/lint.md').toEqual([]);
  });
});
