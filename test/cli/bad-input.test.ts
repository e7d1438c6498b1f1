import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAims, type AimsRun } from './run-aims.js';

const GOOD = 'person alice "Alice Brennan" { role "Head of AI governance" }\n';
let dir = '';
/** One folder per unreadable file, since the workspace of a file is its whole folder; `all/` holds them together. */
let bad = '';

beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'aims-cli-bad-'));
    writeFileSync(join(dir, 'good.aims'), GOOD);
    writeFileSync(join(dir, 'notes.md'), '# not an AIMS file\n');
    mkdirSync(join(dir, 'empty'));
    bad = mkdtempSync(join(tmpdir(), 'aims-cli-unreadable-'));
    for (const folder of ['junk', 'latin1', 'huge', 'dangling', 'all']) {
        mkdirSync(join(bad, folder));
    }
    for (const folder of ['junk', 'all']) {
        writeFileSync(join(bad, folder, 'junk.aims'), Buffer.from([0x70, 0x65, 0x72, 0x00, 0x01, 0xff, 0x00]));
    }
    for (const folder of ['latin1', 'all']) {
        writeFileSync(join(bad, folder, 'latin1.aims'), Buffer.from('person rene "Ren\xe9" {}\n', 'latin1'));
    }
    // 10 MB of plausible text: refused on its size before it is read.
    for (const folder of ['huge', 'all']) {
        writeFileSync(join(bad, folder, 'huge.aims'), GOOD.repeat(Math.ceil(10_000_000 / GOOD.length)));
    }
    for (const folder of ['dangling', 'all']) {
        symlinkSync(join(bad, folder, 'gone.aims'), join(bad, folder, 'dangling.aims'));
    }
    mkdirSync(join(bad, 'locked'));
    writeFileSync(join(bad, 'locked', 'secret.aims'), GOOD);
    chmodSync(join(bad, 'locked', 'secret.aims'), 0o000);
});
afterAll(() => [dir, bad].forEach(folder => rmSync(folder, { recursive: true, force: true })));

/** A refused input: exit 2, exactly the expected message on stderr, nothing on stdout, no trace. */
function expectRefused(run: AimsRun, stderr: string): void {
    expect(run.stderr).toBe(stderr);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(2);
}

describe('aims validate: unreadable input', () => {
    it('refuses a path that does not exist', () => {
        expectRefused(runAims(['validate', 'missing.aims'], { cwd: dir }), 'aims: missing.aims: no such file or directory\n');
    });

    it('skips a file that is not an .aims file, saying so, as `aims validate $(git diff --name-only)` needs', () => {
        const run = runAims(['validate', 'notes.md', 'good.aims'], { cwd: dir });
        expect(run.stderr).toBe('aims: notes.md: not an .aims file, skipped\n');
        expect(run.stdout).toBe('0 errors, 0 warnings in 1 file; workspace . (folder of the paths)\n');
        expect(run.code).toBe(0);
    });

    it('refuses binary junk', () => {
        expectRefused(runAims(['validate', 'junk.aims'], { cwd: join(bad, 'junk') }),
            'aims: junk.aims: binary file (it contains NUL bytes); .aims files are UTF-8 text\n');
    });

    it('refuses text that is not UTF-8 instead of changing it', () => {
        expectRefused(runAims(['validate', 'latin1.aims'], { cwd: join(bad, 'latin1') }), 'aims: latin1.aims: not UTF-8 text; save the file as UTF-8\n');
    });

    it('refuses a file above the 8 MiB limit, naming its size', () => {
        expectRefused(runAims(['validate', 'huge.aims'], { cwd: join(bad, 'huge') }),
            'aims: huge.aims: file too large (9.5 MiB); the limit for .aims files is 8 MiB\n');
    });

    it('refuses a symbolic link to a file that is gone', () => {
        expectRefused(runAims(['validate', 'dangling.aims'], { cwd: join(bad, 'dangling') }),
            'aims: dangling.aims: no such file or directory (broken symbolic link)\n');
    });

    it('refuses a directory without .aims files', () => {
        expectRefused(runAims(['validate', 'empty'], { cwd: dir }),
            'aims: empty: no .aims files in this directory (dot-folders, node_modules, out and ignored paths are skipped)\n');
    });

    // Root reads files whatever their mode, so the test only means something for other users.
    it.skipIf(process.getuid?.() === 0)('refuses a file it may not read', () => {
        expectRefused(runAims(['validate', join('locked', 'secret.aims')], { cwd: bad }), 'aims: locked/secret.aims: permission denied\n');
    });

    it('lists every unreadable file of a directory, one line each, and validates nothing', () => {
        const run = runAims(['validate', '.'], { cwd: join(bad, 'all') });
        const lines = run.stderr.trimEnd().split('\n');
        expect(lines).toEqual(expect.arrayContaining([
            'aims: dangling.aims: no such file or directory (broken symbolic link)',
            'aims: huge.aims: file too large (9.5 MiB); the limit for .aims files is 8 MiB',
            'aims: junk.aims: binary file (it contains NUL bytes); .aims files are UTF-8 text',
            'aims: latin1.aims: not UTF-8 text; save the file as UTF-8'
        ]));
        expect(lines.every(line => line.startsWith('aims: '))).toBe(true);
        expect(run.stdout).toBe('');
        expect(run.code).toBe(2);
    });

    it('validates readable files normally next to these', () => {
        const run = runAims(['validate', 'good.aims'], { cwd: dir });
        expect(run.stdout).toBe('0 errors, 0 warnings in 1 file; workspace . (folder of the paths)\n');
        expect(run.code).toBe(0);
    });
});

