/**
 * The outcome of a verification. `exact` is true only when nothing is
 * duplicated, missing, unexpected or out of order (and, for the writer form,
 * `records` equals the expected count).
 */
export interface VerifyReport {
  /** Records checked (output records; for the writer form, records stamped by the writer). */
  records: number;
  /** Distinct events among them: (key, value) pairs, or sequences for the writer form. */
  unique: number;
  /** Records beyond the number of times their event should appear. */
  duplicates: number;
  /** Events that should appear and do not (counting multiplicity). */
  missing: number;
  /** Records that arrived after a record that should come later (see each form for "later"). */
  outOfOrder: number;
  /** Records matching no expected event (an output record not in the input; a sequence outside 0..count-1). */
  unexpected: number;
  exact: boolean;
}
