/**
 * Which evidence locations the tools turn into something a user can follow: a document link in
 * the editor, an `href` in an OSCAL export. A file's author is not trusted, so only web
 * addresses (`http:`, `https:`) and relative paths that stay inside the workspace qualify.
 * `javascript:`, `data:`, `command:`, `vscode:`, `file:` and every other scheme would run or
 * open something on the reader's machine; they get `aims/evidence-url-scheme` instead.
 */

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

/** The schemes a link may have. */
export const LINKABLE_SCHEMES: readonly string[] = ['http', 'https'];

/** `javascript` for `javascript:alert(1)`; undefined for a text without a scheme or a Windows drive (`C:\`). */
export function urlScheme(text: string): string | undefined {
    const match = SCHEME.exec(text.trim());
    return match && match[1].length > 1 ? match[1].toLowerCase() : undefined;
}

/** The normalised address of an http or https URL, or undefined for anything else. */
export function linkableUrl(text: string): string | undefined {
    const scheme = urlScheme(text);
    if (!scheme || !LINKABLE_SCHEMES.includes(scheme)) {
        return undefined;
    }
    try {
        const url = new URL(text.trim());
        return url.host ? url.href : undefined;
    } catch {
        return undefined;
    }
}

/** Whether a path is relative and never climbs above the folder it is relative to. */
export function staysInside(path: string): boolean {
    const text = path.trim();
    if (text === '' || /^[\\/]/.test(text) || /^[A-Za-z]:/.test(text) || urlScheme(text)) {
        return false;
    }
    let depth = 0;
    for (const segment of text.split(/[\\/]+/)) {
        if (segment === '..') depth--;
        else if (segment !== '.' && segment !== '') depth++;
        if (depth < 0) return false;
    }
    return true;
}
