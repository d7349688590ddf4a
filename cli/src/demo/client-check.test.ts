import { describe, expect, it } from 'vitest';
import { clientProblem } from './client-check.js';

describe('demo > client check', () => {
  it('needs nothing for kafkajs', async () => {
    expect(await clientProblem('kafkajs', () => Promise.reject(new Error('never called')))).toBeUndefined();
  });

  it('explains in one line how to get the confluent client when it is missing', async () => {
    const problem = await clientProblem('confluent', () => Promise.reject(new Error("Cannot find package '@confluentinc/kafka-javascript'")));
    expect(problem).toBe(
      '--client confluent needs @confluentinc/kafka-javascript, which is not installed; install it with "npm install @confluentinc/kafka-javascript" or use --client kafkajs',
    );
  });

  it('accepts confluent where it loads (it is installed in this repository)', async () => {
    expect(await clientProblem('confluent')).toBeUndefined();
  });
});
