import type { Dialect, Role } from '../model.js';

/** A default that depends on other settings, with the reason shown to the user. */
export interface DerivedDefault {
  value: string | null;
  note: string;
}

/** Effective value of another key, user value or default. */
type Lookup = (key: string) => string | null;

const KAFKAJS_MAX_RETRIES = '9007199254740991';

/**
 * Defaults that other settings change: Kafka Streams under exactly_once*,
 * Flink's KafkaSink, librdkafka and kafkajs idempotence implied by a
 * transactional id. `userValue` sees only what the user set.
 */
export function derivedDefault(role: Role, dialect: Dialect, key: string, userValue: Lookup): DerivedDefault | undefined {
  if (role === 'streams') return streamsDefault(key, userValue);
  if (role === 'flink' && key === 'sink.delivery-guarantee') {
    const semantic = userValue('sink.semantic');
    if (semantic !== null) return { value: semantic, note: 'taken from the deprecated sink.semantic' };
  }
  if (role === 'flink' && (key === 'transaction.timeout.ms' || key === 'properties.transaction.timeout.ms')) {
    return { value: '3600000', note: "Flink's KafkaSink sets transaction.timeout.ms to 1 h when it is not given" };
  }
  if (role === 'producer' && dialect !== 'java') return clientDefault(dialect, key, userValue);
  if (role === 'broker' && key === 'log.retention.ms') return brokerRetention(userValue);
  return undefined;
}

/** Brokers usually set retention in hours or minutes; log.retention.ms wins over both when set. */
function brokerRetention(userValue: Lookup): DerivedDefault | undefined {
  const minutes = userValue('log.retention.minutes');
  if (minutes !== null && /^-?\d+$/.test(minutes)) return { value: minutes === '-1' ? '-1' : String(Number(minutes) * 60_000), note: `from log.retention.minutes=${minutes}` };
  const hours = userValue('log.retention.hours');
  if (hours !== null && /^-?\d+$/.test(hours)) return { value: hours === '-1' ? '-1' : String(Number(hours) * 3_600_000), note: `from log.retention.hours=${hours}` };
  return undefined;
}

function streamsDefault(key: string, userValue: Lookup): DerivedDefault | undefined {
  const guarantee = userValue('processing.guarantee') ?? '';
  if (!guarantee.startsWith('exactly_once')) return undefined;
  const note = 'Kafka Streams default under processing.guarantee=' + guarantee;
  switch (key) {
    case 'commit.interval.ms': return { value: '100', note };
    case 'producer.transaction.timeout.ms':
    case 'transaction.timeout.ms': return { value: '10000', note };
    case 'enable.idempotence': return { value: 'true', note };
    case 'isolation.level': return { value: 'read_committed', note };
    case 'enable.auto.commit': return { value: 'false', note };
    default: return undefined;
  }
}

function clientDefault(dialect: Dialect, key: string, userValue: Lookup): DerivedDefault | undefined {
  const transactional = (userValue('transactional.id') ?? '') !== '';
  const idempotent = transactional || userValue('enable.idempotence') === 'true';
  if (key === 'enable.idempotence' && transactional) {
    return { value: 'true', note: 'a transactional.id implies idempotence in ' + dialect };
  }
  if (dialect === 'kafkajs' && key === 'retries' && idempotent) {
    return { value: KAFKAJS_MAX_RETRIES, note: 'kafkajs retries forever when idempotent' };
  }
  if (dialect !== 'kafkajs' && key === 'max.in.flight.requests.per.connection' && idempotent) {
    return { value: '5', note: 'librdkafka lowers max.in.flight to 5 under idempotence' };
  }
  return undefined;
}
