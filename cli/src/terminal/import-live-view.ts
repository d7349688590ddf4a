/** The variables Ink's `is-in-ci` reads, once, when Ink is first imported. */
const CI_VARIABLES = ['CI', 'CONTINUOUS_INTEGRATION'] as const;

/**
 * Imports an Ink view so that it draws live frames in the terminal it was given.
 *
 * Ink decides at import time whether it runs in CI (from `CI` or `CONTINUOUS_INTEGRATION`) and then draws only
 * the last frame, when the app ends: an interactive audit or wizard would show a blank screen until the user
 * quit it blind. The callers have already checked for a real terminal, which is the better signal, so the CI
 * variables are hidden while the view (and Ink with it) is loaded, and put back at once.
 */
export async function importLiveView<T>(load: () => Promise<T>, env: NodeJS.ProcessEnv = process.env): Promise<T> {
  const saved = CI_VARIABLES.filter((name) => name in env).map((name) => [name, env[name]] as const);
  for (const [name] of saved) delete env[name];
  try {
    return await load();
  } finally {
    for (const [name, value] of saved) env[name] = value;
  }
}
