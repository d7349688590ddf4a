/**
 * Thrown by a command action to end with a given exit code without an error
 * message (e.g. `eoskit verify` finding the copy inexact: its report is the output).
 */
export class CommandExit extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}
