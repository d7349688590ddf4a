import { describe, expect, it } from 'vitest';
import { EoskitError } from '../../errors.js';
import { loadConfluent } from './load-confluent.js';

async function failure(promise: Promise<unknown>): Promise<EoskitError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof EoskitError) return err;
    throw err;
  }
  throw new Error('expected a failure');
}

describe('core > client > load confluent', () => {
  it('explains how to install it when the native module is missing', async () => {
    const missing = Object.assign(new Error("Cannot find module 'confluent-kafka-javascript.node'\nRequire stack: x"), {
      code: 'MODULE_NOT_FOUND',
    });
    const err = await failure(loadConfluent(() => Promise.reject(missing)));
    expect(err.code).toBe('CLIENT_UNAVAILABLE');
    expect(err.message).toContain("Cannot find module 'confluent-kafka-javascript.node'");
    expect(err.message).not.toContain('Require stack');
    for (const needed of ['zlib1g-dev', 'libssl-dev', 'libzstd-dev', 'liblz4-dev', 'libsasl2-dev', 'libcurl4-openssl-dev', 'CKJS_LINKING=dynamic', 'npm_config_nodedir']) {
      expect(err.message).toContain(needed);
    }
    expect(err.cause).toBe(missing);
  });

  it('refuses a module without the KafkaJS API', async () => {
    const err = await failure(loadConfluent(() => Promise.resolve({ default: { KafkaJS: {} } })));
    expect(err.code).toBe('CLIENT_UNAVAILABLE');
    expect(err.message).toContain('1.10.1');
  });

  it('loads the installed client', async () => {
    const mod = await loadConfluent();
    expect(typeof mod.KafkaJS.Kafka).toBe('function');
    expect(typeof mod.KafkaConsumer).toBe('function');
  });
});
