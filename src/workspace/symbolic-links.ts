/**
 * Symbolic links are judged by where they lead, the same way by every face: a link that leads
 * inside the workspace is followed like the file or folder it points at, one that leads out of it
 * is not (the CLI refuses it with exit code 2, see cli/workspace-loader.ts; the language server
 * leaves it out of the workspace; an evidence path through it is not evidence). Node only: the
 * browser build has no file system and never asks.
 */
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';

/** The path with every link on the way resolved, or undefined when it leads nowhere (a broken link). */
export function realPathOf(path: string): string | undefined {
    try {
        return realpathSync(path);
    } catch {
        return undefined;
    }
}

/** Whether `path` is `root` or below it; both as real paths. */
export function isInside(path: string, root: string): boolean {
    const rel = relative(root, path);
    return rel === '' || (rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel));
}

/**
 * Where `path` really leads when that is outside `root` (both compared as real paths), else
 * undefined: also for paths that lead nowhere, which the caller reports as missing.
 */
export function leadsOutside(path: string, root: string): string | undefined {
    const real = realPathOf(path);
    const realRoot = realPathOf(root) ?? root;
    return real !== undefined && !isInside(real, realRoot) ? real : undefined;
}
