/**
 * Loads `@confluentinc/kafka-javascript` on demand. It is an optional
 * dependency that builds librdkafka natively; where that build failed, the
 * kafkajs adapter still works and this explains how to get the other one.
 */
import { EoskitError } from '../../errors.js';
import type { ConfluentModule } from './confluent-types.js';

/** How to install the confluent client when it is missing. */
export const CONFLUENT_INSTALL_HINT =
  'Install its build prerequisites and reinstall it: on Debian/Ubuntu ' +
  '`apt-get install zlib1g-dev libssl-dev libzstd-dev liblz4-dev libsasl2-dev libcurl4-openssl-dev`, then ' +
  '`CKJS_LINKING=dynamic npm_config_nodedir=<dir holding include/node, e.g. /usr> npm install @confluentinc/kafka-javascript@1.10.1`. ' +
  'The kafkajs client (client: "kafkajs") needs none of this.';

type Importer = () => Promise<unknown>;

const defaultImporter: Importer = () => import('@confluentinc/kafka-javascript' as string);

function isModule(value: unknown): value is ConfluentModule {
  const mod = value as Partial<ConfluentModule> | undefined;
  return typeof mod?.KafkaJS?.Kafka === 'function' && typeof mod.KafkaConsumer === 'function';
}

let cached: Promise<ConfluentModule> | undefined;

/** Imports the confluent client, or throws `CLIENT_UNAVAILABLE` with install steps. */
export async function loadConfluent(importer: Importer = defaultImporter): Promise<ConfluentModule> {
  const load = async (): Promise<ConfluentModule> => {
    let loaded: unknown;
    try {
      loaded = await importer();
    } catch (err) {
      const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
      throw new EoskitError(
        'CLIENT_UNAVAILABLE',
        `@confluentinc/kafka-javascript could not be loaded (${reason}). ${CONFLUENT_INSTALL_HINT}`,
        { cause: err },
      );
    }
    // A CommonJS module arrives as the namespace's default export.
    const candidate = (loaded as { default?: unknown }).default ?? loaded;
    if (!isModule(candidate)) {
      throw new EoskitError(
        'CLIENT_UNAVAILABLE',
        `@confluentinc/kafka-javascript loaded but has no KafkaJS API; version 1.10.1 is expected. ${CONFLUENT_INSTALL_HINT}`,
      );
    }
    return candidate;
  };
  if (importer !== defaultImporter) return load();
  cached ??= load().catch((err: unknown) => {
    cached = undefined;
    throw err;
  });
  return cached;
}
