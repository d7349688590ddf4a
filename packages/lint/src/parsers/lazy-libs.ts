import { createRequire } from 'node:module';

/**
 * The YAML and JSONC libraries, loaded on first use: a run over .properties
 * files never pays their start-up cost (the CLI must start in <= 300 ms).
 * Both ship CommonJS builds, so a synchronous require keeps parsing synchronous.
 */
const require = createRequire(import.meta.url);
let yaml: typeof import('yaml') | undefined;
let jsonc: typeof import('jsonc-parser') | undefined;

export function yamlLib(): typeof import('yaml') {
  return (yaml ??= require('yaml') as typeof import('yaml'));
}

export function jsoncLib(): typeof import('jsonc-parser') {
  return (jsonc ??= require('jsonc-parser') as typeof import('jsonc-parser'));
}
