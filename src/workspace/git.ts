/**
 * The one way the tools run git. A cloned repository is untrusted input: its `.git/config` can
 * name commands that git runs on its own (`core.fsmonitor` on `git status`, hooks on index
 * updates, `log.showSignature` running gpg, external diff and text conversion drivers, clean
 * filters when git compares file contents). Every call therefore
 * - switches those settings off on the command line (`-c`, which overrides the repository),
 * - uses plumbing commands that never refresh or write the index, and
 * - compares file contents itself (`hash-object --no-filters`), never through a filter.
 * Anything that needs git (report provenance, SARIF paths, `aims diff`) goes through `runGit`.
 * Node only: the language core itself never imports this file.
 */
import { execFileSync } from 'node:child_process';

/** Settings that would let a repository's own configuration run a command. */
export const GIT_HARDENING: readonly string[] = [
    '-c', 'core.fsmonitor=false',
    '-c', 'core.hooksPath=/dev/null',
    '-c', 'core.untrackedCache=false',
    '-c', 'core.pager=cat',
    '-c', 'log.showSignature=false',
    '-c', 'diff.external=',
    '-c', 'core.sshCommand=',
    '-c', 'credential.helper=',
    '-c', 'protocol.allow=never'
];

export interface GitOptions {
    /** Bytes git may write to standard input, e.g. paths for `--stdin-paths`. */
    readonly input?: string;
    readonly timeoutMs?: number;
}

/**
 * `git -C cwd <hardening> args...`, its standard output (not trimmed). Throws if git is missing,
 * fails or takes longer than the timeout (10 s). Never prompts: no terminal, `GIT_TERMINAL_PROMPT=0`.
 */
export function runGit(cwd: string, args: readonly string[], options: GitOptions = {}): string {
    return execFileSync('git', ['-C', cwd, ...GIT_HARDENING, ...args], {
        encoding: 'utf8',
        input: options.input,
        stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'ignore'],
        timeout: options.timeoutMs ?? 10_000,
        maxBuffer: 256 * 1024 * 1024,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_PAGER: 'cat' }
    });
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
