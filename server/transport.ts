/** Transport options that would make the server listen on or connect to a socket or named pipe. */
const SOCKET_TRANSPORTS = ['--socket', '--pipe'];

/**
 * Why the server will not start with these command-line arguments, or
 * undefined when it talks to its editor over stdio or Node IPC only. Drafts
 * never travel over a socket, so no port is ever opened or connected to.
 */
export function refusedTransport(argv: readonly string[]): string | undefined {
  const socket = argv.find((arg) => SOCKET_TRANSPORTS.includes(arg.split('=')[0]));
  if (!socket) return undefined;
  return `assessment-lint server: '${socket}' is refused; drafts are sensitive, so the server talks to the editor over --stdio or --node-ipc only, never over a socket or pipe.`;
}
