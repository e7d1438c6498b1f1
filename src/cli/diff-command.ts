/**
 * `aims diff <base> [<head>]`: build the workspace at two git revisions (head: the working tree
 * by default) and print what changed in meaning (compliance-diff.ts), as Markdown for a pull
 * request comment or as JSON.
 *
 * A revision is read with `git ls-tree` and `git cat-file` only (through runGit, which runs no
 * repository-configured program): its `.aims` files and `aims.config.json` are written to a
 * temporary folder, every other file as an empty placeholder, so that "does the evidence file
 * exist?" is answered for that revision. Nothing in the repository or its work tree changes.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { collectReportData, type ReportData } from '../report/aims-report-data.js';
import { diffReports } from '../report/compliance-diff.js';
import { renderDiffMarkdown } from '../report/compliance-diff-markdown.js';
import { CONFIG_FILE_NAME } from '../workspace/aims-config.js';
import { gitErrorMessage, gitRepositoryRoot, runGit } from '../workspace/git.js';
import { CliError, ExitCode, stringOption, type CliCommand } from './cli-command.js';
import { writeCommandOutput } from './output-file.js';
import { commandSettings, EXPIRY_WINDOW_OPTION, findWorkspaceRoot, loadWorkspace, SEVERITY_OPTION, type LoadSettings } from './workspace-loader.js';

const FORMATS = ['md', 'json'] as const;

/** The full commit hash a revision names, or a usage error saying git's reason. */
function resolveCommit(repository: string, revision: string): string {
    if (revision.startsWith('-')) {
        throw new CliError(`'${revision}' is not a revision`, { usage: true });
    }
    try {
        return runGit(repository, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]).trim();
    } catch {
        throw new CliError(`'${revision}' is not a commit of the repository at ${repository}`, { usage: true });
    }
}

/** Write the workspace folder `folder` (relative to the repository, '' for its root) at `commit` into `target`. */
function materialise(repository: string, commit: string, folder: string, target: string): void {
    let listing: string;
    try {
        listing = runGit(repository, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', folder === '' ? '.' : folder]);
    } catch (error) {
        throw new CliError(`git ls-tree ${commit.slice(0, 12)}: ${gitErrorMessage(error)}`);
    }
    for (const entry of listing.split('\0').filter(Boolean)) {
        const tab = entry.indexOf('\t');
        const [mode, type, object] = entry.slice(0, tab).split(' ');
        const path = entry.slice(tab + 1);
        if (type !== 'blob' || mode === '120000' || path.split('/').includes('..')) {
            // Submodules and symbolic links have no content of their own here.
            continue;
        }
        const file = join(target, ...path.split('/'));
        mkdirSync(dirname(file), { recursive: true });
        const name = path.split('/').at(-1)!;
        const wanted = path.endsWith('.aims') || name === CONFIG_FILE_NAME;
        writeFileSync(file, wanted ? runGit(repository, ['cat-file', 'blob', object]) : '');
    }
}

async function reportAt(paths: readonly string[], cwd: string, settings: LoadSettings, today: string | undefined): Promise<ReportData> {
    // A revision from before the AIMS existed has no .aims files: compare against an empty workspace.
    const empty = paths.every(path => !existsSync(path) || !containsAims(path));
    const loaded = await loadWorkspace(empty ? [] : paths, cwd, settings);
    const day = today ?? loaded.services.aims.Settings.today();
    return collectReportData(loaded.services, loaded.built.documents, day, { root: loaded.workspaceRoot, commit: false });
}

function containsAims(path: string): boolean {
    if (path.endsWith('.aims')) {
        return true;
    }
    try {
        return readdirSync(path, { recursive: true }).some(name => String(name).endsWith('.aims'));
    } catch {
        return false;
    }
}

export const diffCommand: CliCommand = {
    name: 'diff',
    summary: 'Show what a change does to the AIMS: SoA, evidence, risks, systems, coverage, findings.',
    usage: 'diff [options] <base> [<head>]',
    description: [
        'Builds the workspace at the git revision <base> and at <head> (default: the working tree)',
        'and reports the changes in meaning: statement of applicability decisions and statuses,',
        'evidence gained and lost per control, risks with their ratings, treatments and controls,',
        'AI systems and their EU AI Act class, coverage figures, and the findings added and resolved.',
        'Markdown is written for a pull-request comment; JSON for tools. The workspace is the one',
        'that holds --path (default: the current directory), found as aims validate finds it.'
    ].join('\n'),
    options: {
        format: { type: 'string', short: 'f', value: 'FORMAT', description: 'md (default) or json.' },
        path: { type: 'string', value: 'PATH', description: 'A folder or file of the workspace to compare (default: the current directory).' },
        out: { type: 'string', short: 'o', value: 'FILE', description: 'Write to FILE instead of standard output.' },
        today: { type: 'string', value: 'YYYY-MM-DD', description: 'Date both versions are judged on (default: today, UTC).' },
        'expiry-window': EXPIRY_WINDOW_OPTION,
        severity: SEVERITY_OPTION
    },
    positionals: { min: 1, max: 2 },
    epilogue: [
        'Exit codes: 0 compared (changes and findings are the output, not a failure),',
        '            2 bad usage, not a git repository, or an unknown revision.',
        '',
        'Examples:',
        '  aims diff HEAD~1',
        '  aims diff origin/main HEAD --format json',
        '  aims diff main --path aims/ --out aims-diff.md'
    ].join('\n'),

    async run(input, out) {
        const format = stringOption(input, 'format') ?? 'md';
        if (!(FORMATS as readonly string[]).includes(format)) {
            throw new CliError(`unknown format '${format}'; use one of: ${FORMATS.join(', ')}`, { usage: true });
        }
        const settings = commandSettings(input);
        const start = resolve(input.cwd, stringOption(input, 'path') ?? '.');
        const repository = gitRepositoryRoot(input.cwd);
        if (!repository) {
            throw new CliError('aims diff compares git revisions, and this is not a git repository (or git is not installed)', { usage: true });
        }
        const [baseRevision, headRevision] = input.positionals;
        const baseCommit = resolveCommit(repository, baseRevision);
        const headCommit = headRevision !== undefined ? resolveCommit(repository, headRevision) : undefined;
        const { root } = findWorkspaceRoot([start]);
        const folder = relative(repository, realpathSync(root)).split(sep).join('/');
        if (folder.startsWith('..')) {
            throw new CliError(`${root} is outside the repository at ${repository}`, { usage: true });
        }
        const today = settings.today;
        const scratch = mkdtempSync(join(tmpdir(), 'aims-diff-'));
        try {
            const at = async (commit: string, name: string) => {
                const target = join(scratch, name);
                materialise(repository, commit, folder, target);
                return reportAt([join(target, ...folder.split('/').filter(Boolean))], target, settings, today);
            };
            const before = await at(baseCommit, 'base');
            const after = headCommit ? await at(headCommit, 'head') : await reportAt([root], input.cwd, settings, today);
            const diff = diffReports(before, after, { base: baseRevision, head: headRevision ?? 'working tree' });
            const prefix = folder === '' ? '' : `${folder}/`;
            const text = format === 'json' ? JSON.stringify({ workspace: prefix || '.', ...diff }, null, 2) + '\n' : renderDiffMarkdown(diff, prefix);
            writeCommandOutput(input, out, text);
            return ExitCode.ok;
        } finally {
            rmSync(scratch, { recursive: true, force: true });
        }
    }
};
