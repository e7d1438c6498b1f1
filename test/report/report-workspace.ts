/**
 * Test harness for reports and exports: build a workspace from a fixture folder (real files,
 * real file system) or from inline snippets, and collect the report data from it.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createAimsServices, type AimsServices } from '../../src/language/aims-module.js';
import { buildWorkspace, type BuiltWorkspace } from '../../src/workspace/aims-workspace.js';
import { collectReportData, type CommitInfo, type ReportData } from '../../src/report/aims-report-data.js';

export const FIXTURES = resolve(fileURLToPath(new URL('../fixtures/report', import.meta.url)));
export const EXAMPLES = resolve(fileURLToPath(new URL('../../examples', import.meta.url)));
export const OUTPUT = resolve(fileURLToPath(new URL('../output', import.meta.url)));

/** A commit stand-in, so reports do not change with every commit of this repository. */
export const FIXED_COMMIT: CommitInfo = { hash: '0123456789abcdef0123456789abcdef01234567', date: '2026-05-30T14:02:11+02:00', dirty: false };

export interface LoadedWorkspace {
    services: AimsServices;
    built: BuiltWorkspace;
    data: ReportData;
}

function aimsFiles(dir: string): string[] {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter(e => e.isFile() && e.name.endsWith('.aims'))
        .map(e => join(e.parentPath, e.name))
        .sort();
}

/** Build every `.aims` file under `dir` (the workspace root) as of `today`. */
export async function loadFolder(dir: string, today = '2026-06-01', commit: CommitInfo | false = FIXED_COMMIT): Promise<LoadedWorkspace> {
    const sources = aimsFiles(dir).map(file => ({ uri: URI.file(file), text: readFileSync(file, 'utf8') }));
    return build(sources, dir, today, commit, true);
}

/** Build inline files (name to text) under a pretend root. */
export async function loadInline(files: Record<string, string>, today = '2026-06-01', commit: CommitInfo | false = false): Promise<LoadedWorkspace> {
    const root = '/workspace';
    const sources = Object.entries(files).map(([name, text]) => ({ uri: URI.file(`${root}/${name}`), text }));
    return build(sources, root, today, commit, false);
}

async function build(sources: Array<{ uri: URI; text: string }>, root: string, today: string, commit: CommitInfo | false, nodeFs: boolean): Promise<LoadedWorkspace> {
    const services = createAimsServices(nodeFs ? NodeFileSystem : (await import('langium')).EmptyFileSystem).Aims;
    services.aims.Settings.set({ today, workspaceRoot: root });
    const built = await buildWorkspace(services, sources);
    const data = collectReportData(services, built.documents, today, { root, commit });
    return { services, built, data };
}

/** A copy of the Harbour fixture in a fresh temporary folder; with `git`, a repository with one commit of 2026-05-30. */
export function harbourCopy(git = false): string {
    const dir = join(mkdtempSync(join(tmpdir(), 'aims-report-')), 'harbour');
    cpSync(join(FIXTURES, 'harbour'), dir, { recursive: true });
    if (git) {
        const date = '2026-05-30T14:02:11+02:00';
        const env = {
            ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test',
            GIT_COMMITTER_EMAIL: 'test@example.com', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date
        };
        for (const args of [['init', '-q'], ['add', '.'], ['commit', '-q', '-m', 'AIMS']]) {
            execFileSync('git', ['-C', dir, ...args], { stdio: 'pipe', env });
        }
    }
    return dir;
}
