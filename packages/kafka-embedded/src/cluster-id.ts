import { randomBytes } from 'node:crypto';

/**
 * A new KRaft cluster id, made the way Kafka's `Uuid.randomUuid()` makes one: 16 random bytes as
 * unpadded base64url (22 characters). Like Kafka, it avoids ids that start with "-" (they read as
 * a command line flag) and the two reserved ids (all zero and the metadata topic id, zero plus 1).
 * Generating it here saves a JVM start (`kafka-storage random-uuid`).
 */
export function randomClusterId(bytes: (n: number) => Buffer = randomBytes): string {
  for (;;) {
    const raw = bytes(16);
    const isReserved = raw.subarray(0, 15).every((b) => b === 0) && (raw[15] === 0 || raw[15] === 1);
    const id = raw.toString('base64url');
    if (!isReserved && !id.startsWith('-')) return id;
  }
}
