import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';
import { refusedTransport } from './transport.js';

// The transport (--stdio or --node-ipc) is read from the command line; socket and pipe transports are refused.
const refused = refusedTransport(process.argv.slice(2));
if (refused) {
  console.error(refused);
  process.exit(1);
}
startServer(createConnection(ProposedFeatures.all));
