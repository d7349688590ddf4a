/**
 * Fails fast on bad SASL credentials for the confluent client.
 *
 * librdkafka treats a failed SASL handshake as a transient connection error:
 * it retries, and the KafkaJS layer's connect() rejects only after about 30 s
 * with ERR__TRANSPORT or a code -1 error. kafkajs (which this client already
 * uses for two admin calls) reports the same failure at once as a
 * SASL authentication error. So before the first connect of a producer,
 * consumer, admin or readRanges, one kafkajs admin connection checks the
 * credentials: an authentication failure rejects with `AUTHORIZATION`; any
 * other failure (broker down) is left to librdkafka's own retries.
 */
import type { Kafka } from 'kafkajs';
import { EoskitError } from '../../errors.js';
import { toEoskitError } from '../error-table.js';
import type { ClientOptions } from '../types.js';

/** Resolves once the credentials were accepted (then never checks again); rejects with `AUTHORIZATION` when refused. */
export type AuthCheck = () => Promise<void>;

/**
 * Makes `target.connect()` run `check` first (in place: consumers are registered by identity).
 * Without a check (no SASL) `target` is returned untouched.
 */
export function checkBeforeConnect<T extends { connect(): Promise<void> }>(target: T, check: AuthCheck | undefined): T {
  if (check === undefined) return target;
  const connect = target.connect.bind(target);
  target.connect = async () => {
    await check();
    await connect();
  };
  return target;
}

/** The check for `options`; undefined without `sasl` (nothing to check). */
export function createAuthCheck(kafkajs: Kafka, options: Pick<ClientOptions, 'sasl'>): AuthCheck | undefined {
  const { sasl } = options;
  if (sasl === undefined) return undefined;
  let passed = false;
  let running: Promise<void> | undefined;
  const check = async (): Promise<void> => {
    const admin = kafkajs.admin({ retry: { retries: 0 } });
    try {
      await admin.connect();
      passed = true;
    } catch (err) {
      const op = `authenticate as "${sasl.username}" (SASL ${sasl.mechanism.toUpperCase()}, checked via kafkajs)`;
      const mapped = toEoskitError('kafkajs', err, { op });
      if (mapped.code === 'AUTHORIZATION') throw new EoskitError('AUTHORIZATION', mapped.message.replace(/^kafkajs: /, 'confluent: '), { cause: err });
      // Not an authentication failure: librdkafka retries connecting on its own.
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  };
  return async () => {
    if (passed) return;
    running ??= check().finally(() => {
      running = undefined;
    });
    await running;
  };
}
