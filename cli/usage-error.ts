/** A mistake in how the command was called; the CLI prints it and exits with 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
