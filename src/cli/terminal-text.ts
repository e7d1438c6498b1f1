/**
 * Text from a file, shown in a terminal or a CI log, must not drive that terminal: an ESC in a
 * title could clear the screen or set the window title, a BEL ring, a bidirectional override
 * reorder what a reviewer reads. Every such character is written as a visible escape (`\x1B`,
 * `\u202E`), so the line shows what the file holds and does nothing else.
 */

/** C0 controls but tab, DEL, C1 controls, and the bidirectional embedding/override/isolate marks. */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

export function escapeControlCharacters(text: string): string {
    return text.replace(CONTROL, c => {
        const code = c.charCodeAt(0);
        return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    });
}
