import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runAims } from './run-aims.js';

const crosswalkData = JSON.parse(readFileSync(join(REPO_ROOT, 'src/catalog/data/crosswalk-nist-iso42001.json'), 'utf8'));

function json(args: string[]): any {
    const run = runAims(args);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout);
}

describe('aims catalog --json', () => {
    it('lists the 38 Annex A controls under their 9 objectives', () => {
        const entries = json(['catalog', 'annex-a', '--json']);
        const controls = entries.filter((e: any) => e.kind === 'annex-a-control');
        expect(controls).toHaveLength(38);
        expect(entries.filter((e: any) => e.kind === 'annex-a-group')).toHaveLength(9);
        expect(controls[0].id).toBe('A.2.2');
        expect(controls.at(-1).id).toBe('A.10.4');
        const verification = controls.find((c: any) => c.id === 'A.6.2.4');
        expect(verification).toMatchObject({ title: 'AI system verification and validation', objective: 'A.6' });
        expect(typeof verification.summary).toBe('string');
        // Parents come before their children.
        expect(entries.findIndex((e: any) => e.id === 'A.6')).toBeLessThan(entries.findIndex((e: any) => e.id === 'A.6.2.4'));
    });

    it('marks which clauses ask for documented information', () => {
        const clauses = json(['catalog', 'clauses', '--json']);
        expect(clauses.find((c: any) => c.id === '4.3')).toMatchObject({ title: 'Determining the scope of the AI management system', parent: '4', documentedInformationRequired: true });
        expect(clauses.find((c: any) => c.id === '4.1').documentedInformationRequired).toBe(false);
        // Heading clauses have neither a parent nor the flag.
        expect(clauses.find((c: any) => c.id === '4')).toEqual(expect.not.objectContaining({ parent: expect.anything() }));
        expect(clauses.find((c: any) => c.id === '4')).not.toHaveProperty('documentedInformationRequired');
    });

    it('gives NIST subcategories their function and category', () => {
        const nist = json(['catalog', 'nist', '--json']);
        expect(nist.filter((e: any) => e.kind === 'nist-subcategory')).toHaveLength(72);
        expect(nist.filter((e: any) => e.kind === 'nist-function').map((e: any) => e.id)).toEqual(['GOVERN', 'MAP', 'MEASURE', 'MANAGE']);
        expect(nist.find((e: any) => e.id === 'MEASURE 2.7')).toMatchObject({ kind: 'nist-subcategory', function: 'MEASURE', category: 'MEASURE 2' });
        expect(nist.find((e: any) => e.id === 'MAP 1')).toMatchObject({ kind: 'nist-category', function: 'MAP' });
    });

    it('lists Annex C objectives and risk sources, and EU AI Act articles and Annex III areas', () => {
        const annexC = json(['catalog', 'annex-c', '--json']);
        expect(annexC.find((e: any) => e.id === 'C.2.5')).toMatchObject({ kind: 'annex-c-objective', parent: 'C.2' });
        expect(annexC.some((e: any) => e.kind === 'risk-source')).toBe(true);
        const euAiAct = json(['catalog', 'eu-ai-act', '--json']);
        expect(euAiAct.find((e: any) => e.id === 'Article 9')).toMatchObject({ kind: 'eu-article', title: 'Risk management system' });
        expect(euAiAct.filter((e: any) => e.kind === 'annex-iii-area')).toHaveLength(8);
        expect(euAiAct.filter((e: any) => e.kind === 'eu-article')).toHaveLength(113);
        expect(euAiAct.find((e: any) => e.id === 'Article 9')).toMatchObject({ parent: 'Chapter III', appliesFrom: '2026-08-02', context: 'Chapter III Section 2: Requirements for high-risk AI systems' });
        expect(euAiAct.find((e: any) => e.id === '5(b)')).toMatchObject({ kind: 'annex-iii-subpoint', parent: '5', quote: expect.stringContaining('creditworthiness of natural persons') });
        expect(euAiAct.find((e: any) => e.id === 'Article 5(1)(c)')).toMatchObject({ kind: 'eu-provision', parent: 'Article 5', appliesFrom: '2025-02-02' });
    });

    it('gives every entry an id, a title and a summary', () => {
        for (const name of ['annex-a', 'clauses', 'annex-c', 'nist', 'eu-ai-act']) {
            for (const entry of json(['catalog', name, '--json'])) {
                expect(entry.id, name).toEqual(expect.any(String));
                expect(entry.title, `${name} ${entry.id}`).toEqual(expect.any(String));
                expect(entry.summary.length, `${name} ${entry.id}`).toBeGreaterThan(0);
            }
        }
    });
});

