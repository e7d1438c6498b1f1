/**
 * Turn the paths given on the command line into a built AIMS workspace: collect the `.aims`
 * files (directories recursively), read them defensively, choose the workspace root that
 * evidence paths are relative to, and build with the same services as the language server.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createAimsServices, type AimsServices } from '../language/aims-module.js';
import { buildWorkspace, type BuiltWorkspace, type SourceText } from '../workspace/aims-workspace.js';
import type { AimsSettingsValues, SeverityOverride } from '../workspace/aims-settings.js';
import { parseIsoDate } from '../model/dates.js';
import { fileSize, MAX_FILE_BYTES, mebibytes, withinWorkspaceLimit, workspaceByteLimit } from '../workspace/file-limits.js';
import { isInside, realPathOf } from '../workspace/symbolic-links.js';
import { didYouMean } from '../catalog/did-you-mean.js';
import { ALL_RULES } from '../validation/rules.js';
import { AimsConfigError, findConfigFile, isIgnored, loadConfigFile, SEVERITY_LEVELS, type LoadedConfig } from '../workspace/aims-config.js';
import { gitRepositoryRoot } from './repository-root.js';
import { CliError, countOption, listOption, stringOption, type CliOption, type CommandInput } from './cli-command.js';

export { MAX_FILE_BYTES };

/** Folders a directory walk never enters: tool output and dependencies, not the user's AIMS. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'out']);

export interface AimsFile {
    /** Absolute path. */
    readonly path: string;
    readonly text: string;
}

/** How the workspace root was chosen, for the output's "workspace ..." note. */
export type RootFoundBy = 'config' | 'repository' | 'paths';

export interface CollectedFiles {
    /** Every `.aims` file of the workspace, sorted by path. */
    readonly files: readonly AimsFile[];
    /** Absolute paths of the files the user named (directly or through a directory): findings are reported for these. */
    readonly reported: ReadonlySet<string>;
    /** The workspace root: evidence paths are relative to it, and every `.aims` file below it is loaded. */
    readonly workspaceRoot: string;
    readonly rootFoundBy: RootFoundBy;
    /** The `aims.config.json` in use, if any. */
    readonly config?: LoadedConfig;
    /** Paths named on the command line that are not `.aims` files, left out. */
    readonly skipped: readonly string[];
}

export interface LoadedWorkspace extends CollectedFiles {
    readonly services: AimsServices;
    readonly built: BuiltWorkspace;
}

/** Settings the command line may fix; the root always comes from the paths. */
export type LoadSettings = Partial<Omit<AimsSettingsValues, 'workspaceRoot'>>;

/**
 * Collect, read and build. Every unreadable input is reported together in one `CliError`
 * (one line per file), so a user fixes them all in one go.
 */
export async function loadWorkspace(paths: readonly string[], cwd: string, settings: LoadSettings = {}): Promise<LoadedWorkspace> {
    const collected = collectAimsFiles(paths, cwd);
    const services = createAimsServices(NodeFileSystem).Aims;
    services.aims.Settings.useConfig(collected.config);
    services.aims.Settings.set({ ...settings, workspaceRoot: collected.workspaceRoot });
    const sources: SourceText[] = collected.files.map(file => ({ uri: URI.file(file.path), text: file.text }));
    const built = await buildWorkspace(services, sources);
    return { ...collected, services, built };
}

/** `--expiry-window`, read by loadCommandWorkspace for every command that builds the workspace. */
export const EXPIRY_WINDOW_OPTION: CliOption = {
    type: 'string', value: 'DAYS',
    description: 'Evidence that expires within DAYS days counts as expiring and gets a warning (default 30).'
};

/** `--severity`, as the editor's `aims.severity` setting: the same rules, the same levels. */
export const SEVERITY_OPTION: CliOption = {
    type: 'string', multiple: true, value: 'RULE=LEVEL',
    description: 'Change a rule\'s severity (error, warning, info, hint) or switch it off, as aims.config.json and aims.severity do; repeat it or separate with commas.'
};

