/**
 * How large an `.aims` file may be, for every face: the CLI refuses larger files before reading
 * them (exit 2), the language server reads them as an empty model with one diagnostic that says
 * why (see parser/aims-parser.ts). An AIMS is hand-written text: megabytes mean a mistake, and a
 * 100 MB file would take minutes and gigabytes to build.
 */
import { statSync } from 'node:fs';

export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/**
 * How much `.aims` text one workspace may hold, for every face: the memory bound. A build keeps
 * about 30 bytes of heap per source byte (bench/README.md), so 64 MiB stays near 2 GB, and a
 * 10,000-file monorepo of 50 MB fits. The CLI refuses a larger workspace (exit 2); the language
 * server loads files in path order up to the limit and says which it left out. A workspace that
 * knowingly needs more sets AIMS_MAX_WORKSPACE_MIB for both.
 */
export const MAX_WORKSPACE_BYTES = 64 * 1024 * 1024;

export function workspaceByteLimit(): number {
    const configured = typeof process === 'undefined' ? undefined : Number(process.env.AIMS_MAX_WORKSPACE_MIB);
    return configured !== undefined && Number.isFinite(configured) && configured > 0 ? configured * 1024 * 1024 : MAX_WORKSPACE_BYTES;
}

/** The files that fit the workspace limit in the order given (`kept`), those after it (`left`), and the bytes of all of them. */
export function withinWorkspaceLimit<T>(files: readonly T[], sizeOf: (file: T) => number, limit = workspaceByteLimit()): { kept: T[]; left: T[]; total: number } {
    const kept: T[] = [];
    const left: T[] = [];
    let total = 0;
    for (const file of files) {
        // A file over the per-file limit is not parsed (one diagnostic), so it costs no model.
        const size = sizeOf(file);
        total += size > MAX_FILE_BYTES ? 0 : size;
        (total <= limit ? kept : left).push(file);
    }
    return { kept, left, total };
}

/** The size of a file in bytes, or undefined when it cannot be asked (it is reported when it is read). */
export function fileSize(path: string): number | undefined {
    try {
        return statSync(path).size;
    } catch {
        return undefined;
    }
}

/** `8 MiB`, `12.5 MiB`; below a mebibyte `3 KiB`, `2.5 KiB`. */
export function mebibytes(bytes: number): string {
    const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KiB'] : [bytes / (1024 * 1024), 'MiB'];
    return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
}

/** The UTF-8 size of a text, without encoding it. */
export function utf8Bytes(text: string): number {
    let bytes = 0;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code < 0x80) bytes += 1;
        else if (code < 0x800) bytes += 2;
        else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { bytes += 4; i++; }
        else bytes += 3;
    }
    return bytes;
}
