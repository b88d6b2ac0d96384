import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';

// The transport (--stdio, --node-ipc or --socket=N) is read from the command line.
startServer(createConnection(ProposedFeatures.all));
