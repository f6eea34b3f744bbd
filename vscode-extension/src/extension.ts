// The VS Code side of CiOidcLint: starts `cioidclint server` for pipeline files and wires its
// findings, quick fixes and state into the editor. The logic worth testing lives in the
// modules without a VS Code import (runtime, settings, status).

import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import {
  ClientCapabilities,
  CloseAction,
  Diagnostic,
  ErrorAction,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  State,
  StaticFeature,
} from 'vscode-languageclient/node';
import { bundledServer, dotnetInstallToolId, LaunchPlan, MachineProbe, planLaunch } from './runtime';
import { effectiveScheme, effectiveUriParts, EffectiveTarget, parseEffectiveQuery, showEffectiveJobCommand, targetFromArguments } from './effectiveView';
import { isYamlPath, yamlDocumentSelector } from './settings';
import { countFindings, ServerState, statusView } from './status';

/** When this module was loaded, for the start-up timings in the output. */
const loadedAt = Date.now();
const clientId = 'cioidclint';
// publisher.name in package.json: how the .NET Install Tool knows who asked for a runtime.
const extensionId = 'cioidclint.cioidclint';
const fixAllKind = 'source.fixAll.cioidclint';
/** Like VS Code's own default: more than 4 crashes in 3 minutes and the server stays down. */
const maxCrashes = 4;
const crashWindowMs = 180_000;
/** Opens the Problems view (workbench.actions.view.problems would toggle it shut when it is open). */
const showProblems = 'workbench.panel.markers.view.focus';

/** The one controller of this extension host; deactivate() needs it to stop the server. */
let current: Controller | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  current = new Controller(context);
  context.subscriptions.push(current);
  await current.startIfPipelineOpen();
}

export function deactivate(): Promise<void> | undefined {
  // Returning the stop lets VS Code wait for shutdown/exit instead of killing the server.
  const controller = current;
  current = undefined;
  return controller?.stop();
}

