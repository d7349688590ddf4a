import type { ClientKind } from '@eoskit/core';

const CONFLUENT = '@confluentinc/kafka-javascript';

/**
 * Why `client` cannot be used here, in one line, or undefined when it can:
 * `confluent` needs its optional package. `load` is injectable for tests.
 */
export async function clientProblem(client: ClientKind, load: (name: string) => Promise<unknown> = (name) => import(name)): Promise<string | undefined> {
  if (client !== 'confluent') return undefined;
  try {
    await load(CONFLUENT);
    return undefined;
  } catch {
    return `--client confluent needs ${CONFLUENT}, which is not installed; install it with "npm install ${CONFLUENT}" or use --client kafkajs`;
  }
}
