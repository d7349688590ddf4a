import { publishWithRepeats, type PublishWithRepeatsOptions } from '../shared/publish-with-repeats.js';
import { deposit } from './bank-db.js';

/** Options of {@link publishDeposits}: a deposit is the event. */
export type PublishOptions = Omit<PublishWithRepeatsOptions, 'event'>;

/**
 * Publishes the deposits with an idempotent eoskit writer (writer id + sequence headers), then
 * appends genuine repeats: the same records with the same writer id and sequence, sent by a plain
 * producer. A writer killed between the broker's write and its ack produces exactly such records
 * when it restarts and resends; the reader must apply each deposit once anyway.
 */
export function publishDeposits(o: PublishOptions): Promise<void> {
  return publishWithRepeats({ ...o, event: (seq) => ({ key: deposit(seq).account, value: JSON.stringify(deposit(seq)) }) });
}
