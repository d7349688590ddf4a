import type { Dialect, Role } from '../model.js';

/**
 * Keys Kafka hands on to plug-ins rather than reading itself (it only logs
 * "supplied but isn't a known config"): serializer, Schema Registry and
 * interceptor settings in clients; per-listener and plug-in settings in
 * brokers. Not reported as unknown.
 */
const CLIENT = /^(schema\.registry\.|basic\.auth\.|bearer\.auth\.|(key|value)\.subject\.name\.strategy$|specific\.(avro|protobuf)\.|auto\.register\.schemas$|use\.latest\.(version|with\.metadata)$|latest\.compatibility\.strict$|normalize\.schemas$|json\.|avro\.|confluent\.|interceptor\.|(key|value)\.(serializer|deserializer)\.)/;
const BROKER = /^(listener\.name\.|confluent\.|rsm\.config\.|rlmm\.config\.|remote\.log\.storage\.manager\.impl\.|remote\.log\.metadata\.manager\.impl\.|metric\.reporters\.|kafka\.metrics\.)/;

/** True when the key belongs to a plug-in namespace the catalogue does not describe. */
export function passThroughKey(role: Role, dialect: Dialect, key: string): boolean {
  if (dialect !== 'java') return false;
  if (role === 'broker') return BROKER.test(key) || CLIENT.test(key);
  if (role === 'streams') return CLIENT.test(key.replace(/^(main\.|restore\.|global\.)?(producer|consumer|admin)\./, ''));
  return CLIENT.test(key);
}