/** `review-overdue=error,aims/evidence-expiring=off` as a severity table; a usage error for anything else. */
function severityOverrides(input: CommandInput): Record<string, SeverityOverride> {
    const names = ALL_RULES.map(rule => rule.code.replace(/^aims\//, ''));
    const table: Record<string, SeverityOverride> = {};
    for (const entry of listOption(input, 'severity')) {
        const match = /^([^=]+)=(.*)$/.exec(entry);
        if (!match) {
            throw new CliError(`--severity '${entry}' needs the form RULE=LEVEL, e.g. review-overdue=error`, { usage: true });
        }
        const name = match[1].trim().replace(/^aims\//, '');
        const level = match[2].trim().toLowerCase();
        if (!names.includes(name)) {
            const guess = didYouMean(name, names, 1)[0];
            throw new CliError(`--severity: there is no rule '${match[1].trim()}'${guess ? `; did you mean '${guess}'?` : ''} (docs/language.md lists the rules)`, { usage: true });
        }
        if (!(SEVERITY_LEVELS as readonly string[]).includes(level)) {
            throw new CliError(`--severity ${name}: '${match[2].trim()}' is not a level; use one of: ${SEVERITY_LEVELS.join(', ')}`, { usage: true });
        }
        table[name] = level as SeverityOverride;
    }
    return table;
}

/** `--today`, `--expiry-window` and `--severity`, checked, as settings that win over the config file. */
export function commandSettings(input: CommandInput): LoadSettings {
    const today = stringOption(input, 'today');
    if (today !== undefined && parseIsoDate(today) === undefined) {
        throw new CliError(`--today '${today}' is not a date; write it as YYYY-MM-DD, e.g. 2026-06-01`, { usage: true });
    }
    const expiryWindow = countOption(input, 'expiry-window');
    const severity = severityOverrides(input);
    return {
        ...(today !== undefined ? { today } : {}),
        ...(expiryWindow !== undefined ? { evidenceExpiryWindowDays: expiryWindow } : {}),
        ...(Object.keys(severity).length > 0 ? { severity } : {})
    };
}

/**
 * The workspace a command's arguments name (default: the current directory), with `--today`,
 * `--expiry-window` and `--severity` checked first, so that every command reads them the same way.
 */
export async function loadCommandWorkspace(input: CommandInput): Promise<LoadedWorkspace> {
    const settings = commandSettings(input);
    const paths = input.positionals.length > 0 ? input.positionals : ['.'];
    return loadWorkspace(paths, input.cwd, settings);
}

/**
 * The workspace root for the given paths (absolute): the folder of the nearest
 * `aims.config.json` at or above their common folder (not above the repository root), else the
 * git repository root, else the common folder itself.
 */
export function findWorkspaceRoot(paths: readonly string[]): { root: string; foundBy: RootFoundBy; configPath?: string } {
    const common = commonDirectory(paths);
    const repository = gitRepositoryRoot(existingAncestor(common));
    const configPath = findConfigFile(common, repository ? physicalPathIn(common, repository) : undefined);
    if (configPath) {
        return { root: dirname(configPath), foundBy: 'config', configPath };
    }
    if (repository) {
        return { root: physicalPathIn(common, repository), foundBy: 'repository' };
    }
    return { root: common, foundBy: 'paths' };
}

/** The nearest folder at or above `path` that exists (a named file may be missing). */
function existingAncestor(path: string): string {
    let directory = path;
    while (!isDirectory(directory) && dirname(directory) !== directory) {
        directory = dirname(directory);
    }
    return directory;
}

function isDirectory(path: string): boolean {
    try {
        return statSync(path).isDirectory();
    } catch {
        return false;
    }
}

/**
 * git reports the root with symbolic links resolved; `path` may go through a link (macOS
 * /tmp, a linked checkout). The repository root written the way `path` writes it, so that
 * paths stay relative to what the user typed.
 */
function physicalPathIn(path: string, repository: string): string {
    let directory = path;
    for (;;) {
        let real = directory;
        try {
            real = realpathSync(directory);
        } catch {
            // Missing: keep looking above.
        }
        if (real === repository) {
            return directory;
        }
        const parent = dirname(directory);
        if (parent === directory) {
            return repository;
        }
        directory = parent;
    }
}

/**
 * Read the `.aims` files of the workspace that holds `paths` (relative to `cwd`) and note which
 * of them the user named; throws a `CliError` listing every problem.
 */
export function collectAimsFiles(paths: readonly string[], cwd: string): CollectedFiles {
    const problems: string[] = [];
    const skipped: string[] = [];
    const named = new Map<string, string>();
    const namedDirectories: Array<{ path: string; given: string }> = [];
    const locations: string[] = [];
    for (const given of paths) {
        const absolute = resolve(cwd, given);
        const stats = statOrReport(absolute, given, problems);
        if (!stats) {
            continue;
        }
        if (stats.isDirectory()) {
            namedDirectories.push({ path: absolute, given });
            locations.push(absolute);
        } else if (stats.isFile()) {
            if (!absolute.endsWith('.aims')) {
                // `aims validate $(git diff --name-only)` names every changed file.
                skipped.push(given);
                continue;
            }
            named.set(absolute, given);
            locations.push(dirname(absolute));
        } else {
            problems.push(`${given}: not a regular file or directory`);
        }
    }
    if (problems.length > 0) {
        throw new CliError(problems.join('\n'));
    }
    const { root, foundBy, configPath } = findWorkspaceRoot(locations.length > 0 ? locations : [resolve(cwd)]);
    let config: LoadedConfig | undefined;
    if (configPath) {
        try {
            config = loadConfigFile(configPath);
        } catch (error) {
            if (error instanceof AimsConfigError) {
                throw new CliError(error.problems.map(p => `${display(configPath, cwd)}: ${p}`).join('\n'));
            }
            throw error;
        }
    }
    const found = new Map<string, string>();
    if (locations.length > 0) {
        walk(root, cwd, found, problems, new Set(), config, realOrSelf(root));
    }
    for (const [path, given] of named) {
        found.set(path, given);
    }
    const reported = new Set<string>(named.keys());
    for (const directory of namedDirectories) {
        const inside = [...found.keys()].filter(path => path !== directory.path && isInside(path, directory.path));
        if (inside.length === 0 && problems.length === 0) {
            problems.push(`${directory.given}: no .aims files in this directory (dot-folders, node_modules, out and ignored paths are skipped)`);
        }
        inside.forEach(path => reported.add(path));
    }
    const sorted = [...found].sort(([a], [b]) => a.localeCompare(b));
    const limit = workspaceByteLimit();
    // Asked once per file: for the workspace limit here and the file limit when it is read.
    const sizes = new Map(sorted.map(([path]) => [path, fileSize(path)]));
    const budget = withinWorkspaceLimit(sorted, ([path]) => sizes.get(path) ?? 0, limit);
    if (budget.left.length > 0) {
        // The memory bound (file-limits.ts): refused before anything is read or built.
        throw new CliError(`${display(root, cwd)}: workspace too large: ${mebibytes(budget.total)} of .aims files in ${sorted.length} files; the limit is ${mebibytes(limit)} (set AIMS_MAX_WORKSPACE_MIB to raise it, or ignore folders in aims.config.json)`);
    }
    const files: AimsFile[] = [];
    for (const [path, shown] of sorted) {
        const text = readAimsFile(path, shown, problems, sizes.get(path));
        if (text !== undefined) {
            files.push({ path, text });
        }
    }
    if (problems.length > 0) {
        throw new CliError(problems.join('\n'));
    }
    return { files, reported, workspaceRoot: root, rootFoundBy: foundBy, ...(config ? { config } : {}), skipped };
}

function realOrSelf(path: string): string {
    return realPathOf(path) ?? path;
}

/**
 * Symbolic links are judged by where they lead, as the language server judges them: a link to
 * a file or folder inside the workspace is followed, a link out of it is a problem (a cloned
 * repository could otherwise make the tools read, and report on, any file of the machine).
 */
function walk(directory: string, cwd: string, found: Map<string, string>, problems: string[], visited: Set<string>, config: LoadedConfig | undefined, realRoot: string): void {
    let real: string;
    try {
        real = realpathSync(directory);
    } catch (error) {
        problems.push(`${display(directory, cwd)}: ${describe(error)}`);
        return;
    }
    if (visited.has(real)) {
        // A symbolic link back into a folder already walked: its files are already in.
        return;
    }
    visited.add(real);
    let entries;
    try {
        entries = readdirSync(directory, { withFileTypes: true });
    } catch (error) {
        problems.push(`${display(directory, cwd)}: ${describe(error)}`);
        return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
        const path = join(directory, entry.name);
        if (isIgnored(path, config)) {
            continue;
        }
        let isDirectory = entry.isDirectory();
        let isFile = entry.isFile();
        if (entry.isSymbolicLink()) {
            const target = statOrReport(path, display(path, cwd), problems, entry.name.endsWith('.aims'));
            if (!target) {
                continue;
            }
            isDirectory = target.isDirectory();
            isFile = target.isFile();
            const lead = realOrSelf(path);
            const relevant = isDirectory ? !entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name) : entry.name.endsWith('.aims');
            if (relevant && !isInside(lead, realRoot)) {
                problems.push(`${display(path, cwd)}: symbolic link to ${lead}, outside the workspace; links out of the workspace are not followed (copy the ${isDirectory ? 'folder' : 'file'} in, or remove the link)`);
                continue;
            }
        }
        if (isDirectory) {
            if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) {
                walk(path, cwd, found, problems, visited, config, realRoot);
            }
        } else if (isFile && entry.name.endsWith('.aims') && !found.has(path)) {
            found.set(path, display(path, cwd));
        }
    }
}

/**
 * `stat` a path; on failure record why under the name the user knows. A broken link found while
 * walking matters only when it looks like an `.aims` file (`report`), otherwise it is skipped.
 */
function statOrReport(path: string, shown: string, problems: string[], report = true): Stats | undefined {
    try {
        return statSync(path);
    } catch (error) {
        if (report) {
            const broken = (error as NodeJS.ErrnoException).code === 'ENOENT' && isLink(path);
            problems.push(`${shown}: ${describe(error)}${broken ? ' (broken symbolic link)' : ''}`);
        }
        return undefined;
    }
}

function isLink(path: string): boolean {
    try {
        return lstatSync(path).isSymbolicLink();
    } catch {
        return false;
    }
}

/** The file's text, or undefined with a problem recorded: too large, binary, not UTF-8, unreadable. */
function readAimsFile(path: string, shown: string, problems: string[], size: number | undefined): string | undefined {
    let bytes: Buffer;
    try {
        // No size: the file could not be asked, and reading it says why.
        if (size !== undefined && size > MAX_FILE_BYTES) {
            problems.push(`${shown}: file too large (${mebibytes(size)}); the limit for .aims files is ${mebibytes(MAX_FILE_BYTES)}`);
            return undefined;
        }
        bytes = readFileSync(path);
    } catch (error) {
        problems.push(`${shown}: ${describe(error)}`);
        return undefined;
    }
    if (bytes.includes(0)) {
        problems.push(`${shown}: binary file (it contains NUL bytes); .aims files are UTF-8 text`);
        return undefined;
    }
    try {
        // `fatal`: refuse text we would otherwise silently change (replacement characters).
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
        problems.push(`${shown}: not UTF-8 text; save the file as UTF-8`);
        return undefined;
    }
}

/** A system error as a short lower-case phrase (`no such file or directory`), without the errno code. */
function describe(error: unknown): string {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    switch (code) {
        case 'ENOENT': return 'no such file or directory';
        case 'EACCES':
        case 'EPERM': return 'permission denied';
        case 'EISDIR': return 'is a directory';
        case 'ENOTDIR': return 'a part of the path is not a directory';
        case 'ELOOP': return 'too many symbolic links';
        case 'EMFILE':
        case 'ENFILE': return 'too many open files';
        default: return error instanceof Error ? error.message : String(error);
    }
}

/** A path as the user would type it from `cwd`. */
export function display(path: string, cwd: string): string {
    const rel = relative(cwd, path);
    return rel === '' ? '.' : rel;
}

/** The deepest directory containing all `directories`. */
function commonDirectory(directories: readonly string[]): string {
    let common = directories[0].split(sep);
    for (const directory of directories.slice(1)) {
        const parts = directory.split(sep);
        let i = 0;
        while (i < common.length && i < parts.length && common[i] === parts[i]) {
            i++;
        }
        common = common.slice(0, i);
    }
    return common.join(sep) || sep;
}
