import { describe, expect, it } from 'vitest';
import { KafkaJSNonRetriableError } from 'kafkajs';
import { EoskitError } from '../../errors.js';
import { groupCall, isBetweenGenerations } from './kafkajs-group-call.js';

const notInitialized = (): never => {
  throw new KafkaJSNonRetriableError('Consumer group was not initialized, consumer#run must be called first');
};

describe('core > kafkajs > group call', () => {
  it('skips a seek made while kafkajs restarts its consumer group', () => {
    expect(isBetweenGenerations(new KafkaJSNonRetriableError('Consumer group was not initialized, consumer#run must be called first'))).toBe(true);
    expect(groupCall('seek t[0]', notInitialized)).toBe(false);
  });

  it('runs the call and reports it done otherwise', () => {
    let calls = 0;
    expect(groupCall('seek t[0]', () => void (calls += 1))).toBe(true);
    expect(calls).toBe(1);
  });

  it('turns any other kafkajs failure into an EoskitError naming the call', () => {
    const bad = (): never => {
      throw new KafkaJSNonRetriableError('Offset must not be a negative number');
    };
    expect(isBetweenGenerations(new Error('Consumer group was not initialized'))).toBe(false);
    let caught: unknown;
    try {
      groupCall('seek t[0]', bad);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(EoskitError);
    expect((caught as EoskitError).message).toContain('seek t[0] failed: Offset must not be a negative number');
  });
});
