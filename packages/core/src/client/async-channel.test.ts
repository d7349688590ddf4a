import { describe, expect, it } from 'vitest';
import { AsyncChannel } from './async-channel.js';

describe('core > client > async channel', () => {
  it('hands items over in order and holds the pusher until they are taken', async () => {
    const channel = new AsyncChannel<number>();
    let released = false;
    const pushed = channel.push([1, 2]).then(() => (released = true));
    const iterator = channel[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toBe(1);
    await Promise.resolve();
    expect(released).toBe(false);
    expect((await iterator.next()).value).toBe(2);
    await pushed;
    expect(released).toBe(true);
    channel.close();
    expect((await iterator.next()).done).toBe(true);
  });

  it('ends with the error it failed with and frees waiting pushers', async () => {
    const channel = new AsyncChannel<number>();
    const pushed = channel.push([1]);
    channel.fail(new Error('boom'));
    await pushed;
    const iterator = channel[Symbol.asyncIterator]();
    await expect(iterator.next()).rejects.toThrow('boom');
  });
});