/** Owns the language client, the status-bar item, the output channel and the commands. */
class Controller implements vscode.Disposable {
  private readonly output: vscode.LogOutputChannel;
  private readonly statusItem: vscode.StatusBarItem;
  private readonly workspaceFindings: vscode.DiagnosticCollection;
  private readonly disposables: vscode.Disposable[] = [];
  private client: LanguageClient | undefined;
  private state: ServerState = 'idle';
  private stateDetail: string | undefined;
  /** Serialises start, stop and restart, so a burst of triggers never starts two servers. */
  private queue: Promise<unknown> = Promise.resolve();
  /** The missing-runtime message is shown once per session, not on every file opened. */
  private reportedProblem: string | undefined;
  /** Tells VS Code that open effective-job views are out of date (a pipeline file changed). */
  private readonly effectiveChanged = new vscode.EventEmitter<vscode.Uri>();
  private refreshTimer: NodeJS.Timeout | undefined;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel('CiOidcLint', { log: true });
    this.statusItem = vscode.window.createStatusBarItem('cioidclint.status', vscode.StatusBarAlignment.Left, 10);
    this.statusItem.name = 'CiOidcLint';
    this.workspaceFindings = vscode.languages.createDiagnosticCollection('cioidclint-workspace');
    this.disposables.push(
      this.output,
      this.statusItem,
      this.workspaceFindings,
      vscode.commands.registerCommand('cioidclint.restartServer', () => this.restart()),
      vscode.commands.registerCommand('cioidclint.showOutput', () => this.output.show(true)),
      vscode.commands.registerCommand('cioidclint.fixAllInFile', () => this.fixAllInFile()),
      vscode.commands.registerCommand('cioidclint.lintWorkspace', () => this.lintWorkspace()),
      vscode.commands.registerCommand('cioidclint.showEffectivePipeline', () => this.showEffectivePipeline()),
      this.effectiveChanged,
      vscode.workspace.registerTextDocumentContentProvider(effectiveScheme, {
        onDidChange: this.effectiveChanged.event,
        provideTextDocumentContent: (uri, token) => this.effectiveText(uri, token),
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        // An included file counts too, whatever its name or language id: any YAML on disk may be part of a pipeline.
        if (this.isYamlFile(event.document)) this.refreshEffectiveViews();
      }),
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (this.isYamlFile(document)) {
          // The language server now owns this file's findings.
          this.workspaceFindings.delete(document.uri);
          void this.startIfPipelineOpen();
        }
      }),
      vscode.workspace.onDidChangeConfiguration((event) => this.onConfigurationChanged(event)),
      vscode.languages.onDidChangeDiagnostics(() => this.updateStatus()),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateStatus()),
    );
    this.updateStatus();
    // Start-up timings, since the time from opening a pipeline to its findings matters.
    this.output.info(`CiOidcLint ${String(context.extension.packageJSON.version)} activated ${Date.now() - loadedAt} ms after loading, ${Math.round(process.uptime() * 1000)} ms into the extension host`);
  }

  dispose(): void {
    void this.stop();
    for (const disposable of this.disposables) {
      disposable.dispose();
    }
  }

  /** A YAML file on disk: one the server may lint, as a pipeline or a file one includes. */
  private isYamlFile(document: vscode.TextDocument): boolean {
    return document.uri.scheme === 'file' && isYamlPath(document.uri.fsPath);
  }

  /**
   * Activation happens on any YAML file; the server starts once a YAML file on disk is open
   * (the native server starts in tens of milliseconds and then decides which are pipelines).
   */
  startIfPipelineOpen(): Promise<void> {
    if (this.client || !vscode.workspace.textDocuments.some((d) => this.isYamlFile(d))) {
      return Promise.resolve();
    }

    return this.enqueue(() => this.start());
  }

  private restart(): Promise<void> {
    this.reportedProblem = undefined;
    return this.enqueue(async () => {
      await this.stop();
      await this.start();
    });
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async start(): Promise<void> {
    if (this.client) {
      return;
    }

    this.setState('starting');
    const planned = Date.now();
    const plan = await this.plan();
    this.output.info(`Found the runtime in ${Date.now() - planned} ms (${Math.round(process.uptime() * 1000)} ms into the extension host)`);
    if (!plan.ok) {
      this.output.error(plan.message);
      this.setState('failed', plan.message.replace(/^CiOidcLint: /, ''));
      this.showProblem(plan);
      return;
    }
    this.output.info(`Starting ${plan.description}`);
    const executable = { command: plan.command, args: [...plan.args], options: { env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' } } };
    const serverOptions: ServerOptions = { run: executable, debug: executable };
    let initialized = false;
    const crashes: number[] = [];
    const clientOptions: LanguageClientOptions = {
      // Features other than sync; the server registers which documents to send.
      documentSelector: [...yamlDocumentSelector],
      diagnosticCollectionName: clientId,
      outputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      middleware: {
        // A rename edits the files the server read. One it was not sent (an included file with
        // another name) it read from disk: if that file has unsaved changes here, the edit's
        // ranges would land on the wrong text, so the rename is refused with the reason.
        provideRenameEdits: async (document, position, newName, token, next) => {
          const edit = await next(document, position, newName, token);
          if (!edit) return edit;
          const synced = new Set([...client.getFeature('textDocument/didOpen').openDocuments].map((d) => d.uri.toString()));
          const unsaved = edit.entries()
            .map(([uri]) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()))
            .filter((d): d is vscode.TextDocument => d !== undefined && d.isDirty && !synced.has(d.uri.toString()));
          if (unsaved.length > 0) {
            throw new Error(`Save ${unsaved.map((d) => vscode.workspace.asRelativePath(d.uri)).join(', ')} first: the rename was worked out from the file on disk.`);
          }

          return edit;
        },
        // A code lens's command: open the job as GitLab composes it, rather than only asking
        // the server for the text (which is what the client would do with it by default).
        executeCommand: async (command, args, next) => {
          const target = command === showEffectiveJobCommand ? targetFromArguments(args) : undefined;
          if (!target) return next(command, args);
          await this.openEffectiveView(target);
          return undefined;
        },
      },
      // No `synchronize`: the server registers its own file watchers (included files,
      // .editorconfig) and configuration section, and asks for the settings itself; doing it
      // here as well would send every change twice.
      errorHandler: {
        error: (_error, _message, count) => ({ action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
        closed: () => {
          // A server that never initialized will not fix itself by restarting: start() reports it.
          if (!initialized || this.client !== client) {
            return { action: CloseAction.DoNotRestart, handled: true };
          }

          const now = Date.now();
          crashes.push(now);
          while (crashes.length > 0 && now - crashes[0] > crashWindowMs) crashes.shift();
          if (crashes.length > maxCrashes) {
            this.setState('failed', `the language server stopped ${crashes.length} times in 3 minutes`);
            return {
              action: CloseAction.DoNotRestart,
              message: `CiOidcLint: the language server stopped ${crashes.length} times in 3 minutes and is not restarted again. See the output, then run "CiOidcLint: Restart Server".`,
            };
          }

          this.output.warn('The language server stopped; restarting it.');
          return { action: CloseAction.Restart, handled: true };
        },
      },
    };
    const client = new LanguageClient(clientId, 'CiOidcLint', serverOptions, clientOptions);
    client.registerFeature(pushedDiagnostics);
    client.onDidChangeState((event) => {
      if (this.client !== client || this.state === 'failed') return;
      if (event.newState === State.Running) this.setState('running');
      else if (event.newState === State.Starting) this.setState('starting');
      else this.setState('stopped');
    });
    this.client = client;
    try {
      const spawned = Date.now();
      await client.start();
      initialized = true;
      this.output.info(`The language server started and initialized in ${Date.now() - spawned} ms`);
    } catch (error) {
      this.client = undefined;
      await client.dispose().catch(() => undefined);
      const message = error instanceof Error ? error.message : String(error);
      this.output.error(`The language server did not start: ${message}`);
      this.setState('failed', 'the language server did not start');
      void vscode.window.showErrorMessage(`CiOidcLint: the language server (${plan.description}) did not start. Its output says why.`, 'Show Output')
        .then((choice) => choice && this.output.show(true));
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) {
      try {
        await client.stop(5000);
      } catch (error) {
        this.output.warn(`Stopping the language server: ${error instanceof Error ? error.message : String(error)}`);
      }
    }

    this.setState('idle');
  }

  private plan(): Promise<LaunchPlan> {
    const settings = vscode.workspace.getConfiguration('cioidclint');
    return planLaunch(
      { dotnetPath: settings.get<string>('dotnetPath') ?? '', serverPath: settings.get<string>('serverPath') ?? '' },
      bundledServer(this.context.extensionPath, process.platform),
      machineProbe,
    );
  }

  private showProblem(plan: Extract<LaunchPlan, { ok: false }>): void {
    if (this.reportedProblem === plan.message) {
      return;
    }

    this.reportedProblem = plan.message;
    const actions = [plan.installDotnet ? 'Install .NET' : undefined, plan.setting ? 'Open Setting' : undefined, 'Show Output']
      .filter((a): a is string => a !== undefined);
    void vscode.window.showErrorMessage(plan.message, ...actions).then((choice) => {
      if (choice === 'Install .NET') {
        void vscode.env.openExternal(vscode.Uri.parse('https://dotnet.microsoft.com/download/dotnet/10.0'));
      } else if (choice === 'Open Setting' && plan.setting) {
        void vscode.commands.executeCommand('workbench.action.openSettings', plan.setting);
      } else if (choice === 'Show Output') {
        this.output.show(true);
      }
    });
  }

  private onConfigurationChanged(event: vscode.ConfigurationChangeEvent): void {
    if (event.affectsConfiguration('cioidclint.dotnetPath') || event.affectsConfiguration('cioidclint.serverPath')) {
      void this.restart();
    }
    // cioidclint.files needs nothing here: the server reads it and registers the documents again.
  }

  private setState(state: ServerState, detail?: string): void {
    this.state = state;
    this.stateDetail = detail;
    this.updateStatus();
  }

  private updateStatus(): void {
    // From VS Code rather than the client's collection: Lint Workspace's findings live in a
    // collection of their own.
    const severities = vscode.languages.getDiagnostics()
      .flatMap(([, diagnostics]) => diagnostics)
      .filter((d) => d.source === clientId)
      .map((d) => d.severity);
    const view = statusView(this.state, countFindings(severities), this.stateDetail);
    this.statusItem.text = view.text;
    this.statusItem.tooltip = view.tooltip;
    this.statusItem.backgroundColor = view.background && new vscode.ThemeColor(`statusBarItem.${view.background}Background`);
    this.statusItem.command = this.state === 'running' && severities.length > 0 ? showProblems : 'cioidclint.showOutput';
    const editor = vscode.window.activeTextEditor;
    const visible = this.state !== 'idle' || (editor !== undefined && this.isYamlFile(editor.document));
    if (visible) this.statusItem.show();
    else this.statusItem.hide();
  }

  private async fixAllInFile(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !this.isYamlFile(editor.document)) {
      void vscode.window.showInformationMessage('CiOidcLint: open a pipeline file to fix.');
      return;
    }

    await this.startIfPipelineOpen();
    // A start already under way (the file was just opened) is waited for, so the request below
    // reaches the server rather than finding no provider and reporting nothing to fix.
    await this.queue;
    if (this.client?.state !== State.Running) {
      this.output.warn(`Fix all in ${vscode.workspace.asRelativePath(editor.document.uri)}: the language server is not running`);
      void vscode.window.showWarningMessage('CiOidcLint: the language server is not running, so there is nothing to fix with. See the output.', 'Show Output')
        .then((choice) => (choice ? this.output.show() : undefined));
      return;
    }

    // The server's source.fixAll.cioidclint action holds every preferred fix of the file,
    // composed so that they never overlap; it is applied as one undoable edit. It is asked for
    // directly rather than through editor.action.sourceAction, which acts on whichever editor
    // has focus and says nothing we could log when no action comes back.
    const document = editor.document;
    const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
    const version = document.version;
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[] | undefined>(
      'vscode.executeCodeActionProvider',
      document.uri,
      whole,
      fixAllKind,
    );
    const fixAll = (actions ?? []).find((a): a is vscode.CodeAction => 'kind' in a && a.kind?.value === fixAllKind && a.edit !== undefined);
    if (!fixAll?.edit) {
      this.output.info(`Fix all in ${vscode.workspace.asRelativePath(document.uri)}: nothing to fix`);
      void vscode.window.setStatusBarMessage('CiOidcLint: nothing to fix in this file', 3000);
      return;
    }

    if (document.version !== version) {
      // The user typed while the server computed the edit; its ranges describe older text.
      this.output.info(`Fix all in ${vscode.workspace.asRelativePath(document.uri)}: the file changed meanwhile, not applied`);
      void vscode.window.showInformationMessage('CiOidcLint: the file changed while its fixes were computed; run Fix All in File again.');
      return;
    }

    // The action only ever edits this file; anything else (a URI spelt differently) is not applied blindly.
    const elsewhere = fixAll.edit.entries().find(([uri]) => uri.toString() !== document.uri.toString());
    if (elsewhere) {
      this.output.warn(`Fix all in ${vscode.workspace.asRelativePath(document.uri)}: not applied, the edit also touches ${elsewhere[0].toString()}`);
      return;
    }

    const applied = await vscode.workspace.applyEdit(fixAll.edit);
    this.output.info(`Fix all in ${vscode.workspace.asRelativePath(document.uri)}: ${applied ? 'applied' : 'refused by the editor'}`);
  }

  private async showEffectivePipeline(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.uri.scheme !== 'file') {
      void vscode.window.showInformationMessage('CiOidcLint: open a pipeline file to see its jobs as GitLab composes them.');
      return;
    }

    await this.openEffectiveView({ source: editor.document.uri.toString() });
  }

  private async openEffectiveView(target: EffectiveTarget): Promise<void> {
    const { path, query } = effectiveUriParts(target);
    const uri = vscode.Uri.from({ scheme: effectiveScheme, path, query });
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: false });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.output.error(`Show effective job: ${message}`);
      void vscode.window.showErrorMessage(`CiOidcLint: ${message}`);
    }
  }

  /** The view's text, from the server (the same text as `cioidclint show`). */
  private async effectiveText(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const target = parseEffectiveQuery(uri.query);
    if (!target) {
      throw new Error(`${uri.toString()} names no pipeline file`);
    }

    await this.startIfPipelineOpen();
    await this.queue;
    const client = this.client;
    if (client?.state !== State.Running) {
      throw new Error('the language server is not running; see the output');
    }

    const args = target.job === undefined ? [target.source] : [target.source, target.job];
    return client.sendRequest<string>('workspace/executeCommand', { command: showEffectiveJobCommand, arguments: args }, token);
  }

  /** Views follow the pipeline as it is typed, a moment after the last keystroke. */
  private refreshEffectiveViews(): void {
    const open = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === effectiveScheme && !d.isClosed);
    if (open.length === 0) return;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      for (const document of open) this.effectiveChanged.fire(document.uri);
    }, 300);
  }

  private async lintWorkspace(): Promise<void> {
    if ((vscode.workspace.workspaceFolders ?? []).length === 0) {
      return;
    }

    // The server lints the workspace: it finds the pipelines as `check` does and answers with the
    // diagnostics it publishes, help links and all. Start it for that if no pipeline is open.
    await this.enqueue(() => this.start());
    const client = this.client;
    if (!client) {
      return;
    }

    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'CiOidcLint: linting the workspace', cancellable: true },
      async (_progress, token) => {
        let result: LintWorkspaceResult;
        try {
          result = await client.sendRequest<LintWorkspaceResult>(lintWorkspaceMethod, {}, token);
        } catch (error) {
          if (token.isCancellationRequested) return;
          const message = error instanceof Error ? error.message : String(error);
          this.output.error(`Lint workspace failed: ${message}`);
          void vscode.window.showErrorMessage(`CiOidcLint could not lint the workspace: ${message}`, 'Show Output')
            .then((choice) => choice && this.output.show(true));
          return;
        }

        this.workspaceFindings.clear();
        let total = 0;
        for (const item of result.items) {
          const uri = client.protocol2CodeConverter.asUri(item.uri);
          total += item.diagnostics.length;
          // Files of the pipelines open in the editor are the language server's: their findings
          // are already live (an included file too, open or not), and must not show twice.
          const live = vscode.languages.getDiagnostics(uri).some((d) => d.source === 'cioidclint');
          if (!live) {
            this.workspaceFindings.set(uri, await client.protocol2CodeConverter.asDiagnostics(item.diagnostics, token));
          }
        }

        this.output.info(`Lint workspace: ${total} finding(s); ${result.pipelineFiles} pipeline file(s) by name.`);
        this.updateStatus();
        if (total > 0) {
          void vscode.commands.executeCommand(showProblems);
        } else {
          void vscode.window.showInformationMessage('CiOidcLint: no findings in the workspace.');
        }
      },
    );
  }
}

