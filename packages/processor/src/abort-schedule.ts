/**
 * Which checkpoints `abortRatio` aborts on purpose: spread evenly and
 * deterministically (attempt n aborts when floor((n+1)·r) > floor(n·r)), so
 * exactly that share of attempts aborts and a test run always aborts some.
 * Kafka's TransactionalMessageCopier draws at random instead; an even
 * spread has the same effect without runs that happen to abort nothing.
 */
export class AbortSchedule {
  private attempts = 0;

  constructor(private readonly ratio: number) {}

  /** Whether the next checkpoint attempt is aborted on purpose. */
  next(): boolean {
    const n = this.attempts++;
    return this.ratio > 0 && Math.floor((n + 1) * this.ratio) > Math.floor(n * this.ratio);
  }
}
