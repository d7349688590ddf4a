import { InvalidArgumentError } from 'commander';
import type { ClientKind } from '@eoskit/core';

/** Default event count: the whole demo stays well under 2 minutes on a 2-core machine. */
export const DEFAULT_RECORDS = 10_000;

/** Flags of `eoskit demo` as commander hands them over. */
export interface RawDemoFlags {
  records: number;
  client: ClientKind;
  nodes: number;
  plain: boolean;
  json: boolean;
  faults: boolean;
  dir?: string;
}

/** How the demo shows its progress. */
export type DemoView = 'ink' | 'plain';

/** Resolved options of a demo run. */
export interface DemoOptions extends Omit<RawDemoFlags, 'plain'> {
  view: DemoView;
}

/**
 * Ink only on a terminal, and never with `--plain`, `--json` (stdout carries
 * the summary), `NO_COLOR` or `TERM=dumb`.
 */
export function resolveDemoOptions(flags: RawDemoFlags, env: NodeJS.ProcessEnv, stdoutIsTty: boolean): DemoOptions {
  const { plain, ...rest } = flags;
  const forcedPlain = plain || flags.json || (env.NO_COLOR ?? '') !== '' || env.TERM === 'dumb';
  return { ...rest, view: stdoutIsTty && !forcedPlain ? 'ink' : 'plain' };
}

/** `--records`: 100 to 1,000,000 (fewer leaves no room for the faults). */
export function parseRecords(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 100 || n > 1_000_000) throw new InvalidArgumentError('expected a whole number from 100 to 1000000');
  return n;
}

/** `--nodes`: 1 or 3 (3 gives RF 3 / min ISR 2, so a broker bounce loses nothing). */
export function parseNodes(value: string): number {
  if (value !== '1' && value !== '3') throw new InvalidArgumentError('expected 1 or 3');
  return Number(value);
}
