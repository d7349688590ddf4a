import { describe, expect, it } from 'vitest';
import { mavenErrorSummary } from './maven.js';

describe('kafka-embedded > maven errors', () => {
  it('keeps the cause of a missing artifact and drops Maven boilerplate and colours', () => {
    const out = [
      '\u001b[0m[ERROR] Failed to execute goal on project eoskit-kafka-embedded-jars: Could not resolve dependencies for project dev.eoskit:eoskit-kafka-embedded-jars:pom:1: Could not find artifact org.apache.kafka:kafka_2.13:jar:9.9.9 in central (https://repo.maven.apache.org/maven2) -> [Help 1]',
      '[ERROR] ',
      '[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.',
    ].join('\n');
    expect(mavenErrorSummary(out)).toBe('Could not find artifact org.apache.kafka:kafka_2.13:jar:9.9.9 in central (https://repo.maven.apache.org/maven2)');
  });

  it('returns undefined when Maven printed no error line', () => {
    expect(mavenErrorSummary('[INFO] fine\n')).toBeUndefined();
  });
});
