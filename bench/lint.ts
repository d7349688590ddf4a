/**
 * eos-lint benchmark (npm run bench:lint): lints 1,000 generated config
 * files of mixed formats in-process (files/s), then measures CLI cold start
 * (median of several `node cli/bin/eos-lint.js` runs on one small file) next
 * to bare `node -e 0` on the same machine. Targets: >= 1,000 files/s, <= 300 ms.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FORMAT_HANDLERS, lintFiles, lintSources } from '@eoskit/lint';
import { writeCorpus } from './lint-corpus.js';

const FILES = 1000;
const ROUNDS = 5;
const COLD_RUNS = 11;
const BIN = fileURLToPath(new URL('../cli/bin/eos-lint.js', import.meta.url));

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function throughput(dir: string): Promise<{ pipeline: number; perFile: number; findings: number }> {
  const pipelineMs: number[] = [];
  const perFileMs: number[] = [];
  let findings = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let t = performance.now();
    const result = await lintFiles(['.'], { cwd: dir, configFile: false });
    pipelineMs.push(performance.now() - t);
    findings = result.findings.length;
    const sources = result.files.map((f) => ({ file: f.file, text: f.text }));
    t = performance.now();
    for (const source of sources) lintSources([source]);
    perFileMs.push(performance.now() - t);
  }
  return { pipeline: (FILES / median(pipelineMs)) * 1000, perFile: (FILES / median(perFileMs)) * 1000, findings };
}

function coldStart(dir: string): { cli: number; node: number } {
  const file = join(dir, 'small-producer.properties');
  writeFileSync(file, 'acks=all\nenable.idempotence=true\n');
  const time = (args: string[]): number => {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0 && args[0] === BIN) throw new Error(`eos-lint exited ${r.status}: ${r.stderr}`);
    return performance.now() - t;
  };
  time([BIN, file]); // warm the OS file cache
  const cli: number[] = [];
  const node: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    node.push(time(['-e', '0']));
    cli.push(time([BIN, file]));
  }
  return { cli: median(cli), node: median(node) };
}

const work = mkdtempSync(join(tmpdir(), 'eos-lint-bench-'));
try {
  const corpus = join(work, 'corpus');
  const formats = writeCorpus(corpus, FILES, new Set(FORMAT_HANDLERS.map((h) => h.format)));
  const { pipeline, perFile, findings } = await throughput(corpus);
  const cold = coldStart(work);
  const lines = [
    `eos-lint benchmark: ${FILES} files (${formats.join(', ')}), median of ${ROUNDS} rounds`,
    `  one pipeline (lintFiles on the folder): ${Math.round(pipeline)} files/s  (${findings} findings)  target >= 1000`,
    `  file by file (lintSources per file):    ${Math.round(perFile)} files/s`,
    `  CLI cold start (median of ${COLD_RUNS}):        ${Math.round(cold.cli)} ms  target <= 300`,
    `  bare node -e 0 on this machine:         ${Math.round(cold.node)} ms  (ratio ${(cold.cli / cold.node).toFixed(1)}x)`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
} finally {
  rmSync(work, { recursive: true, force: true });
}
