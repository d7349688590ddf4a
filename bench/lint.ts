/**
 * eos-lint benchmark (npm run bench:lint): lints 1,000 generated config
 * files of mixed formats in-process (files/s), then measures CLI cold start
 * (median of several `node cli/bin/eos-lint.js` runs on one small file) next
 * to bare `node -e 0` on the same machine. Targets: >= 1,000 files/s, <= 300 ms.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FORMAT_HANDLERS, lintFiles, lintSources } from '@eoskit/lint';
import { writeCorpus } from './lint-corpus.js';

const FILES = 1000;
const ROUNDS = 5;
const COLD_RUNS = 11;
const BIN = fileURLToPath(new URL('../cli/bin/eos-lint.js', import.meta.url));
const TIME = '/usr/bin/time';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** Files per second by wall clock and by this process's CPU time (the latter unaffected by other load on the machine). */
interface Rate {
  wall: number;
  cpu: number;
}

async function measure(run: () => Promise<unknown> | unknown): Promise<{ wall: number; cpu: number }> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  await run();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - t, cpu: (used.user + used.system) / 1000 };
}

async function throughput(dir: string): Promise<{ pipeline: Rate; perFile: Rate; findings: number }> {
  const pipeline: Array<{ wall: number; cpu: number }> = [];
  const perFile: Array<{ wall: number; cpu: number }> = [];
  let findings = 0;
  let sources: Array<{ file: string; text: string }> = [];
  for (let round = 0; round < ROUNDS; round++) {
    pipeline.push(
      await measure(async () => {
        const result = await lintFiles(['.'], { cwd: dir, configFile: false });
        findings = result.findings.length;
        sources = result.files.map((f) => ({ file: f.file, text: f.text }));
      }),
    );
    perFile.push(await measure(() => sources.forEach((source) => lintSources([source]))));
  }
  const rate = (xs: Array<{ wall: number; cpu: number }>): Rate => ({
    wall: (FILES / median(xs.map((x) => x.wall))) * 1000,
    cpu: (FILES / median(xs.map((x) => x.cpu))) * 1000,
  });
  return { pipeline: rate(pipeline), perFile: rate(perFile), findings };
}

/** Wall and CPU (user + sys) ms of one process run; CPU via /usr/bin/time when present. */
function timeRun(dir: string, args: string[]): { wall: number; cpu: number | undefined } {
  const hasTime = existsSync(TIME);
  const t = performance.now();
  const r = hasTime
    ? spawnSync(TIME, ['-f', 'EOSCPU %U %S', process.execPath, ...args], { cwd: dir, encoding: 'utf8' })
    : spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8' });
  const wall = performance.now() - t;
  if (r.status !== 0 && args[0] === BIN) throw new Error(`eos-lint exited ${r.status}: ${r.stderr}`);
  const m = /EOSCPU ([\d.]+) ([\d.]+)/.exec(r.stderr ?? '');
  return { wall, cpu: m ? (Number(m[1]) + Number(m[2])) * 1000 : undefined };
}

function coldStart(dir: string): { cli: number; node: number; cliCpu?: number; nodeCpu?: number } {
  const file = join(dir, 'small-producer.properties');
  writeFileSync(file, 'acks=all\nenable.idempotence=true\n');
  timeRun(dir, [BIN, file]); // warm the OS file cache
  const cli: Array<{ wall: number; cpu: number | undefined }> = [];
  const node: Array<{ wall: number; cpu: number | undefined }> = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    node.push(timeRun(dir, ['-e', '0']));
    cli.push(timeRun(dir, [BIN, file]));
  }
  const cpu = (xs: typeof cli): number | undefined => (xs.every((x) => x.cpu !== undefined) ? median(xs.map((x) => x.cpu as number)) : undefined);
  return { cli: median(cli.map((x) => x.wall)), node: median(node.map((x) => x.wall)), cliCpu: cpu(cli), nodeCpu: cpu(node) };
}

const work = mkdtempSync(join(tmpdir(), 'eos-lint-bench-'));
try {
  const corpus = join(work, 'corpus');
  const formats = writeCorpus(corpus, FILES, new Set(FORMAT_HANDLERS.map((h) => h.format)));
  const { pipeline, perFile, findings } = await throughput(corpus);
  const cold = coldStart(work);
  const lines = [
    `eos-lint benchmark: ${FILES} files (${formats.join(', ')}), median of ${ROUNDS} rounds`,
    `  one pipeline (lintFiles on the folder): ${Math.round(pipeline.wall)} files/s wall, ${Math.round(pipeline.cpu)} files/s of CPU  (${findings} findings)  target >= 1000`,
    `  file by file (lintSources per file):    ${Math.round(perFile.wall)} files/s wall, ${Math.round(perFile.cpu)} files/s of CPU`,
    `  CLI cold start (median of ${COLD_RUNS}):        ${Math.round(cold.cli)} ms wall${cold.cliCpu === undefined ? '' : `, ${Math.round(cold.cliCpu)} ms CPU`}  target <= 300`,
    `  bare node -e 0 on this machine:         ${Math.round(cold.node)} ms wall${cold.nodeCpu === undefined ? '' : `, ${Math.round(cold.nodeCpu)} ms CPU`}  (wall ratio ${(cold.cli / cold.node).toFixed(1)}x)`,
    `  load average now: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores (wall figures suffer when it exceeds the core count)`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
} finally {
  rmSync(work, { recursive: true, force: true });
}
