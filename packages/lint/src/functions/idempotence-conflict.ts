import { parseNumber } from '../engine/parse-number.js';
import type { UnitView } from '../engine/unit-view.js';
import { defineFunction, type FunctionFinding } from './function-types.js';

/** Settings that cannot coexist with idempotence (KAFKA-13673). */
export function idempotenceConflicts(view: UnitView): Array<{ key: string; value: string }> {
  const conflicts: Array<{ key: string; value: string }> = [];
  const acks = view.get('acks');
  if (acks !== null && acks !== 'all' && acks !== '-1') conflicts.push({ key: 'acks', value: acks });
  const retries = parseNumber(view.get('retries'));
  if (retries !== null && retries < 1) conflicts.push({ key: 'retries', value: String(retries) });
  const inFlight = parseNumber(view.get('max.in.flight.requests.per.connection'));
  // kafkajs does not refuse or disable on in-flight; kafkajs-max-in-flight-not-one covers it.
  if (view.unit.dialect !== 'kafkajs' && inFlight !== null && inFlight > 5) conflicts.push({ key: 'max.in.flight.requests.per.connection', value: String(inFlight) });
  return conflicts;
}

/**
 * KAFKA-13673: with `enable.idempotence=true` set explicitly (or implied by a
 * transactional.id) a conflicting acks/retries/max.in.flight makes the
 * producer refuse to start (`explicit`); with idempotence only on by default
 * the same conflict silently turns it off (`implicit`).
 */
export const idempotenceConflict = defineFunction<{ mode: 'explicit' | 'implicit' }>({
  name: 'idempotence-conflict',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['mode'],
    properties: { mode: { enum: ['explicit', 'implicit'] } },
  },
  run({ view }, { mode }): FunctionFinding[] {
    const setExplicitly = view.userEntry('enable.idempotence')?.value === 'true';
    const transactional = (view.userEntry('transactional.id')?.value ?? '') !== '';
    const explicit = setExplicitly || transactional;
    if (mode === 'explicit' ? !explicit : explicit || view.userEntry('enable.idempotence') !== undefined) return [];
    if (mode === 'implicit' && view.get('enable.idempotence') !== 'true') return [];
    const conflicts = idempotenceConflicts(view);
    const first = conflicts[0];
    if (!first) return [];
    return [
      {
        key: first.key,
        data: {
          conflicts: conflicts.map((c) => `${c.key}=${c.value}`).join(', '),
          reason: setExplicitly ? 'enable.idempotence=true' : 'transactional.id (which requires idempotence)',
        },
      },
    ];
  },
});
