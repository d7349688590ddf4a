import type { ParseProblem, Position } from '../model.js';

/** The problem reported when neither the file name nor the keys tell a unit's role. */
export function unknownRoleProblem(file: string, position: Position | undefined, what = 'this file'): ParseProblem {
  return {
    file,
    position: position ?? { line: 1, column: 1 },
    message:
      `cannot tell whether ${what} configures a producer, consumer, broker, topic, Kafka Streams app or Flink job; ` +
      'name the role with --role (or in the manifest), or use a file name such as producer.properties',
    fatal: false,
  };
}