describe('aims: bad usage', () => {
    const usage = (run: AimsRun, message: string, hint = "Run 'aims validate --help' for usage.") => {
        expectRefused(run, `aims: ${message}\n${hint}\n`);
    };

    it('rejects a date that does not exist', () => {
        usage(runAims(['validate', 'good.aims', '--today', '2026-02-30'], { cwd: dir }),
            "--today '2026-02-30' is not a date; write it as YYYY-MM-DD, e.g. 2026-06-01");
    });

    it('rejects a date in another format', () => {
        usage(runAims(['validate', '--today', '01/06/2026'], { cwd: dir }),
            "--today '01/06/2026' is not a date; write it as YYYY-MM-DD, e.g. 2026-06-01");
    });

    it('rejects an option without its value', () => {
        usage(runAims(['validate', '--today'], { cwd: dir }), '--today needs a value');
    });

    it('rejects an unknown format, listing the formats', () => {
        usage(runAims(['validate', '--format', 'xml'], { cwd: dir }), "unknown format 'xml'; use one of: text, json, sarif, github, gitlab");
    });

    it('rejects a negative or non-numeric --max-warnings', () => {
        usage(runAims(['validate', '--max-warnings=-1'], { cwd: dir }), "--max-warnings needs a whole number of 0 or more, not '-1'");
        usage(runAims(['validate', '--max-warnings', 'ten'], { cwd: dir }), "--max-warnings needs a whole number of 0 or more, not 'ten'");
        usage(runAims(['validate', '--expiry-window', '2.5'], { cwd: dir }), "--expiry-window needs a whole number of 0 or more, not '2.5'");
    });

    it('rejects an unknown option, suggesting the closest one', () => {
        usage(runAims(['validate', '--max-warning', '3'], { cwd: dir }), "unknown option '--max-warning' for 'aims validate'; did you mean '--max-warnings'?");
        usage(runAims(['validate', '--colour'], { cwd: dir }), "unknown option '--colour' for 'aims validate'");
    });

    it('points the listing commands\' --format to their --json flag', () => {
        usage(runAims(['catalog', 'nist', '--format', 'json']), "unknown option '--format' for 'aims catalog'; for JSON output use '--json'",
            "Run 'aims catalog --help' for usage.");
        usage(runAims(['crosswalk', '-f', 'json']), "unknown option '-f' for 'aims crosswalk'; for JSON output use '--json'",
            "Run 'aims crosswalk --help' for usage.");
    });

    it('rejects an unknown command, suggesting the closest one', () => {
        usage(runAims(['valdate']), "unknown command 'valdate'; did you mean 'validate'?", "Run 'aims --help' for usage.");
        usage(runAims(['frobnicate']), "unknown command 'frobnicate'", "Run 'aims --help' for usage.");
    });

    it('rejects an unknown global option', () => {
        usage(runAims(['--verbose']), "unknown option '--verbose'", "Run 'aims --help' for usage.");
    });

    it('prints the help on stderr and exits 2 without a command', () => {
        const run = runAims([]);
        expect(run.stderr).toContain('Usage: aims <command> [options]');
        expect(run.stdout).toBe('');
        expect(run.code).toBe(2);
    });

    it('rejects too many or too few arguments', () => {
        usage(runAims(['catalog']), "'aims catalog' needs 1 argument: aims catalog <annex-a|clauses|annex-c|nist|eu-ai-act|iso27001> [--json]",
            "Run 'aims catalog --help' for usage.");
        usage(runAims(['catalog', 'nist', 'annex-a']), "unexpected argument 'annex-a' for 'aims catalog'", "Run 'aims catalog --help' for usage.");
        usage(runAims(['crosswalk', 'GOVERN', '1.1', 'A.2.2']), "unexpected argument 'A.2.2' for 'aims crosswalk'", "Run 'aims crosswalk --help' for usage.");
    });

    it('rejects a value for a flag', () => {
        usage(runAims(['catalog', 'nist', '--json=yes']), "option '--json' does not take an argument", "Run 'aims catalog --help' for usage.");
    });
});

describe('aims report: unwritable output', () => {
    it('names the output path as given, with the reason, and exits 2', () => {
        // A regular file where a folder is needed; the absolute path stays absolute in the message.
        const target = join(dir, 'notes.md', 'report.html');
        expectRefused(runAims(['report', 'good.aims', '--out', target], { cwd: dir }),
            `aims: cannot write ${target}: a part of the path is not a directory\n`);
    });
});
