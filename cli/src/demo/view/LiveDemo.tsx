import { useSyncExternalStore } from 'react';
import type { DemoStore } from '../demo-store.js';
import { useTerminalSize } from '../../audit/use-terminal-size.js';
import DemoApp from './DemoApp.js';

/** Subscribes to the store and renders {@link DemoApp} at the terminal's width. */
export default function LiveDemo({ store }: { store: DemoStore }) {
  const state = useSyncExternalStore(store.subscribe, store.get);
  const { columns } = useTerminalSize();
  return <DemoApp state={state} width={columns} />;
}
