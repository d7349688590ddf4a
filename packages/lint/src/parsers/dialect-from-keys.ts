import { keySpec } from '../catalogue/index.js';
import type { Dialect, Role } from '../model.js';

/**
 * Java client or librdkafka? Both spell most keys alike; librdkafka-only keys
 * (`queue.buffering.max.ms`, `enable.gapless.guarantee`, `debug`) with no
 * Java-only key (`key.serializer`, `delivery.timeout.ms`...) mean librdkafka.
 */
export function dialectFromKeys(role: Role, keys: Iterable<string>): Dialect {
  if (role !== 'producer' && role !== 'consumer') return 'java';
  let librdkafkaOnly = 0;
  let javaOnly = 0;
  for (const key of keys) {
    const java = keySpec(role, 'java', key) !== undefined;
    const rd = keySpec(role, 'librdkafka', key) !== undefined;
    if (rd && !java) librdkafkaOnly++;
    else if (java && !rd) javaOnly++;
  }
  return librdkafkaOnly > 0 && javaOnly === 0 ? 'librdkafka' : 'java';
}