describe('aims catalog (table)', () => {
    it('prints an aligned table with a header row', () => {
        const run = runAims(['catalog', 'annex-a']);
        const lines = run.stdout.trimEnd().split('\n');
        expect(lines[0]).toMatch(/^ID\s+OBJECTIVE\s+TITLE$/);
        expect(lines).toHaveLength(1 + 47);
        const titleColumn = lines[0].indexOf('TITLE');
        const control = lines.find(l => l.startsWith('A.6.2.4 '))!;
        expect(control.slice(titleColumn)).toBe('AI system verification and validation');
        expect(control).toMatch(/^A\.6\.2\.4\s+A\.6\s+/);
        expect(run.code).toBe(0);
    });

    it('refuses an unknown catalog, listing the valid names', () => {
        const run = runAims(['catalog', 'iso27002']);
        expect(run.stderr).toBe("aims: unknown catalog 'iso27002'; the catalogs are: annex-a, clauses, annex-c, nist, eu-ai-act, iso27001\nRun 'aims catalog --help' for usage.\n");
        expect(run.code).toBe(2);
    });
});

describe('aims catalog iso27001', () => {
    it('lists the 4 themes and 93 controls of ISO/IEC 27001:2022 Annex A under their prefix', () => {
        const run = runAims(['catalog', 'iso27001', '--json']);
        expect(run.code).toBe(0);
        const entries = JSON.parse(run.stdout) as Array<{ id: string; kind: string; theme?: string }>;
        expect(entries.filter(e => e.kind === 'iso27001-theme').map(e => e.id)).toEqual(['27001:A.5', '27001:A.6', '27001:A.7', '27001:A.8']);
        expect(entries.filter(e => e.kind === 'iso27001-control')).toHaveLength(93);
        expect(entries.find(e => e.id === '27001:A.5.15')).toMatchObject({ title: 'Access control', theme: '27001:A.5' });
    });
});

