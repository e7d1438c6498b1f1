/**
 * The example workspace (examples/) is the first thing a new user runs: `npm run example`
 * validates it with today fixed to 2026-11-28. It must pass (no errors) and show exactly the
 * findings the README's table explains, no more and no fewer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { workspace, type TestWorkspace } from '../helpers/workspace.js';

const root = resolve(import.meta.dirname, '../../examples');
const readme = resolve(import.meta.dirname, '../../README.md');

/** The findings the example carries on purpose, as file + code + the declaration concerned. */
const INTENDED = [
    { file: 'evidence.aims', code: 'aims/evidence-expiring', subject: 'ev-pentest-nora' },
    { file: 'evidence.aims', code: 'aims/evidence-path-missing', subject: 'evidence/training/oversight-training-2026.csv' },
    { file: 'policies.aims', code: 'aims/review-overdue', subject: 'genai-use' },
    { file: 'risks.aims', code: 'aims/review-overdue', subject: 'automation-bias' },
    { file: 'soa.aims', code: 'aims/implemented-without-evidence', subject: 'A.3.3' },
    { file: 'audits.aims', code: 'aims/action-overdue', subject: 'nc-assistant-wrong-figures' },
    { file: 'competence.aims', code: 'aims/training-expired', subject: 'elif-validation' },
    { file: 'monitoring.aims', code: 'aims/missed-target-without-action', subject: 'ai-literacy-2026-11' }
];

function aimsFiles(): Record<string, string> {
    const names = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(name => name.endsWith('.aims')).sort();
    return Object.fromEntries(names.map(name => [name, readFileSync(join(root, name), 'utf8')]));
}

