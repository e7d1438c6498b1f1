/**
 * One trust policy for both faces: a symbolic link is judged by where it leads. The language
 * server's workspace search follows the links the CLI follows and leaves out the ones it refuses,
 * and an evidence path through a link out of the workspace is not evidence, in either face.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAimsServices } from '../../src/language/aims-module.js';
import { runAims } from '../cli/run-aims.js';

let base = '';
let ws = '';
beforeEach(() => {
    base = realpathSync(mkdtempSync(join(tmpdir(), 'aims-links-')));
    ws = join(base, 'ws');
    mkdirSync(join(ws, 'people'), { recursive: true });
    mkdirSync(join(base, 'elsewhere'));
    writeFileSync(join(ws, 'aims.config.json'), '{}\n');
    writeFileSync(join(ws, 'people', 'people.aims'), 'person alice "Alice Moreau"\n');
    writeFileSync(join(base, 'elsewhere', 'secret.aims'), 'person mallory "Mallory"\n');
    writeFileSync(join(base, 'elsewhere', 'passwords.txt'), 'not evidence\n');
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

/** The .aims files the language server's workspace search finds in `ws`, relative to it. */
async function serverFinds(): Promise<string[]> {
    const services = createAimsServices(NodeFileSystem).Aims;
    const manager = services.shared.workspace.WorkspaceManager;
    manager.initialize({ processId: null, rootUri: null, capabilities: {}, workspaceFolders: [{ uri: URI.file(ws).toString(), name: 'ws' }] });
    const uris = await manager.searchFolder(URI.file(ws));
    return uris.map(uri => uri.fsPath.slice(ws.length + 1)).sort();
}

describe('symbolic links: the language server loads what the CLI loads', () => {
    it('follows a link to a folder inside the workspace', async () => {
        // A dot-folder is not searched itself, so its file is found through the link only.
        mkdirSync(join(ws, '.shared'));
        writeFileSync(join(ws, '.shared', 'board.aims'), 'team board "AI board" { lead alice }\n');
        symlinkSync(join(ws, '.shared'), join(ws, 'people', 'shared'));
        expect(await serverFinds()).toEqual(['people/people.aims', 'people/shared/board.aims']);
        const cli = runAims(['validate', '--format', 'json', '--today', '2026-06-01', '.'], { cwd: ws });
        expect(JSON.parse(cli.stdout).workspace.files).toBe(2);
    });

    it('loads a folder reached twice once', async () => {
        mkdirSync(join(ws, 'teams'));
        writeFileSync(join(ws, 'teams', 'board.aims'), 'team board "AI board" { lead alice }\n');
        symlinkSync(join(ws, 'teams'), join(ws, 'people', 'teams-link'));
        // A folder reached twice is loaded once, as the CLI loads it once.
        expect(await serverFinds()).toEqual(['people/people.aims', 'teams/board.aims']);
        const cli = runAims(['validate', '--format', 'json', '--today', '2026-06-01', '.'], { cwd: ws });
        expect(cli.code).toBe(0);
    });

    it('follows a link to a file inside the workspace', async () => {
        symlinkSync(join(ws, 'people', 'people.aims'), join(ws, 'alias.aims'));
        expect(await serverFinds()).toEqual(['alias.aims', 'people/people.aims']);
    });

    it('leaves out links to a file or a folder outside the workspace, which the CLI refuses', async () => {
        symlinkSync(join(base, 'elsewhere', 'secret.aims'), join(ws, 'secret.aims'));
        symlinkSync(join(base, 'elsewhere'), join(ws, 'elsewhere-link'));
        expect(await serverFinds()).toEqual(['people/people.aims']);
        const cli = runAims(['validate', '--today', '2026-06-01', '.'], { cwd: ws });
        expect(cli.code).toBe(2);
        expect(cli.stderr).toContain('secret.aims: symbolic link to');
        expect(cli.stderr).toContain('elsewhere-link: symbolic link to');
    });

    it('walks a link back up the tree once, without looping', async () => {
        symlinkSync(ws, join(ws, 'people', 'loop'));
        expect(await serverFinds()).toEqual(['people/people.aims']);
    });
});

describe('symbolic links: evidence', () => {
    const evidence = (path: string) => `organisation acme "Acme" { scope "AI." }
person alice "Alice Moreau"
evidence ev "Evidence" { path "${path}" kind document owner alice collected 2026-05-01 }
`;

    it('does not count a file that a link takes outside the workspace', () => {
        mkdirSync(join(ws, 'evidence'));
        symlinkSync(join(base, 'elsewhere', 'passwords.txt'), join(ws, 'evidence', 'policy.md'));
        writeFileSync(join(ws, 'evidence.aims'), evidence('evidence/policy.md'));
        const run = runAims(['validate', '--format', 'json', '--today', '2026-06-01', 'evidence.aims'], { cwd: ws });
        const findings = (JSON.parse(run.stdout) as { diagnostics: Array<{ code: string; message: string }> }).diagnostics;
        expect(findings.filter(d => d.code === 'aims/evidence-path-outside').map(d => d.message)).toEqual([
            `Evidence path 'evidence/policy.md' is a symbolic link to ${join(base, 'elsewhere', 'passwords.txt')}, outside the workspace, so it is not evidence the repository holds: copy the file into the workspace, or link it with url "...".`
        ]);
    });

    it('counts a file that a link keeps inside the workspace', () => {
        mkdirSync(join(ws, 'evidence'));
        writeFileSync(join(ws, 'evidence', 'policy-v3.md'), '# Policy\n');
        symlinkSync(join(ws, 'evidence', 'policy-v3.md'), join(ws, 'evidence', 'policy.md'));
        writeFileSync(join(ws, 'evidence.aims'), evidence('evidence/policy.md'));
        const run = runAims(['validate', '--format', 'json', '--today', '2026-06-01', 'evidence.aims'], { cwd: ws });
        const codes = (JSON.parse(run.stdout) as { diagnostics: Array<{ code: string }> }).diagnostics.map(d => d.code);
        expect(codes.filter(c => c.startsWith('aims/evidence-path'))).toEqual([]);
    });
});
