import type { Dialect, Role } from '../model.js';
import { keyToAdd } from './key-candidates.js';

/** kafkajs spells some keys its own way; messages about unset keys use the user's dialect. */
const KAFKAJS_NAMES: Record<string, string> = {
  'enable.idempotence': 'idempotent',
  'max.in.flight.requests.per.connection': 'maxInFlightRequests',
  'transactional.id': 'transactionalId',
  'transaction.timeout.ms': 'transactionTimeout',
  'isolation.level': 'readUncommitted',
  'enable.auto.commit': 'autoCommit',
  retries: 'retry.retries',
  'request.timeout.ms': 'requestTimeout',
};

/** How to name a key the user did not set, in the unit's own dialect. */
export function displayKey(role: Role, dialect: Dialect, key: string): string {
  if (dialect === 'kafkajs') return KAFKAJS_NAMES[key] ?? key;
  return keyToAdd(role, key);
}
