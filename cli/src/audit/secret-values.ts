import { isSecretKey, redactText, type ParsedFile } from '@eoskit/lint';

/**
 * The secret values written in a file (JAAS configs, passwords, tokens), so
 * excerpts and diffs can blank them out: the audit prints file lines, and
 * secrets are never printed.
 */
export function secretValues(parsed: ParsedFile | undefined): string[] {
  if (!parsed) return [];
  return parsed.units
    .flatMap((u) => [...u.entries.values(), ...u.shadowed])
    .filter((e) => e.secret || isSecretKey(e.key) || isSecretKey(e.rawKey))
    .map((e) => e.rawValue);
}

/** A file line with its secrets replaced by the redaction marker. */
export function redactLine(line: string, secrets: readonly string[]): string {
  return redactText(line, secrets);
}
