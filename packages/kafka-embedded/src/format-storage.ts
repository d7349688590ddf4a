import { execFile } from 'node:child_process';
import { EoskitError } from '@eoskit/core';
import { toolJvmArgs } from './jvm-args.js';
import type { KafkaJars } from './resolve-jars.js';

/**
 * Formats one node's storage (`kafka-storage format`) with the cluster id shared by all nodes. The
 * static quorum (`controller.quorum.voters`) needs no `--standalone` or `--initial-controllers`.
 */
export function formatStorage(input: {
  java: string;
  jars: KafkaJars;
  configFile: string;
  clusterId: string;
  loggingFlag: string;
  cdsArchive?: string | undefined;
  /** More `format` arguments (`--add-scram ...`). They may hold passwords: never shown in errors. */
  extraArgs?: readonly string[];
}): Promise<void> {
  const args = [
    ...toolJvmArgs(input),
    'kafka.tools.StorageTool',
    'format',
    '-t',
    input.clusterId,
    '-c',
    input.configFile,
    ...(input.extraArgs ?? []),
  ];
  return new Promise((resolve, reject) => {
    execFile(input.java, args, { timeout: 120_000, maxBuffer: 4 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (!err) return resolve();
      const output = `${stdout}\n${stderr}`.trim().split('\n').slice(-10).join('\n');
      // execFile's error holds the whole command line (err.cmd), SCRAM passwords included.
      const cause = input.extraArgs?.length ? undefined : err;
      reject(new EoskitError('EMBEDDED_KAFKA', `formatting Kafka storage for ${input.configFile} failed:\n${output}`, cause === undefined ? {} : { cause }));
    });
  });
}
