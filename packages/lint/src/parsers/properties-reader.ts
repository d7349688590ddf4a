import type { ParseProblem, Position, Suppression } from '../model.js';
import { collectSuppressions } from './collect-suppressions.js';
import { LineIndex } from './line-index.js';
import { type PropertiesPair, type PropertiesSyntax, tokenizeProperties } from './properties-syntax.js';

/** One setting of a .properties file, before any key normalization. */
export interface PropertiesSetting {
  /** Key after unescaping. */
  key: string;
  /** Logical value (escapes resolved, continuations joined), untrimmed. */
  value: string;
  position: Position;
  valuePosition: Position;
  pair: PropertiesPair;
}

/** What every .properties-based handler (plain, Spring) reads from a file. */
export interface PropertiesRead {
  syntax: PropertiesSyntax;
  index: LineIndex;
  settings: PropertiesSetting[];
  suppressions: Suppression[];
  problems: ParseProblem[];
}

/** Reads settings, suppression comments (`#` and `!`) and escape problems. */
export function readProperties(file: string, text: string): PropertiesRead {
  const syntax = tokenizeProperties(text);
  const index = new LineIndex(text);
  const settings = syntax.pairs.map((pair) => ({
    key: pair.key,
    value: pair.value,
    position: index.position(pair.keyStart),
    valuePosition: index.position(pair.valueStart),
    pair,
  }));
  const comments = syntax.comments.map((c) => {
    const p = index.position(c.start);
    return { line: p.line, column: p.column, text: c.text, trailing: false };
  });
  const { suppressions, problems } = collectSuppressions(
    file,
    comments,
    settings.map((s) => s.position.line),
  );
  for (const at of syntax.badEscapes) {
    problems.push({
      file,
      position: index.position(at),
      message: 'malformed \\uXXXX escape: Java refuses to load this file',
      fatal: false,
    });
  }
  return { syntax, index, settings, suppressions, problems };
}
