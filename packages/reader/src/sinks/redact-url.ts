/** `url` with any password replaced by `***`, safe to print. Unparseable input is hidden entirely. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== '') u.password = '***';
    for (const name of [...u.searchParams.keys()]) {
      if (/pass|secret|token|key/i.test(name)) u.searchParams.set(name, '***');
    }
    return u.toString();
  } catch {
    return '<unparseable url>';
  }
}
