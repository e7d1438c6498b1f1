/**
 * The one way the tools run git. Every call goes through `runGit`, which switches off the
 * repository settings that make git start other programs (a file-system monitor, a pager,
 * external diff and text conversion drivers), so that reading a cloned repository, which may
 * carry any `.git/config`, never runs code from it. The CLI (repository root, `aims diff`) and
 * the reports (the commit a report describes) use it.
 */
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';

/** `-c` settings put before every git command: none of these may start a program. */
const SAFE_CONFIG = [
    'core.fsmonitor=false',
    'core.pager=cat',
    'diff.external=',
    'core.hooksPath=/dev/null'
];

export interface GitOptions {
    /** Milliseconds before git is stopped (default 10 s). */
    readonly timeout?: number;
    /** Bytes of output accepted (default 64 MiB, enough for a large `.aims` file). */
    readonly maxBuffer?: number;
}

/**
 * `git <args>` in `cwd`, its stdout as text. Throws when git is missing, fails or times out;
 * callers decide what that means (usually: not a repository).
 */
export function runGit(cwd: string, args: readonly string[], options: GitOptions = {}): string {
    return execFileSync('git', [...SAFE_CONFIG.flatMap(setting => ['-c', setting]), '--no-pager', ...args], {
        cwd,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
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
