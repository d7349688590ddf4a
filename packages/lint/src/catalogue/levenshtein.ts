import { createRequire } from 'node:module';

// Loaded on first "did you mean": most runs never need it, and start-up time counts.
const require = createRequire(import.meta.url);
let lib: typeof import('fastest-levenshtein') | undefined;

/** Edit distance between two strings (fastest-levenshtein). */
export function distance(a: string, b: string): number {
  return (lib ??= require('fastest-levenshtein') as typeof import('fastest-levenshtein')).distance(a, b);
}
