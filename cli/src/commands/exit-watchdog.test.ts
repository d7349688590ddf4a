import { describe, expect, it, vi } from 'vitest';
import { armExitWatchdog } from './exit-watchdog.js';

describe('eoskit > processor command > exit watchdog', () => {
  it('exits with the code already set, saying why on stderr, once cleanup overran its deadline', async () => {
    const codes: number[] = [];
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const before = process.exitCode;
    process.exitCode = 1;
    try {
      armExitWatchdog('copy', 20, (code) => codes.push(code));
      await new Promise((resolve) => setTimeout(resolve, 60));
      expect(codes).toEqual([1]);
      expect(String(stderr.mock.calls.at(-1)?.[0])).toContain('eoskit copy: cleanup still not finished');
    } finally {
      process.exitCode = before;
      stderr.mockRestore();
    }
  });

  it('never keeps the process alive itself (unref) and can be cleared', () => {
    const timer = armExitWatchdog('count', 10_000, () => undefined);
    expect(timer.hasRef()).toBe(false);
    clearTimeout(timer);
  });
});
