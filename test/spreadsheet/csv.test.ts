import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/spreadsheet/csv.js';
import { importSoa } from '../../src/spreadsheet/soa-sheet.js';
import { runAims } from '../cli/run-aims.js';
import { EXAMPLES } from '../report/report-workspace.js';

const TODAY = ['--today', '2026-11-28'];

function exampleCopy(): string {
    const dir = mkdtempSync(join(tmpdir(), 'aims-csv-'));
    cpSync(EXAMPLES, join(dir, 'aims'), { recursive: true });
    return join(dir, 'aims');
}

/** The findings of a JSON validate run, without where they are (the round trip moves the SoA). */
function findings(dir: string): string[] {
    const run = runAims(['validate', '--format', 'json', ...TODAY], { cwd: dir });
    const json = JSON.parse(run.stdout) as { diagnostics: Array<{ code: string; message: string }> };
    return json.diagnostics.map(d => `${d.code} ${d.message.replace(/[\w.-]+\.aims:\d+/g, '<at>')}`).sort();
}

describe('aims export csv', () => {
    it('writes the SoA as Excel opens it: BOM, CRLF, fixed columns, every Annex A control and the organisation controls', () => {
        const dir = exampleCopy();
        const run = runAims(['export', 'csv', '--kind', 'soa', ...TODAY], { cwd: dir });
        expect(run.code).toBe(0);
        expect(run.stdout.startsWith('\uFEFFControl,Title,Kind,Decision,Status,Owner,Justification,Note,Treats,Systems,Evidence\r\n')).toBe(true);
        const { records } = readCsv(run.stdout);
        expect(records).toHaveLength(39);
        expect(records.at(-1)!.values).toMatchObject({ Control: 'NWL.1', Kind: 'organisation', Decision: 'applicable' });
        // A justification with commas and quotes survives as one field.
        expect(records.find(r => r.values.Control === 'A.2.3')!.values.Justification).toContain('model risk, security, data protection');
    });

    it('writes the risk register and the coverage of NIST AI RMF and of the declared frameworks', () => {
        const dir = exampleCopy();
        const risks = readCsv(runAims(['export', 'csv', '--kind', 'risks', ...TODAY], { cwd: dir }).stdout);
        expect(risks.header.slice(0, 6)).toEqual(['Risk', 'Title', 'Systems', 'Sources', 'Affects', 'Assessed']);
        expect(risks.records).toHaveLength(11);
        const coverage = readCsv(runAims(['export', 'csv', '--kind', 'coverage', ...TODAY], { cwd: dir }).stdout);
        expect(coverage.records).toHaveLength(72 + 5);
        expect(coverage.records.find(r => r.values.Id === 'MEASURE 2.4')!.values).toMatchObject({ Coverage: 'Covered', Why: 'covered: subset-of A.6.2.6 (declared)' });
        expect(coverage.records.find(r => r.values.Id === 'NWL-MRS:M.2')!.values).toMatchObject({ Framework: 'NWL-MRS', Coverage: 'Not covered' });
    });
});

