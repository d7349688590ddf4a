import { render } from 'ink';
import type { DemoStore } from '../demo-store.js';
import LiveDemo from './LiveDemo.js';

/**
 * Shows the live demo on the terminal until `finish()`, which leaves the
 * last frame (with the proof) on screen. The only module that loads Ink's
 * renderer, imported on demand.
 */
export function renderDemo(store: DemoStore, stdout: NodeJS.WriteStream): { finish(): Promise<void> } {
  // Ctrl+C must reach the demo's own SIGINT handler, which stops the processes and the cluster.
  const instance = render(<LiveDemo store={store} />, { stdout, exitOnCtrlC: false, patchConsole: true });
  return {
    async finish() {
      // Let React commit the last state before unmounting.
      await new Promise((r) => setTimeout(r, 50));
      instance.unmount();
      await instance.waitUntilExit();
    },
  };
}
