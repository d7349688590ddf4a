/**
 * The shortest path suffix that tells each file apart (`producer.properties`,
 * or `a/producer.properties` and `b/producer.properties`), for narrow columns.
 */
export function shortNames(files: readonly string[]): Map<string, string> {
  const parts = new Map(files.map((f) => [f, f.split(/[\\/]/)]));
  const out = new Map<string, string>();
  for (const file of files) {
    const mine = parts.get(file) ?? [file];
    let depth = 1;
    for (; depth < mine.length; depth++) {
      const suffix = mine.slice(-depth).join('/');
      const clash = files.some((other) => other !== file && (parts.get(other) ?? []).slice(-depth).join('/') === suffix);
      if (!clash) break;
    }
    out.set(file, mine.slice(-depth).join('/'));
  }
  return out;
}
