import { describe, expect, it } from 'vitest';
import { EoskitError } from '../errors.js';
import { askAgain, withDeadline } from './with-deadline.js';

const notReady = new EoskitError('KAFKA', 'not the leader yet', { retriable: true });
const isNotReady = (err: unknown): boolean => err === notReady;

describe('askAgain', () => {
  it('asks again while the error is one to wait out, and returns the first answer', async () => {
    let calls = 0;
    const answer = await askAgain(async () => {
      if (++calls < 3) throw notReady;
      return 'offsets';
    }, isNotReady, 5_000);
    expect([answer, calls]).toEqual(['offsets', 3]);
  });

  it('throws any other error at once', async () => {
    let calls = 0;
    const missing = new EoskitError('KAFKA', 'no such topic', { retriable: true });
    await expect(askAgain(async () => {
      calls++;
      throw missing;
    }, isNotReady, 5_000)).rejects.toBe(missing);
    expect(calls).toBe(1);
  });

  it('throws the last error once the wait is over', async () => {
    let calls = 0;
    await expect(askAgain(async () => {
      calls++;
      throw notReady;
    }, isNotReady, 250)).rejects.toBe(notReady);
    expect(calls).toBeGreaterThanOrEqual(2);
  });
});

describe('withDeadline', () => {
  it('rejects with a retriable TIMEOUT naming the call when it takes too long', async () => {
    await expect(withDeadline(new Promise(() => undefined), 20, 'commit offsets')).rejects.toMatchObject({
      code: 'TIMEOUT',
      retriable: true,
      message: 'commit offsets did not finish within 20 ms; its outcome is unknown',
    });
  });
});
