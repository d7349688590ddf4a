import { describe, expect, it } from 'vitest';
import { KafkaJSConnectionError, KafkaJSNonRetriableError } from 'kafkajs';
import { clientErrorLine } from './client-error.js';

describe('eoskit > client error', () => {
  it('prints a kafkajs error as one line with its class', () => {
    const err = new KafkaJSNonRetriableError('Consumer group was not initialized, consumer#run must be called first');
    expect(clientErrorLine(err)).toBe('Kafka client error: Consumer group was not initialized, consumer#run must be called first (KafkaJSNonRetriableError)');
    expect(clientErrorLine(new KafkaJSConnectionError('Connection error: ECONNREFUSED'))).toContain('(KafkaJSConnectionError)');
  });

  it('leaves other errors (bugs) alone', () => {
    expect(clientErrorLine(new TypeError('x is undefined'))).toBeUndefined();
    expect(clientErrorLine('KafkaJSError')).toBeUndefined();
  });
});