describe('aims import csv --kind soa', () => {
    it('round-trips: export, import, and the workspace reports the same findings', () => {
        const dir = exampleCopy();
        const before = findings(dir);
        const sheet = runAims(['export', 'csv', '--kind', 'soa', ...TODAY, '--out', 'soa.csv'], { cwd: dir });
        expect(sheet.code).toBe(0);
        const imported = runAims(['import', 'csv', '--kind', 'soa', 'soa.csv', '--out', 'soa-imported.aims'], { cwd: dir });
        expect(imported).toMatchObject({ code: 0, stdout: '', stderr: '39 entries imported, 0 rows not imported\n' });
        // Keep the organisation control and the approval; the entries now come from the sheet.
        const soa = readFileSync(join(dir, 'soa.aims'), 'utf8');
        const head = soa.slice(0, soa.indexOf('soa "'));
        writeFileSync(join(dir, 'soa.aims'), `${head}soa "Approval" {\n    approved 2026-09-24 by ai-board version "2026.2"\n}\n`);
        expect(findings(dir)).toEqual(before);
    });

    it('lists every row it cannot import, with its line and why, and exits 1', () => {
        const { records } = readCsv([
            'Control,Decision,Status,Owner',
            'A.2.2,applicable,implemented,alice',
            'A.2.3,maybe,,',
            'A.2.4,applicable,done,',
            ',applicable,,',
            'A.2.2,excluded,,',
            'A.3.2,missing,,',
            'A.3.3,applicable,,Jane Doe'
        ].join('\n'));
        const result = importSoa(records);
        expect(result.entries).toBe(1);
        expect(result.skipped).toEqual([
            { line: 3, reason: "A.2.3: decision 'maybe' is not one of applicable, excluded, undecided" },
            { line: 4, reason: "A.2.4: status 'done' is not one of planned, in-progress, implemented" },
            { line: 5, reason: 'no control id' },
            { line: 6, reason: 'A.2.2 was already imported from line 2' },
            { line: 7, reason: 'A.3.2: no decision (missing), so no entry' },
            { line: 8, reason: "A.3.3: 'Jane Doe' is not a name of the workspace (a person, risk, system or evidence)" }
        ]);
        const dir = mkdtempSync(join(tmpdir(), 'aims-csv-'));
        writeFileSync(join(dir, 'grc.csv'), 'Control,Decision\nA.2.2,applicable\nA.2.3,maybe\n');
        const run = runAims(['import', 'csv', '--kind', 'soa', 'grc.csv'], { cwd: dir });
        expect(run.code).toBe(1);
        expect(run.stdout).toBe('soa "Statement of applicability" {\n    control A.2.2 applicable\n}\n');
        expect(run.stderr).toBe("grc.csv:3: not imported: A.2.3: decision 'maybe' is not one of applicable, excluded, undecided\n1 entry imported, 1 row not imported\n");
    });

    it('reads another tool\'s columns through --columns, and semicolon-separated sheets', () => {
        const dir = mkdtempSync(join(tmpdir(), 'aims-csv-'));
        writeFileSync(join(dir, 'grc.csv'), '\uFEFFRef;In scope;Reason\nA.10.4;excluded;We supply no AI systems.\n');
        const run = runAims(['import', 'csv', '--kind', 'soa', 'grc.csv', '--columns', 'Control=Ref,Decision=In scope,Justification=Reason'], { cwd: dir });
        expect(run).toMatchObject({ code: 0, stdout: 'soa "Statement of applicability" {\n    control A.10.4 excluded because "We supply no AI systems."\n}\n' });
    });

    it('refuses a malformed CSV, missing columns and a bad --columns with a located message and exit 2', () => {
        const dir = mkdtempSync(join(tmpdir(), 'aims-csv-'));
        writeFileSync(join(dir, 'quote.csv'), 'Control,Decision\nA.2.2,"applicable\n');
        expect(runAims(['import', 'csv', '--kind', 'soa', 'quote.csv'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'aims: quote.csv: line 2: a quoted field is not closed\n' });
        writeFileSync(join(dir, 'ragged.csv'), 'Control,Decision\nA.2.2,applicable,extra\n');
        expect(runAims(['import', 'csv', '--kind', 'soa', 'ragged.csv'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'aims: ragged.csv: line 2: the row has 3 fields, the header 2\n' });
        writeFileSync(join(dir, 'cols.csv'), 'Id,Scope\nA.2.2,applicable\n');
        expect(runAims(['import', 'csv', '--kind', 'soa', 'cols.csv'], { cwd: dir })).toMatchObject({
            code: 2, stderr: "aims: cols.csv: no column 'Control' or 'Decision' in the header (it has 'Id', 'Scope'); name the column with --columns\n"
        });
        const badMap = runAims(['import', 'csv', '--kind', 'soa', 'cols.csv', '--columns', 'Ctrl=Id'], { cwd: dir });
        expect(badMap.code).toBe(2);
        expect(badMap.stderr).toContain("--columns: 'Ctrl=Id' is not FIELD=COLUMN");
    });
});

describe('aims import csv --kind risks', () => {
    it('round-trips the example\'s risk register into risks with the same ratings, treatments and owners', async () => {
        const dir = exampleCopy();
        const sheet = runAims(['export', 'csv', '--kind', 'risks', ...TODAY], { cwd: dir });
        writeFileSync(join(dir, 'risks.csv'), sheet.stdout);
        const run = runAims(['import', 'csv', '--kind', 'risks', 'risks.csv'], { cwd: dir });
        expect(run.code).toBe(0);
        expect(run.stderr).toBe('11 risks imported, 0 rows not imported\n');
        const { records } = readCsv(sheet.stdout);
        const credit = records.find(r => r.values['Inherent likelihood'] !== '' && r.values.Treatment === 'mitigate')!.values;
        expect(run.stdout).toContain(`risk ${credit.Risk} `);
        expect(run.stdout).toContain(`    inherent likelihood ${credit['Inherent likelihood']} impact ${credit['Inherent impact']}`);
        // The imported risks replace the declared ones: the workspace still builds without new errors.
        writeFileSync(join(dir, 'risks.aims'), run.stdout);
        const after = runAims(['validate', '--format', 'json', ...TODAY], { cwd: dir });
        const errors = (JSON.parse(after.stdout) as { diagnostics: Array<{ severity: string; code: string }> }).diagnostics.filter(d => d.severity === 'error');
        expect(errors).toEqual([]);
    });

    it('lists the rows it cannot import with their line and why', () => {
        const dir = mkdtempSync(join(tmpdir(), 'aims-csv-'));
        writeFileSync(join(dir, 'r.csv'), 'Risk,Title,Inherent likelihood,Inherent impact,Treatment\nr-1,Bias,4,5,mitigate\nr 2,Bad id,,,\nr-3,Scores,high,5,\nr-4,Treat,,,ignore\n');
        const run = runAims(['import', 'csv', '--kind', 'risks', 'r.csv'], { cwd: dir });
        expect(run.code).toBe(1);
        expect(run.stdout).toBe('risk r-1 "Bias" {\n    inherent likelihood 4 impact 5\n    treatment mitigate\n}\n');
        expect(run.stderr.split('\n')).toEqual([
            "r.csv:3: not imported: 'r 2' is not a name (letters, digits, '-' and '_', starting with a letter)",
            "r.csv:4: not imported: r-3: inherent likelihood 'high' and impact '5' must both be whole numbers",
            "r.csv:5: not imported: r-4: treatment 'ignore' is not one of mitigate, avoid, transfer, accept",
            '1 risk imported, 3 rows not imported',
            ''
        ]);
    });
});
