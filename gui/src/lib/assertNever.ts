/**
 * Compile-time exhaustiveness guard for `switch` statements over unions.
 *
 * If a new member is added to the union (for example a new `JobStatus` in the
 * server's schema), every switch that forgets it stops compiling here.
 */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}
