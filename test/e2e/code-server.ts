import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CODE_SERVER_CONFIG, CODE_SERVER_ENTRY, codeServerEnvironment } from './prepare.js';
import { freePort, ProcessGroup, run, waitFor } from './processes.js';

const READY_TIMEOUT_MS = 30_000;

/** User settings for a quiet, predictable workbench: no walkthrough, no suggestions popping up while typing, no other linter in the Problems panel. */
function userSettings(trust: boolean): Record<string, unknown> {
  return {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.editor.enablePreview': false,
    'markdown.validate.enabled': false,
    'editor.hover.delay': 100,
    'editor.minimap.enabled': false,
    'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
    'editor.suggestOnTriggerCharacters': false,
    'editor.wordBasedSuggestions': 'off',
    'editor.acceptSuggestionOnEnter': 'off',
    'files.autoSave': 'off',
    'git.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'security.workspace.trust.enabled': trust,
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.banner': 'always',
  };
}

/** The extensions folder of a test run, with the packaged extension installed through code-server's own command line. */
export async function installExtension(vsix: string, profile: string): Promise<string> {
  const extensions = path.join(profile, 'extensions');
  await run(process.execPath, [CODE_SERVER_ENTRY, '--config', CODE_SERVER_CONFIG, '--user-data-dir', path.join(profile, 'install-data'), '--extensions-dir', extensions, '--install-extension', vsix], { env: codeServerEnvironment(profile) });
  return extensions;
}

/** How to start one code-server. */
export interface CodeServerOptions {
  /** Folder for this server's user data and log. */
  profile: string;
  /** The extensions folder (see installExtension). */
  extensions: string;
  /** Keep Workspace Trust on (folders open in Restricted Mode); off otherwise. */
  trust: boolean;
}

/** code-server (VS Code 1.100 in the browser) on 127.0.0.1 and a free port, in its own process group. */
export class CodeServer {
  private constructor(
    readonly port: number,
    /** code-server's own output (kept with the screenshots). */
    readonly logFile: string,
    private readonly group: ProcessGroup,
  ) {}

  /** Starts code-server and waits until /healthz answers. */
  static async start(options: CodeServerOptions): Promise<CodeServer> {
    const userData = path.join(options.profile, 'user-data');
    mkdirSync(path.join(userData, 'User'), { recursive: true });
    writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(userSettings(options.trust), null, 2));
    const port = await freePort();
    const args = [
      CODE_SERVER_ENTRY,
      '--config', CODE_SERVER_CONFIG,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      '--user-data-dir', userData,
      '--extensions-dir', options.extensions,
      ...(options.trust ? [] : ['--disable-workspace-trust']),
    ];
    const logFile = path.join(options.profile, 'code-server.log');
    const group = new ProcessGroup(process.execPath, args, { env: codeServerEnvironment(options.profile), logFile });
    const server = new CodeServer(port, logFile, group);
    try {
      await waitFor(`code-server on port ${port} (log: ${options.profile}/code-server.log)`, READY_TIMEOUT_MS, async () => {
        const exit = await group.exitCode();
        if (exit !== undefined) throw new Error(`code-server exited with ${exit}`);
        const response = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
        return response?.ok;
      });
    } catch (error) {
      await group.stop();
      throw error;
    }
    return server;
  }

  /** The workbench address that opens `folder`. */
  urlFor(folder: string): string {
    return `http://127.0.0.1:${this.port}/?folder=${encodeURIComponent(folder)}`;
  }

  /** Stops code-server with every extension host and language server it started. */
  stop(): Promise<void> {
    return this.group.stop();
  }
}
