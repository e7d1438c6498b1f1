/**
 * How large an `.aims` file may be, for every face: the CLI refuses larger files before reading
 * them (exit 2), the language server reads them as an empty model with one diagnostic that says
 * why (see parser/aims-parser.ts). An AIMS is hand-written text: megabytes mean a mistake, and a
 * 100 MB file would take minutes and gigabytes to build.
 */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** `8 MiB`, `12.5 MiB`. */
export function mebibytes(bytes: number): string {
    const value = bytes / (1024 * 1024);
    return `${Number.isInteger(value) ? value : value.toFixed(1)} MiB`;
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
