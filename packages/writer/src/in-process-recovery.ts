import { classifyFailure } from './classify-failure.js';
import type { PendingEntry } from './pending-entry.js';
import { scanSince } from './recover-from-log.js';
import type { SequenceTracker } from './sequence-tracker.js';
import { asError } from './writer-errors.js';
import type { WriterSession } from './writer-session.js';
import type { WriterMode } from './writer-types.js';

/** What recovery needs from the writer. */
export interface RecoveryPort {
  readonly session: WriterSession;
  readonly tracker: SequenceTracker;
  readonly mode: WriterMode;
  /** Resolves once no send or transaction is in flight; rejects if the writer failed meanwhile. */
  untilIdle(): Promise<void>;
  /** False once the writer failed or closed: stop. */
  stillRecovering(): boolean;
  /** In-doubt records found durable (already marked done) and how many were queued again. */
  recovered(durable: PendingEntry[], resend: number): void;
  fail(error: Error): void;
  /** A recovery attempt failed in a way worth retrying; kept for the stall message. */
  attemptFailed(error: unknown): void;
}

/**
 * In-process recovery (see classify-failure.ts for why it is safe): wait
 * until nothing is in flight, replace the producer, read the log from the
 * writer's known positions, settle the in-doubt records found there and queue
 * the rest again ahead of newer ones. Retried with backoff (0.2 s doubling to
 * 5 s) until the writer's stall budget (deliveryTimeoutMs) fails it.
 */
export async function recoverInProcess(port: RecoveryPort): Promise<void> {
  try {
    await port.untilIdle();
  } catch {
    return; // the writer failed meanwhile
  }
  for (let attempt = 0, delay = 200; port.stillRecovering(); attempt++, delay = Math.min(delay * 2, 5000)) {
    try {
      // A failed attempt may have been the admin's fault (connections stuck on a dead broker).
      if (attempt > 0) await port.session.replaceAdmin();
      await port.session.replaceProducer();
      port.tracker.markInDoubt();
      const found = await scanSince(port.session.access(), port.tracker.scanStarts());
      const overall = port.tracker.overall();
      const { durable, resend, error } = port.tracker.absorb(found.filter((r) => r.sequence > overall));
      if (!port.stillRecovering()) return;
      if (error !== undefined) {
        for (const entry of durable) entry.reject(error);
        return port.fail(error);
      }
      return port.recovered(durable, resend);
    } catch (err) {
      if (classifyFailure(err, port.mode) === 'fatal') return port.fail(asError(err));
      port.attemptFailed(err);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}
