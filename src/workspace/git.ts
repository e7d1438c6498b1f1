/**
 * The one way the tools run git. Every call goes through `runGit`, which switches off the
 * repository settings that make git start other programs (a file-system monitor, a pager,
 * external diff and text conversion drivers), so that reading a cloned repository, which may
 * carry any `.git/config`, never runs code from it. The CLI (repository root, `aims diff`) and
 * the reports (the commit a report describes) use it. Besides the settings, callers use plumbing
 * commands that never refresh or write the index (which can run hooks and clean filters), and
 * `workingTreeDiffers` compares file contents itself (`hash-object --no-filters`) instead of
 * asking `git status`.
 */
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';

/** `-c` settings put before every git command: none of these may start a program. */
const SAFE_CONFIG = [
    'core.fsmonitor=false',
    'core.untrackedCache=false',
    'core.pager=cat',
    'diff.external=',
    'core.hooksPath=/dev/null',
    // `git show` and `git log` would run gpg.program to check signatures.
    'log.showSignature=false',
    'core.sshCommand=',
    'credential.helper=',
    'protocol.allow=never'
];

export interface GitOptions {
    /** Milliseconds before git is stopped (default 10 s). */
    readonly timeout?: number;
    /** Bytes of output accepted (default 64 MiB, enough for a large `.aims` file). */
    readonly maxBuffer?: number;
    /** Text for git's standard input, e.g. paths for `--stdin-paths`. */
    readonly input?: string;
}

/**
 * `git <args>` in `cwd`, its stdout as text. Throws when git is missing, fails or times out;
 * callers decide what that means (usually: not a repository).
 */
export function runGit(cwd: string, args: readonly string[], options: GitOptions = {}): string {
    return execFileSync('git', [...SAFE_CONFIG.flatMap(setting => ['-c', setting]), '--no-pager', ...args], {
        cwd,
        encoding: 'utf8',
        input: options.input,
        stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
        timeout: options.timeout ?? 10_000,
        maxBuffer: options.maxBuffer ?? 64 * 1024 * 1024,
        env: {
            ...process.env,
            // Never wait for a password prompt, never take optional locks in someone's repository.
            GIT_TERMINAL_PROMPT: '0',
            GIT_OPTIONAL_LOCKS: '0',
            // Output in English and unpaged, whatever the user's environment says.
            LC_ALL: 'C',
            GIT_PAGER: 'cat'
        }
    });
}

/** The git error's own message (its stderr), for a one-line CLI error. */
export function gitErrorMessage(error: unknown): string {
    const stderr = (error as { stderr?: unknown } | undefined)?.stderr;
    const text = typeof stderr === 'string' ? stderr : Buffer.isBuffer(stderr) ? stderr.toString('utf8') : '';
    const line = text.split('\n').map(l => l.trim()).find(l => l !== '');
    if (line) {
        return line.replace(/^fatal:\s*/, '');
    }
    if ((error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
        return 'git is not installed (or not on the PATH)';
    }
    return error instanceof Error ? error.message : String(error);
}

/** The root of the git work tree holding `cwd` (a real path), or undefined outside one or without git. */
export function gitRepositoryRoot(cwd: string): string | undefined {
    try {
        const top = runGit(cwd, ['rev-parse', '--show-toplevel']).trim();
        if (top) {
            return realpathSync(top);
        }
    } catch {
        // Not a repository, or no git.
    }
    return undefined;
}

/**
 * Whether the files under `cwd` differ from the commit `HEAD`: a tracked file changed or missing,
 * or an untracked file that is not ignored. What `git status --porcelain -- .` would say, without
 * running anything the repository configures (fsmonitor, filters, hooks). Files kept through a
 * filter (Git LFS) count as changed, since their committed form differs from the working file.
 */
export function workingTreeDiffers(cwd: string): boolean {
    const untracked = runGit(cwd, ['ls-files', '-z', '--others', '--exclude-standard', '--', '.']);
    if (untracked.length > 0) {
        return true;
    }
    const inHead = new Set<string>();
    const committed = new Map<string, string>();
    for (const entry of runGit(cwd, ['ls-tree', '-r', '-z', '--full-name', 'HEAD', '--', '.']).split('\0')) {
        // `<mode> <type> <hash>\t<path>`, the path from the top of the repository, as hash-object
        // reads it. Contents are compared for regular files, not for symbolic links and submodules.
        const match = /^(\d+) \w+ ([0-9a-f]+)\t(.+)$/s.exec(entry);
        if (match) {
            inHead.add(match[3]);
            if (match[1] === '100644' || match[1] === '100755') {
                committed.set(match[3], match[2]);
            }
        }
    }
    const tracked = runGit(cwd, ['ls-files', '-z', '--full-name', '--', '.']).split('\0').filter(Boolean);
    if (tracked.length !== inHead.size || tracked.some(path => !inHead.has(path))) {
        return true; // added or removed in the index
    }
    const paths = [...committed.keys()];
    if (paths.length === 0) {
        return false;
    }
    let hashes: string[];
    try {
        hashes = runGit(cwd, ['hash-object', '--no-filters', '--stdin-paths'], { input: paths.join('\n') + '\n' }).trim().split('\n');
    } catch {
        return true; // a tracked file is missing
    }
    return paths.some((path, i) => hashes[i] !== committed.get(path));
}
