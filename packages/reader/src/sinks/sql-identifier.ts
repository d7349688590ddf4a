import { EoskitError } from '@eoskit/core';

/** Checks that `name` is a plain SQL identifier (letters, digits, `_`, optionally `schema.`), so it can be inlined. */
export function sqlIdentifier(name: string, option: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}(\.[A-Za-z_][A-Za-z0-9_]{0,62})?$/.test(name)) {
    throw new EoskitError('CONFIG_INVALID', `${option}: "${name}" is not a plain SQL identifier ([A-Za-z_][A-Za-z0-9_]*)`);
  }
  return name;
}
