import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests run against package sources, not dist/, so a change is tested without a rebuild.
const packages = ['core', 'kafka-embedded', 'lint', 'writer', 'reader', 'processor'];
const alias = Object.fromEntries(
  packages.map((name) => [
    `@eoskit/${name}`,
    fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url)),
  ]),
);

export default defineConfig({
  resolve: { alias },
  test: {
    // The JSON summary feeds .ci/run's final "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: '.tsbuild/vitest-results.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Projects with different worker limits need their own group: unit tests run first.
          sequence: { groupOrder: 0 },
          include: ['packages/*/src/**/*.test.{ts,tsx}', 'cli/src/**/*.test.{ts,tsx}', 'test/unit/**/*.test.ts'],
          exclude: ['**/*.int.test.{ts,tsx}', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          sequence: { groupOrder: 1 },
          include: ['packages/*/src/**/*.int.test.{ts,tsx}', 'cli/src/**/*.int.test.{ts,tsx}', 'test/**/*.int.test.ts', 'examples/**/*.int.test.ts'],
          exclude: ['**/node_modules/**'],
          globalSetup: ['test/setup/kafka-global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          // Kafka-facing suites share the machine's two cores with the brokers.
          maxWorkers: 2,
        },
      },
    ],
  },
});
