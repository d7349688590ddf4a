import type { Dialect, Role } from '../model.js';

/**
 * `eos.yaml`: names the files of a pipeline, their roles, the cluster size,
 * and which producers feed which consumers (schemas/manifest.schema.json).
 */
export interface Manifest {
  kafkaVersion?: string;
  /** Brokers in the cluster. */
  brokers?: number;
  files?: ManifestFile[];
  feeds?: Array<{ from: string | string[]; to: string | string[] }>;
}

/** One file of the pipeline. Paths are relative to the manifest. */
export interface ManifestFile {
  path: string;
  role?: Role;
  dialect?: Dialect;
  /** Name used in `feeds` (default: the path). */
  name?: string;
}