describe('the example workspace (Northwind Lending)', () => {
    let ws: TestWorkspace;

    beforeAll(async () => {
        ws = await workspace(aimsFiles(), { nodeFs: true, root, settings: { today: '2026-11-28' } });
    });

    it('is split by concern over the files the README lists', () => {
        expect(Object.keys(ws.documents).sort()).toEqual([
            'audits.aims', 'competence.aims', 'data.aims', 'evidence.aims', 'frameworks.aims', 'impact-assessments.aims', 'management-review.aims',
            'mappings.aims', 'monitoring.aims', 'organisation.aims', 'people.aims', 'policies.aims', 'risks.aims', 'soa.aims', 'systems.aims'
        ]);
    });

    it('shows NIST AI RMF coverage in three levels, as the README states: 3 covered, 55 partly, 14 not covered', () => {
        const coverage = ws.services.aims.Model.nistCoverage();
        const count = (level: string) => coverage.filter(c => c.level === level).length;
        expect([count('covered'), count('partly-covered'), count('not-covered')]).toEqual([3, 55, 14]);
        expect(coverage.filter(c => c.level === 'covered').map(c => `${c.subcategory} ⊆ ${c.coveredBy[0].control}`))
            .toEqual(['GOVERN 2.1 ⊆ A.3.2', 'GOVERN 6.1 ⊆ A.10.3', 'MEASURE 2.4 ⊆ A.6.2.6']);
    });

    it('shows an ISO/IEC 27001 control serving an ISO/IEC 42001 control through a typed mapping', () => {
        const edges = ws.services.aims.Model.mappings().mappingsOf('A.6.2.6').filter(e => e.to.startsWith('27001:'));
        expect(edges).toEqual([expect.objectContaining({ to: '27001:A.8.16', relationship: 'intersects-with', origin: 'declared', strength: 6 })]);
    });

    it('declares a framework of its own that behaves like a built-in catalog: 3 of 5 requirements covered, 1 partly, 1 not', () => {
        const [standard] = ws.services.aims.Model.frameworkCoverage();
        expect(standard.framework.name).toBe('NWL-MRS');
        expect(standard.requirements.map(r => `${r.id} ${r.level}`)).toEqual([
            'NWL-MRS:D.1 covered', 'NWL-MRS:D.2 partly-covered', 'NWL-MRS:V.1 covered', 'NWL-MRS:M.1 covered', 'NWL-MRS:M.2 not-covered'
        ]);
        expect(ws.services.aims.Model.evidenceSupporting('NWL-MRS:M.1').map(e => e.name)).toEqual(['ev-monitoring']);
    });

    it('has no errors, so validating it succeeds', () => {
        const errors = ws.all.filter(d => d.severity === DiagnosticSeverity.Error);
        expect(errors.map(d => `${d.file}:${d.range.start.line + 1} ${d.code} ${d.message}`)).toEqual([]);
    });

    it('reports exactly the intended findings, all of them warnings', () => {
        const found = ws.all.map(d => ({ file: d.file, code: String(d.code), severity: d.severity, message: typeof d.message === 'string' ? d.message : d.message.value }));
        expect(found).toHaveLength(INTENDED.length);
        for (const intended of INTENDED) {
            const match = found.find(f => f.file === intended.file && f.code === intended.code && f.message.includes(intended.subject));
            expect(match, `${intended.code} in ${intended.file} about ${intended.subject}`).toBeDefined();
            expect(match?.severity).toBe(DiagnosticSeverity.Warning);
        }
    });

    it('decides every Annex A control in the statement of applicability', () => {
        const coverage = ws.services.aims.Model.soaCoverage();
        expect(coverage.total).toBe(38);
        expect(coverage.missing).toEqual([]);
        expect(coverage.undecided).toBe(0);
        expect(coverage.applicable + coverage.excluded).toBe(38);
        // Nora is an AI service Northwind provides to its customers (ISO/IEC 22989 AI provider): A.10.4 applies.
        expect(coverage.excluded).toBe(0);
        expect(ws.services.aims.Model.soaEntryFor('A.10.4')?.decision).toBe('applicable');
    });

    it('declares ISO/IEC 22989 roles for the organisation and EU AI Act operator roles for each system', () => {
        const model = ws.services.aims.Model;
        expect(model.organisation()?.roles).toEqual(['provider', 'producer', 'customer']);
        expect(model.all('AiSystem').map(s => [s.name, s.role, s.operatorRoles, s.euCategory, s.transparency.map(t => t.$refText)])).toEqual([
            ['credit-scoring', 'producer', ['provider', 'deployer'], 'high', []],
            ['support-assistant', 'provider', ['provider', 'deployer'], 'minimal', ['Article 50(1)']],
            ['code-assistant', 'customer', ['deployer'], 'minimal', []]
        ]);
    });

    it('meets every EU AI Act obligation of each system on the fixed date, the Article 27 assessment included', () => {
        const profiles = ws.services.aims.EuAiAct.profiles('2026-11-28');
        const open = profiles.flatMap(p => p.obligations.filter(o => o.state !== 'met').map(o => `${p.subject.name}: ${o.article}`));
        expect(open).toEqual([]);
        const credit = profiles.find(p => p.subject.name === 'credit-scoring')!;
        expect(credit.obligations.map(o => o.article)).toEqual([
            'Article 4', 'Article 8', 'Article 9', 'Article 10', 'Article 11', 'Article 12', 'Article 13', 'Article 14', 'Article 15',
            'Article 16', 'Article 17', 'Article 18', 'Article 19', 'Article 20', 'Article 43', 'Article 47', 'Article 48', 'Article 49(1)',
            'Article 72', 'Article 73', 'Article 26', 'Article 27', 'Article 86'
        ]);
        expect(credit.friaReasons).toEqual(['it deploys an Annex III point 5(b) system']);
        expect(credit.obligations.find(o => o.article === 'Article 27')?.addressedBy).toEqual(['ia-credit-scoring']);
    });

    it('has an impact assessment and human oversight for its high-risk system', () => {
        const model = ws.services.aims.Model;
        const highRisk = model.all('AiSystem').filter(system => system.euCategory === 'high');
        expect(highRisk.map(system => [system.name, system.annexIII?.ref?.name])).toEqual([['credit-scoring', '5(b)']]);
        expect(model.assessmentsFor(highRisk[0]).map(ia => ia.name)).toEqual(['ia-credit-scoring']);
        expect(highRisk[0].oversight).toContain('credit risk officer');
    });

    it('keeps the check and act records an auditor asks for: audits, nonconformities, a management review', () => {
        const model = ws.services.aims.Model;
        expect(model.all('AuditProgramme').map(p => p.name)).toEqual(['internal-audit']);
        expect(model.all('Audit').filter(a => a.conducted).map(a => a.name)).toEqual(['ia-2026-a3', 'ia-2026-q3']);
        const nonconformities = model.all('Nonconformity');
        expect(nonconformities.map(nc => [nc.name, nc.closed !== undefined, nc.effectivenessReviewed !== undefined])).toEqual([
            ['nc-drift-thresholds', true, true], ['nc-assistant-wrong-figures', false, false]
        ]);
        expect(model.all('ManagementReview').map(r => r.held)).toEqual(['2025-10-15', '2026-09-24']);
        expect(model.all('Training').length).toBeGreaterThanOrEqual(5);
        expect(model.all('Measurement').length).toBeGreaterThanOrEqual(3);
        expect(ws.all.filter(d => String(d.code) === 'aims/documented-information-missing')).toEqual([]);
    });

    it('matches the table of intended findings in the README', () => {
        const rows = [...readFileSync(readme, 'utf8').matchAll(/^\|\s*`([\w.-]+\.aims)`\s*\|\s*`(aims\/[\w-]+)`\s*\|/gm)]
            .map(m => `${m[1]} ${m[2]}`);
        expect(rows.sort()).toEqual(INTENDED.map(i => `${i.file} ${i.code}`).sort());
    });
});

describe("the README's taste of the language", () => {
    it('parses, and its catalog ids exist', async () => {
        const taste = /## A taste of the language\s+```\n([\s\S]*?)```/.exec(readFileSync(readme, 'utf8'))?.[1];
        expect(taste).toBeDefined();
        const ws = await workspace({ 'taste.aims': taste! });
        const wrong = ['aims/syntax-error', 'aims/unknown-catalog-id', 'aims/foreign-catalog-id', 'aims/duplicate-field'];
        expect(ws.all.filter(d => wrong.includes(String(d.code))).map(d => d.message)).toEqual([]);
    });
});
