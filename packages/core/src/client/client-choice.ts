import { EoskitError } from '../errors.js';
import type { ClientChoice, KafkaClient } from './types.js';

/**
 * What is wrong with a {@link ClientChoice}, or undefined. TLS or SASL settings
 * next to a shared client would be ignored silently (that client was made with
 * its own): a security mistake to name, not to skip. The rest is checked by
 * `createClient`.
 */
export function clientChoiceProblem(choice: ClientChoice): string | undefined {
  if (typeof choice.client === 'string') {
    if (choice.client !== 'kafkajs' && choice.client !== 'confluent') return `client must be kafkajs or confluent, got ${String(choice.client)}`;
    if (!Array.isArray(choice.brokers) || choice.brokers.length === 0) return 'brokers is required with a client kind: list at least one host:port';
    return undefined;
  }
  const ignored = (['ssl', 'sasl'] as const).filter((key) => choice[key] !== undefined);
  if (ignored.length > 0) return `${ignored.join(' and ')} ${ignored.length > 1 ? 'apply' : 'applies'} only when client is a client kind; a client from createClient keeps the settings it was made with`;
  return undefined;
}

/**
 * Opens the client a component runs on. `owned` is true when it was made here
 * from a kind, so the component closes it; a shared client is left open.
 */
export async function openClientChoice(choice: ClientChoice, defaultClientId: string): Promise<{ client: KafkaClient; owned: boolean }> {
  const problem = clientChoiceProblem(choice);
  if (problem !== undefined) throw new EoskitError('CONFIG_INVALID', problem);
  if (typeof choice.client !== 'string') return { client: choice.client, owned: false };
  const { createClient } = await import('./create-client.js');
  const { client: kind, brokers = [], clientId = defaultClientId, ssl, sasl } = choice;
  return { client: await createClient({ client: kind, brokers, clientId, ssl, sasl }), owned: true };
}
