/** A text bar `█████░░░░░` of `width` cells for `done` out of `total`. */
export function progressBar(done: number, total: number, width: number): string {
  const cells = Math.max(1, width);
  const filled = total <= 0 ? 0 : Math.min(cells, Math.floor((Math.max(0, done) / total) * cells));
  return '█'.repeat(filled) + '░'.repeat(cells - filled);
}
