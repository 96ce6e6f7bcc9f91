/**
 * Exit codes shared by every command: 0 success; 1 refused or invalid input; 2 usage (unknown flag,
 * missing argument, file not found); 3 internal error with nothing changed.
 */
export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 3;

/** Thrown by a command to end with a given exit code and a message already localised for stderr. */
export class CliExit extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}
