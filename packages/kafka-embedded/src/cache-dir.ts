import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Root of eoskit's download cache: `$EOSKIT_CACHE_DIR`, else `$XDG_CACHE_HOME/eoskit`, else
 * `~/.cache/eoskit`. Outside any git checkout, so jars are shared by every clone on the machine.
 */
export function eoskitCacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  if (env.EOSKIT_CACHE_DIR) return env.EOSKIT_CACHE_DIR;
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'eoskit');
}

/** Where the jars of one Kafka version live: `<cache root>/kafka/<version>`. */
export function kafkaVersionDir(version: string, cacheRoot: string = eoskitCacheRoot()): string {
  return join(cacheRoot, 'kafka', version);
}
