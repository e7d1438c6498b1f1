/** A file cannot drive the terminal or the CI log that shows its findings. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeControlCharacters } from '../../src/cli/terminal-text.js';
import { runAims } from './run-aims.js';

describe('control characters in terminal output', () => {
    let dir: string;
    beforeAll(() => {
        dir = mkdtempSync(join(tmpdir(), 'aims-terminal-'));
        // ESC c clears the screen, ESC ]0; sets the window title, BEL rings, U+202E reverses text.
        writeFileSync(join(dir, 'main.aims'), 'person a "A"\nrisk r "R" { owner a\u001bc\u001b]0;pwned\u0007\u202Eb }\n');
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it.each(['text', 'github'])('--format %s writes them escaped', format => {
        const run = runAims(['validate', '--format', format, '--today', '2026-06-01', '.'], { cwd: dir });
        expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
        expect(run.stdout).toContain("'\\x1B'");
        expect(run.stdout).toContain('\\x07\\u202E');
    });

    it('escapes C0 and C1 controls, DEL and bidirectional overrides, and keeps tabs, newlines and other text', () => {
        expect(escapeControlCharacters('a\u001b[2Jb\u0007\u009b\u007f\u202e\u2066\tc\nd é 😀')).toBe('a\\x1B[2Jb\\x07\\x9B\\x7F\\u202E\\u2066\tc\nd é 😀');
    });
});
