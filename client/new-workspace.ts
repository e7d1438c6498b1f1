/**
 * `AIMS: New Workspace`: writes the starter workspace (src/workspace/starter-workspace.ts) into
 * an empty folder, the open one if it has no .aims files yet, and opens the statement of
 * applicability. It never overwrites a file: a folder that already holds any of the starter's
 * files is refused with a message that names them.
 */
import * as vscode from 'vscode';
import { starterWorkspace } from '../src/workspace/starter-workspace.js';
import { parseIsoDate, systemToday } from '../src/model/dates.js';

export function registerNewWorkspace(): vscode.Disposable {
    return vscode.commands.registerCommand('aims.newWorkspace', async () => {
        const folder = await chooseFolder();
        if (!folder) return;
        const organisation = await vscode.window.showInputBox({
            title: 'AIMS: New Workspace',
            prompt: 'The name of your organisation, as audit reports should show it',
            value: 'Example Organisation',
            validateInput: text => text.trim() === '' ? 'Enter a name.' : undefined
        });
        if (organisation === undefined) return;
        const configured = vscode.workspace.getConfiguration('aims', folder).get<string>('today') ?? '';
        const today = parseIsoDate(configured) ? configured : systemToday();
        const files = starterWorkspace({ organisation: organisation.trim(), today });
        const existing = (await Promise.all(Object.keys(files).map(async name => (await exists(vscode.Uri.joinPath(folder, name))) ? name : undefined)))
            .filter((name): name is string => name !== undefined);
        if (existing.length > 0) {
            void vscode.window.showErrorMessage(`AIMS: ${folder.fsPath} already has ${existing.join(', ')}; choose an empty folder so nothing is overwritten.`);
            return;
        }
        for (const [name, text] of Object.entries(files)) {
            await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, name), new TextEncoder().encode(text));
        }
        const isOpen = vscode.workspace.workspaceFolders?.some(f => f.uri.toString() === folder.toString());
        if (isOpen) {
            await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, 'soa.aims'));
        } else {
            await vscode.commands.executeCommand('vscode.openFolder', folder);
        }
    });
}

/** The open folder when it has no .aims files, else one the user picks. */
async function chooseFolder(): Promise<vscode.Uri | undefined> {
    const open = vscode.workspace.workspaceFolders?.[0];
    if (open && (await vscode.workspace.findFiles(new vscode.RelativePattern(open, '**/*.aims'), undefined, 1)).length === 0) {
        return open.uri;
    }
    const picked = await vscode.window.showOpenDialog({
        title: 'AIMS: New Workspace',
        canSelectFolders: true, canSelectFiles: false, canSelectMany: false,
        openLabel: 'Create the AIMS workspace here'
    });
    return picked?.[0];
}

async function exists(uri: vscode.Uri): Promise<boolean> {
    try {
        await vscode.workspace.fs.stat(uri);
        return true;
    } catch {
        return false;
    }
}
