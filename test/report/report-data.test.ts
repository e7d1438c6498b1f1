import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { gitCommit, riskLevel, sortControlIds } from '../../src/report/aims-report-data.js';
import { FIXTURES, loadFolder, loadInline } from './report-workspace.js';

const ORG = `
    organisation acme "Acme" { scope "Credit AI" likelihood scale 1 to 5 impact scale 1 to 5 }
    person alice "Alice Moreau" { role "Head of AI Governance" email "alice@acme.example" }
    team gov "Governance" { lead alice members alice }
`;

describe('report data: statement of applicability', () => {
    it('has a row for each of the 38 Annex A controls in catalog order, then the organisation controls', async () => {
        const { data } = await loadInline({
            'main.aims': `${ORG}
                control ACME.1 "Red-team prompts" { summary "Before release." owner alice nist MEASURE 2.7 }
                soa { control A.2.2 applicable { status implemented owner alice } control ACME.1 applicable { status planned } }`
        });
        const annexA = data.soa.filter(r => r.kind === 'annex-a');
        expect(annexA.map(r => r.controlId)).toEqual(catalog.annexAControls.map(c => c.id));
        expect(annexA[0]).toMatchObject({ controlId: 'A.2.2', group: 'A.2', title: 'AI policy', decision: 'applicable', status: 'implemented', owner: { id: 'alice', title: 'Alice Moreau' } });
        expect(annexA.filter(r => r.decision === 'missing')).toHaveLength(37);
        const org = data.soa.filter(r => r.kind === 'organisation');
        expect(org).toEqual([expect.objectContaining({ controlId: 'ACME.1', title: 'Red-team prompts', decision: 'applicable', status: 'planned', owner: { id: 'alice', title: 'Alice Moreau' }, nist: ['MEASURE 2.7'] })]);
    });

    it('keeps the exclusion justification and the note', async () => {
        const { data } = await loadInline({
            'main.aims': `${ORG} soa {
                control A.10.4 excluded because "We supply no AI systems to customers."
                control A.7.6 undecided
                control A.2.3 applicable { status in-progress note "Mapping other policies." } }`
        });
        const row = (id: string) => data.soa.find(r => r.controlId === id)!;
        expect(row('A.10.4')).toMatchObject({ decision: 'excluded', justification: 'We supply no AI systems to customers.' });
        expect(row('A.7.6').decision).toBe('undecided');
        expect(row('A.2.3')).toMatchObject({ decision: 'applicable', status: 'in-progress', note: 'Mapping other policies.' });
        expect(data.summary).toMatchObject({ decided: 2, applicable: 1, excluded: 1, undecided: 1, missing: 35, implemented: 0 });
    });

    it('shows linked evidence and evidence that names the control in supports, with freshness on the report date', async () => {
        const { data } = await loadInline({
            'main.aims': `${ORG}
                evidence ev-old "Old minutes" { url "https://x.example/a" expires 2026-05-01 }
                evidence ev-soon "Validation report" { path "v.md" expires 2026-06-20 }
                evidence ev-supports "Policy" { path "p.md" expires 2027-01-01 supports A.2.2 }
                soa { control A.2.2 applicable { status implemented evidence ev-old, ev-soon } }`
        });
        const row = data.soa.find(r => r.controlId === 'A.2.2')!;
        expect(row.evidence).toEqual([
            { id: 'ev-old', title: 'Old minutes', freshness: 'expired', expires: '2026-05-01' },
            { id: 'ev-soon', title: 'Validation report', freshness: 'expiring', expires: '2026-06-20' },
            { id: 'ev-supports', title: 'Policy', freshness: 'fresh', expires: '2027-01-01' }
        ]);
        expect(data.summary).toMatchObject({ evidence: 3, evidenceExpired: 1, evidenceExpiring: 1 });
    });

    it('lists the risks a control treats from both directions', async () => {
        const { data } = await loadInline({
            'main.aims': `${ORG}
                risk r1 "Bias" { treatment mitigate with A.7.4 owner alice }
                risk r2 "Drift" { treatment mitigate owner alice }
                soa { control A.7.4 applicable { status implemented treats r2 } }`
        });
        expect(data.soa.find(r => r.controlId === 'A.7.4')!.risks.map(r => r.id).sort()).toEqual(['r1', 'r2']);
    });
});

