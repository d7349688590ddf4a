import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../index.ts', import.meta.url));

describe('core > client > loading under plain Node ESM', () => {
  // Vitest's module interop is kinder than Node's: kafkajs is CommonJS and Node
  // sees only some of its named exports. Load the real module graph in Node.
  it('links every adapter module and creates both clients', () => {
    const script = `
      const core = await import(${JSON.stringify(entry)});
      for (const kind of ['kafkajs', 'confluent']) {
        const client = await core.createClient({ client: kind, brokers: ['127.0.0.1:1'] });
        client.producer(); client.consumer({ groupId: 'g' }); client.admin();
        await client.close();
        console.log(kind, client.kind === kind);
      }`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim().split('\n')).toEqual(['kafkajs true', 'confluent true']);
  });
});
