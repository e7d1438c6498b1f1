/**
 * A task per workspace folder, `aims: validate`, that runs the bundled CLI (out/cli/main.cjs) on
 * the folder; the `$aims` problem matcher (package.json) turns its lines into Problems, so a CI
 * run and the editor can be compared side by side. Tasks in tasks.json (`"type": "aims"`) resolve
 * through the same function.
 */
import * as vscode from 'vscode';

export const TASK_TYPE = 'aims';

interface AimsTaskDefinition extends vscode.TaskDefinition {
    readonly command: 'validate';
    readonly paths?: readonly string[];
    readonly args?: readonly string[];
}

export function registerValidateTask(context: vscode.ExtensionContext): vscode.Disposable {
    const cli = context.asAbsolutePath('out/cli/main.cjs');
    const toTask = (definition: AimsTaskDefinition, folder: vscode.WorkspaceFolder): vscode.Task => {
        const args = [cli, definition.command, ...(definition.paths?.length ? definition.paths : ['.']), ...(definition.args ?? [])];
        // The extension host's own Node runs the CLI; in desktop VS Code that binary is Electron.
        const execution = new vscode.ProcessExecution(process.execPath, args, { cwd: folder.uri.fsPath, env: { ELECTRON_RUN_AS_NODE: '1' } });
        const task = new vscode.Task(definition, folder, definition.command, TASK_TYPE, execution, ['$aims']);
        task.group = vscode.TaskGroup.Test;
        task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent, clear: true };
        return task;
    };
    return vscode.tasks.registerTaskProvider(TASK_TYPE, {
        provideTasks: () => (vscode.workspace.workspaceFolders ?? [])
            .filter(folder => folder.uri.scheme === 'file')
            .map(folder => toTask({ type: TASK_TYPE, command: 'validate' }, folder)),
        resolveTask: task => {
            const definition = task.definition as AimsTaskDefinition;
            const folder = typeof task.scope === 'object' ? task.scope : vscode.workspace.workspaceFolders?.[0];
            return definition.command === 'validate' && folder ? toTask(definition, folder) : undefined;
        }
    });
}
