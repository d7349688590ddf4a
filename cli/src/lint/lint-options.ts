import type { ConfigUnit, LintFilesOptions } from '@eoskit/lint';
import type { LintArgs } from './parse-lint-args.js';

/**
 * The engine options for parsed eos-lint arguments, shared by the report and
 * the interactive audit. With `--bootstrap-server` the live cluster's configs
 * and broker count join the pipeline (loaded on demand: it pulls in a client).
 */
export async function lintOptionsFor(args: LintArgs, cwd: string): Promise<LintFilesOptions> {
  const live = args.bootstrapServer ? await readLive(args.bootstrapServer) : undefined;
  return {
    cwd,
    role: args.role,
    kafkaVersion: args.kafkaVersion,
    maxWarnings: args.maxWarnings,
    configFile: args.config,
    manifestFile: args.manifest,
    extraUnits: live?.units,
    facts: live ? { brokerCount: live.brokerCount, brokerCountSource: 'the live cluster' } : undefined,
  };
}

async function readLive(bootstrapServer: string): Promise<{ units: ConfigUnit[]; brokerCount: number }> {
  const { readClusterConfigs } = await import('./read-cluster-configs.js');
  return readClusterConfigs({ bootstrapServer });
}
