/**
 * Reading a command's input file (an OSCAL catalog, a CSV sheet) and writing its result to the
 * file named by `--out` (reports, OSCAL exports), with clear errors for both.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { CliError, stringOption, type CliOutput, type CommandInput } from './cli-command.js';
import { display } from './workspace-loader.js';

/** Write `text` to `path` (relative to `cwd`), creating missing folders; a clear error if that fails. */
export function writeOutputFile(path: string, cwd: string, text: string): void {
    const absolute = resolve(cwd, path);
    try {
        mkdirSync(dirname(absolute), { recursive: true });
        writeFileSync(absolute, text, 'utf8');
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const reason = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'permission denied'
            : code === 'EISDIR' ? 'is a directory'
            : code === 'ENOTDIR' || code === 'EEXIST' ? 'a part of the path is not a directory'
            : code === 'ENOENT' ? 'the folder cannot hold new files'
            : code === 'ENOSPC' ? 'no space left on the device'
            : error instanceof Error ? error.message : String(error);
        // An absolute path stays absolute: `../../proc/x.html` would only puzzle.
        throw new CliError(`cannot write ${isAbsolute(path) ? path : display(absolute, cwd)}: ${reason}`);
    }
}

/** A command's result: to the file of `--out` if given, else to standard output. */
export function writeCommandOutput(input: CommandInput, out: CliOutput, text: string): void {
    const target = stringOption(input, 'out');
    if (target === undefined) {
        out.stdout(text);
    } else {
        writeOutputFile(target, input.cwd, text);
    }
}

/**
 * The text of the file a command reads (`path` relative to `cwd`), or a clear error that names
 * it. A file larger than `maxBytes` is refused before it is read.
 */
export function readInputFile(path: string, cwd: string, maxBytes = Number.POSITIVE_INFINITY): string {
    const absolute = resolve(cwd, path);
    const shown = isAbsolute(path) ? path : display(absolute, cwd);
    let size: number | undefined;
    try {
        size = statSync(absolute).size;
    } catch {
        // readFileSync below says why the file cannot be read.
    }
    if (size !== undefined && size > maxBytes) {
        throw new CliError(`${shown}: larger than ${maxBytes / 1024 / 1024} MiB, not read`);
    }
    try {
        return readFileSync(absolute, 'utf8');
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory'
            : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
            : error instanceof Error ? error.message : String(error);
        throw new CliError(`cannot read ${shown}: ${reason}`);
    }
}