describe('report data: NIST AI RMF coverage', () => {
    it('counts a subcategory reached through the crosswalk as partly covered at most, and lists clauses and planned controls beside it', async () => {
        // GOVERN 1.1 maps to A.2.2 and A.2.4 (and clauses 4.1, 6.2); GOVERN 1.3 maps to clauses only.
        const { data } = await loadInline({
            'main.aims': `${ORG} soa { control A.2.2 applicable { status implemented } control A.6.2.6 applicable { status planned } }`
        });
        const sub = (id: string) => data.nist.flatMap(f => f.categories.flatMap(c => c.subcategories)).find(s => s.id === id)!;
        expect(sub('GOVERN 1.1')).toMatchObject({ level: 'partly-covered', partlyBy: [{ control: 'A.2.2', relation: 'intersects-with', chain: 'GOVERN 1.1 intersects-with A.2.2 (crosswalk)' }], clauses: ['4.1', '6.2'] });
        expect(sub('GOVERN 1.3')).toMatchObject({ level: 'not-covered', controls: [] });
        expect(sub('GOVERN 1.3').clauses.length).toBeGreaterThan(0);
        expect(catalog.isoFor('GOVERN 1.7')).toContain('A.6.2.6');
        expect(sub('GOVERN 1.7')).toMatchObject({ level: 'not-covered', plannedBy: [expect.objectContaining({ control: 'A.6.2.6' })] });
        expect(catalog.isoFor('MAP 1.5')).toEqual([]);
        expect(sub('MAP 1.5').level).toBe('not-covered');
    });

    it('counts organisation controls through their own nist references', async () => {
        const { data } = await loadInline({
            'main.aims': `${ORG}
                control ACME.1 "Risk tolerance statement" { nist MAP 1.5 }
                soa { control ACME.1 applicable { status implemented } }`
        });
        const map = data.nist.find(f => f.id === 'MAP')!;
        expect(map.categories.flatMap(c => c.subcategories).find(s => s.id === 'MAP 1.5')).toMatchObject({
            level: 'partly-covered', partlyBy: [{ control: 'ACME.1', relation: 'intersects-with', chain: "MAP 1.5 intersects-with ACME.1 (the control's nist list)" }]
        });
    });

    it('groups all 72 subcategories by function and category with counts', async () => {
        const { data } = await loadInline({ 'main.aims': ORG });
        expect(data.nist.map(f => f.id)).toEqual(['GOVERN', 'MAP', 'MEASURE', 'MANAGE']);
        const subs = data.nist.flatMap(f => f.categories.flatMap(c => c.subcategories));
        expect(subs).toHaveLength(72);
        for (const fn of data.nist) {
            const total = Object.values(fn.counts).reduce((a, b) => a + b, 0);
            expect(total).toBe(fn.categories.reduce((n, c) => n + c.subcategories.length, 0));
        }
        expect(data.summary.nistTotal).toBe(72);
        expect(data.summary.nistCovered + data.summary.nistPartlyCovered).toBe(0);
    });
});