describe('aims crosswalk', () => {
    it('prints the crosswalk data as JSON: 277 pairs over 72 subcategories', () => {
        const pairs = json(['crosswalk', '--json']);
        expect(pairs).toEqual(crosswalkData.pairs);
        expect(pairs).toHaveLength(72);
        expect(pairs.reduce((sum: number, p: any) => sum + p.iso.length, 0)).toBe(277);
        expect(pairs[0]).toEqual({ nist: 'GOVERN 1.1', iso: ['4.1', '6.2', 'A.2.2', 'A.2.4'] });
    });

    it('prints a readable table with a count', () => {
        const run = runAims(['crosswalk']);
        const lines = run.stdout.trimEnd().split('\n');
        expect(lines[0]).toMatch(/^NIST AI RMF\s+ISO\/IEC 42001$/);
        expect(lines[1]).toMatch(/^GOVERN 1\.1\s+4\.1, 6\.2, A\.2\.2, A\.2\.4$/);
        expect(lines.at(-1)).toBe('277 pairs over 72 subcategories');
    });

    it('--nist narrows to one subcategory, ignoring case and spacing', () => {
        expect(json(['crosswalk', '--nist', 'GOVERN 1.1', '--json'])).toEqual([{ nist: 'GOVERN 1.1', iso: ['4.1', '6.2', 'A.2.2', 'A.2.4'] }]);
        expect(json(['crosswalk', '--nist', 'govern  1.1', '--json'])).toEqual([{ nist: 'GOVERN 1.1', iso: ['4.1', '6.2', 'A.2.2', 'A.2.4'] }]);
    });

    it('--iso lists the subcategories mapped to a clause or control', () => {
        const pairs = json(['crosswalk', '--iso', 'A.6.2.4', '--json']);
        const expected = crosswalkData.pairs.filter((p: any) => p.iso.includes('A.6.2.4'));
        expect(pairs).toEqual(expected);
        expect(pairs.length).toBeGreaterThan(0);
    });

    it('refuses an id that is not in the catalog, with a suggestion', () => {
        const run = runAims(['crosswalk', '--nist', 'GOVERN 11']);
        expect(run.stderr).toBe("aims: --nist 'GOVERN 11' is not a NIST AI RMF subcategory; did you mean 'GOVERN 1.1'?\nRun 'aims crosswalk --help' for usage.\n");
        expect(run.code).toBe(2);
    });

    it('takes the id without an option, as typed in a shell: `aims crosswalk GOVERN 1.1`, `aims crosswalk A.6.2.4`', () => {
        expect(json(['crosswalk', 'GOVERN', '1.1', '--json'])).toEqual(json(['crosswalk', '--nist', 'GOVERN 1.1', '--json']));
        expect(json(['crosswalk', 'govern 1.1', '--json'])).toEqual(json(['crosswalk', '--nist', 'GOVERN 1.1', '--json']));
        expect(json(['crosswalk', 'A.6.2.4', '--json'])).toEqual(json(['crosswalk', '--iso', 'A.6.2.4', '--json']));
        expect(json(['crosswalk', '6.1.2', '--json'])).toEqual(json(['crosswalk', '--iso', '6.1.2', '--json']));

        const typo = runAims(['crosswalk', 'GOVERN', '11']);
        expect(typo.stderr).toBe("aims: 'GOVERN 11' is not a NIST AI RMF subcategory; did you mean 'GOVERN 1.1'?\nRun 'aims crosswalk --help' for usage.\n");
        expect(typo.code).toBe(2);
        const both = runAims(['crosswalk', 'A.6.2.4', '--nist', 'GOVERN 1.1']);
        expect(both.stderr).toContain('aims: give the id either as an argument or with --nist/--iso, not both');
        expect(both.code).toBe(2);
    });
});

describe('aims --help and --version', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));

    it('--version prints the package version', () => {
        expect(runAims(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    });

    it('--help lists every command and the exit codes', () => {
        const run = runAims(['--help']);
        expect(run.code).toBe(0);
        for (const command of ['validate', 'catalog', 'crosswalk']) {
            expect(run.stdout).toMatch(new RegExp(`^  ${command}\\s+\\S`, 'm'));
        }
        expect(run.stdout).toContain('Exit codes: 0');
    });

    it('<command> --help and help <command> show the command\'s options', () => {
        const run = runAims(['validate', '--help']);
        expect(run.code).toBe(0);
        expect(run.stdout).toMatch(/^Usage: aims validate \[options\] \[paths\.\.\.\]/);
        for (const option of ['--format FORMAT', '--today YYYY-MM-DD', '--expiry-window DAYS', '--max-warnings N', '--quiet']) {
            expect(run.stdout).toContain(option);
        }
        expect(runAims(['help', 'validate']).stdout).toBe(run.stdout);
        expect(runAims(['crosswalk', '-h']).stdout).toContain('--nist ID');
    });

    it('runs through the bin/aims.cjs shim', () => {
        expect(runAims(['--version'], { script: join(REPO_ROOT, 'bin', 'aims.cjs') }).stdout).toBe(`${pkg.version}\n`);
    });

    // The bundle carries an Object.groupBy polyfill so that `aims` also runs on Node 20.
    it.skipIf(!existsSync('/usr/bin/node'))('runs on the system Node as well', () => {
        const help = runAims(['--help'], { node: '/usr/bin/node' });
        expect(help.stderr).toBe('');
        expect(help.code).toBe(0);
        const run = runAims(['validate', 'test/fixtures/cli/clean', '--today', '2026-06-01'], { node: '/usr/bin/node' });
        expect(run).toEqual({ code: 0, stdout: '0 errors, 0 warnings in 3 files; workspace test/fixtures/cli/clean (aims.config.json)\n', stderr: '' });
    });
});