/**
 * Diagnostics pushed, not pulled: a finding in a file the pipeline includes belongs in the
 * Problems view whether that file is open or not, and VS Code pulls only for open documents
 * (vscode-languageclient does not take the related documents a pull could carry). Without the
 * pull capability the server publishes to every file of the pipeline. Registered after the
 * client's own features, it takes the capability back out.
 */
const pushedDiagnostics: StaticFeature = {
  fillClientCapabilities(capabilities: ClientCapabilities): void {
    if (capabilities.textDocument) delete capabilities.textDocument.diagnostic;
    if (capabilities.workspace) delete capabilities.workspace.diagnostics;
  },
  initialize(): void {},
  getState: () => ({ kind: 'static' }),
  clear(): void {},
};

/** The server's own request behind "Lint Workspace" (LintWorkspaceHandler). */
const lintWorkspaceMethod = 'cioidclint/lintWorkspace';

interface LintWorkspaceResult {
  readonly pipelineFiles: number;
  readonly items: readonly { readonly uri: string; readonly diagnostics: Diagnostic[] }[];
}

/** The real machine, for the runtime search. */
const machineProbe: MachineProbe = {
  platform: process.platform,
  env: process.env,
  homeDir: os.homedir(),
  isFile(file: string): boolean {
    try {
      if (!fs.statSync(file).isFile()) return false;
      if (process.platform !== 'win32' && !file.toLowerCase().endsWith('.dll')) fs.accessSync(file, fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  },
  readText(file: string): string | undefined {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  },
  listRuntimes(dotnet: string): Promise<string | undefined> {
    return new Promise((resolve) => {
      execFile(dotnet, ['--list-runtimes'], { timeout: 15000, env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' } }, (error, stdout) => {
        resolve(error ? undefined : String(stdout));
      });
    });
  },
  async acquireDotnet(major: string): Promise<string | undefined> {
    // The .NET Install Tool's documented API: one shared, per-user copy of the runtime.
    if (!vscode.extensions.getExtension(dotnetInstallToolId)) return undefined;
    try {
      const result = await vscode.commands.executeCommand<{ dotnetPath?: string } | undefined>('dotnet.acquire', {
        version: `${major}.0`,
        requestingExtensionId: extensionId,
      });
      return result?.dotnetPath;
    } catch {
      return undefined;
    }
  },
};
