import { InvalidArgumentError } from 'commander';

/** `host:port[,host:port...]` as a list. */
export function parseBootstrap(value: string): string[] {
  const servers = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (servers.length === 0 || servers.some((s) => !/^(\[[0-9a-fA-F:]+\]|[^\s:]+):\d{1,5}$/.test(s))) {
    throw new InvalidArgumentError('expected host:port[,host:port...]');
  }
  return servers;
}

/** A non-negative whole number. */
export function parseWholeNumber(value: string): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw new InvalidArgumentError('expected a whole number');
  return Number(value);
}
