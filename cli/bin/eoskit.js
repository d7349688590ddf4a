#!/usr/bin/env node
// Thin shim: the compiled CLI lives in dist/ (built by `npm install` via the root prepare script).
import { main } from '../dist/eoskit.js';

process.exitCode = await main(process.argv.slice(2));
