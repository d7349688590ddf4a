/**
 * `eoskit copy` as a child of the demo: the same command, in a process that
 * also ends when the demo is gone. Started as `node processor-child.js copy ...`.
 */
import { main } from '../eoskit.js';
import { exitWithParent } from './exit-with-parent.js';

exitWithParent();
process.exitCode = await main(process.argv.slice(2));
