/**
 * The root that code-scanning paths are relative to: GitHub resolves SARIF `%SRCROOT%` and
 * annotation `file=` against the checkout, which is the git repository root.
 */
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { gitRepositoryRoot } from '../workspace/git.js';

export { gitRepositoryRoot };

/** `git rev-parse --show-toplevel` from `cwd`, or `cwd` itself when git is missing or it is no repository. */
export function repositoryRoot(cwd: string): string {
    return gitRepositoryRoot(cwd) ?? realpathSync(cwd);
}

/**
 * `path` relative to `root` with forward slashes, or undefined when it lies outside. Both are
 * compared as real paths, since git reports the root with symbolic links resolved.
 */
export function pathFromRoot(path: string, root: string): string | undefined {
    let real = path;
    try {
        real = realpathSync(path);
    } catch {
        // Keep the path as given; it was readable a moment ago.
    }
    const rel = relative(root, real);
    if (rel === '' || rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel)) {
        return undefined;
    }
    return rel.split(sep).join('/');
}
