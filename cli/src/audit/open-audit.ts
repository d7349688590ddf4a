import { resolve } from 'node:path';
import { describePipeline, lintSources, type LintOptions, type SourceText } from '@eoskit/lint';
import { initialAuditState } from './audit-reducer.js';
import type { Analyze, AuditState } from './audit-types.js';

/**
 * Lints the sources once and returns the audit's first state, plus the
 * function that re-lints edited texts with the same options (config file
 * rules, manifest, live-cluster units).
 */
export function openAudit(sources: SourceText[], options: LintOptions, cwd: string): { initial: AuditState; analyze: Analyze } {
  const analyze: Analyze = (texts) => {
    const result = lintSources(texts, options);
    return { result, links: describePipeline(result, { extraUnits: options.extraUnits }) };
  };
  const analysis = analyze(sources);
  const buffers = analysis.result.files.map((f) => ({ file: f.file, path: resolve(cwd, f.file), saved: f.text, text: f.text }));
  return { initial: initialAuditState(analysis, buffers), analyze };
}