describe('report data: risk register and heat maps', () => {
    it('rates risks relative to the declared scale and records treatment, controls, owner and acceptance', async () => {
        const { data } = await loadInline({
            'main.aims': `${ORG}
                risk r-bias "Unfair declines" { inherent likelihood 4 impact 5 treatment mitigate with A.7.4 residual likelihood 2 impact 4 owner alice review 2027-01-31 }
                risk r-vendor "Vendor outage" { inherent likelihood 2 impact 2 treatment accept accepted by alice on 2026-03-01 review every 6 months owner alice }`
        });
        const [bias, vendor] = data.risks;
        expect(bias).toMatchObject({
            id: 'r-bias', treatment: 'mitigate', controls: [{ id: 'A.7.4', title: 'Quality of data for AI systems' }],
            inherent: { likelihood: 4, impact: 5, score: 20, level: 'critical', inScale: true },
            residual: { score: 8, level: 'medium' }, owner: { id: 'alice' }, nextReview: '2027-01-31'
        });
        expect(vendor).toMatchObject({ treatment: 'accept', acceptedBy: { id: 'alice', title: 'Alice Moreau' }, acceptedOn: '2026-03-01', nextReview: '2026-09-01' });
    });

    it('bands levels by the share of the largest possible score', () => {
        const five = { min: 1, max: 5 };
        const pairs: Array<[number, number]> = [[1, 1], [2, 2], [1, 5], [3, 3], [2, 5], [4, 4], [4, 5], [5, 5]];
        expect(pairs.map(([l, i]) => riskLevel(l, i, five, five)))
            .toEqual(['low', 'low', 'medium', 'medium', 'high', 'high', 'critical', 'critical']);
        const three = { min: 1, max: 3 };
        expect(riskLevel(3, 3, three, three)).toBe('critical');
        expect(riskLevel(1, 1, three, three)).toBe('low');
    });

    it('has one cell per likelihood and impact of the declared scale, counting rated risks', async () => {
        const { data } = await loadInline({
            'main.aims': `
                organisation acme "Acme" { scope "x" likelihood scale 1 to 3 impact scale 1 to 4 }
                risk a "A" { inherent likelihood 3 impact 4 residual likelihood 1 impact 2 }
                risk b "B" { inherent likelihood 3 impact 4 }
                risk c "C" { inherent likelihood 5 impact 1 }
                risk d "D" { }`
        });
        const { inherent, residual } = data.heatMaps;
        expect(inherent.cells).toHaveLength(12);
        expect(inherent.cells.find(c => c.likelihood === 3 && c.impact === 4)).toEqual({ likelihood: 3, impact: 4, level: 'critical', risks: ['a', 'b'] });
        expect(inherent.cells.reduce((n, c) => n + c.risks.length, 0)).toBe(2);
        expect(inherent.outOfScale).toEqual(['c']);
        expect(inherent.unrated).toEqual(['d']);
        expect(residual.unrated).toEqual(['b', 'c', 'd']);
        expect(residual.cells.find(c => c.likelihood === 1 && c.impact === 2)!.risks).toEqual(['a']);
    });
});

describe('report data: AI system inventory', () => {
    it('gives each system its EU AI Act category, Annex III area and impact assessment state', async () => {
        const { data } = await loadInline({
            'main.aims': `${ORG}
                system scoring "Credit scoring" { owner alice stage operation-and-monitoring role provider eu-ai-act high annex-iii 5 oversight "Officers review declines" }
                system late "Late review" { eu-ai-act high annex-iii 4 oversight "x" }
                system missing "No assessment" { eu-ai-act high annex-iii 5 oversight "x" }
                system chat "Chat" { eu-ai-act limited }
                impact-assessment ia1 "Scoring IA" { system scoring severity high assessed 2026-02-01 by alice review 2027-02-01 }
                impact-assessment ia2 "Late IA" { system late assessed 2025-01-01 review 2026-01-01 }`
        });
        const sys = (id: string) => data.systems.find(s => s.id === id)!;
        expect(sys('scoring')).toMatchObject({
            euCategory: 'high', annexIII: { id: '5' }, impactAssessment: 'current', stage: 'operation-and-monitoring', role: 'provider',
            assessments: [expect.objectContaining({ id: 'ia1', severity: 'high', assessed: '2026-02-01', nextReview: '2027-02-01' })]
        });
        expect(sys('scoring').annexIII!.title).toBe(catalog.get('annex-iii-area', '5')!.title);
        expect(sys('late').impactAssessment).toBe('review-overdue');
        expect(sys('missing').impactAssessment).toBe('missing');
        expect(sys('chat').impactAssessment).toBe('none');
        expect(data.summary).toMatchObject({ systems: 4, highRiskSystems: 3 });
    });

    it('links a system to the controls that name it or treat its risks', async () => {
        const { data } = await loadInline({
            'main.aims': `${ORG}
                system bot "Bot" { eu-ai-act minimal }
                risk r "R" { systems bot treatment mitigate with A.6.2.4 }
                soa { control A.9.4 applicable { systems bot } control A.6.2.4 applicable { status implemented } }`
        });
        expect(data.systems[0]).toMatchObject({ risks: [{ id: 'r', title: 'R' }], controls: ['A.6.2.4', 'A.9.4'] });
    });
});

describe('report data: findings and provenance', () => {
    it('turns diagnostics into findings with file, line, rule and severity, errors first', async () => {
        const { data } = await loadInline({
            'a.aims': `${ORG} soa { control A.7.6 undecided }`,
            'b.aims': 'risk r "R" { inherent likelihood 9 impact 1 }'
        });
        expect(data.findings.length).toBeGreaterThan(0);
        const severities = data.findings.map(f => f.severity);
        expect(severities).toEqual([...severities].sort((x, y) => ['error', 'warning', 'info', 'hint'].indexOf(x) - ['error', 'warning', 'info', 'hint'].indexOf(y)));
        expect(data.findings).toContainEqual(expect.objectContaining({ file: 'b.aims', line: 1, code: 'aims/rating-out-of-scale', severity: 'error' }));
        expect(data.findings).toContainEqual(expect.objectContaining({ file: 'a.aims', code: 'aims/soa-undecided', severity: 'warning' }));
        expect(data.summary.openFindings).toBe(data.summary.errors + data.summary.warnings);
        expect(data.files).toEqual(['a.aims', 'b.aims']);
    });

    it('is plain data: JSON round-trips it unchanged', async () => {
        const { data } = await loadFolder(join(FIXTURES, 'harbour'));
        // Stringify throws on AST nodes (cycles); Maps, Sets and Dates would not compare equal.
        expect(JSON.parse(JSON.stringify(data))).toEqual(data);
    });

    it('reads the commit from git when the workspace is a repository, and nothing otherwise', () => {
        const dir = mkdtempSync(join(tmpdir(), 'aims-report-git-'));
        try {
            expect(gitCommit(dir)).toBeUndefined();
            const git = (...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { stdio: 'pipe' });
            git('init', '-q');
            writeFileSync(join(dir, 'main.aims'), 'person a "A"\n');
            git('add', '.');
            git('commit', '-q', '-m', 'first', '--date=2026-05-30T12:00:00+02:00');
            const hash = execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
            expect(gitCommit(dir)).toMatchObject({ hash, dirty: false });
            writeFileSync(join(dir, 'main.aims'), 'person a "A changed"\n');
            expect(gitCommit(dir)).toMatchObject({ hash, dirty: true });
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});

describe('report data: realistic fixture', () => {
    it('summarises the Harbour workspace', async () => {
        const { data } = await loadFolder(join(FIXTURES, 'harbour'));
        expect(data.organisation).toMatchObject({ id: 'harbour', title: 'Harbour Health Insurance DAC', roles: ['provider', 'customer'] });
        expect(data.summary).toMatchObject({
            annexATotal: 38, decided: 37, applicable: 35, implemented: 28, excluded: 2, undecided: 1, missing: 0,
            organisationControls: 2, systems: 3, highRiskSystems: 1, risks: 5, evidence: 10, evidenceExpired: 1, evidenceExpiring: 1
        });
        expect(data.findings.filter(f => f.severity === 'error').map(f => f.code)).toEqual(['aims/evidence-expired']);
    });

    it('orders control ids as people read them', () => {
        expect(sortControlIds(['HHI.2', 'A.10.2', 'A.6.2.4', 'A.2.2', 'A.6.1.2', 'HHI.10'])).toEqual(['A.2.2', 'A.6.1.2', 'A.6.2.4', 'A.10.2', 'HHI.2', 'HHI.10']);
    });
});
