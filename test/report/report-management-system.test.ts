import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../src/report/report-html.js';
import { renderMarkdownReport } from '../../src/report/report-markdown.js';
import { EXAMPLES, loadFolder, loadInline } from './report-workspace.js';

const ORG = `
    organisation acme "Acme" { scope "Credit AI" management-review every 12 months nonconformities close within 60 days }
    person alice "Alice Moreau" { role "Head of AI Governance" }
    person bob "Bob Stein" { role "Internal auditor" }
    person carla "Carla Ruiz" { role "Managing director" }
`;

const PROGRAMME = `
    audit-programme ia "Internal audit" { owner bob cycle 12 months starts 2026-01-01 criteria "ISO/IEC 42001" }
    soa { control A.2.2 applicable { status implemented owner alice } control A.6.2.6 applicable { status implemented owner alice } }
    audit q1 "Clauses 4 to 7" {
        programme ia scope 4, 5, 6, 7, A.2 conducted 2026-03-02 to 2026-03-04 auditor bob audited alice
        finding minor-nonconformity "Policy not communicated" { about 5.2 nonconformity nc-policy }
        finding opportunity "Automate evidence reminders" { about 7.5.3 }
    }
    audit q3 "Clauses 8 to 10" { programme ia scope 8, 9, 10 planned 2026-09-01 auditor bob }
`;

describe('report: internal audit (9.2)', () => {
    it('shows the current cycle, its audits and what no audit of the cycle has in scope', async () => {
        const { data } = await loadInline({ 'main.aims': `${ORG}${PROGRAMME}
            nonconformity nc-policy "Policy" { source audit q1 raised 2026-03-04 owner alice }` });
        const [programme] = data.managementSystem.programmes;
        expect(programme).toMatchObject({
            id: 'ia', cycle: '12 months', cycleFrom: '2026-01-01', cycleTo: '2027-01-01', owner: { id: 'bob' },
            auditsInCycle: ['q1', 'q3'], missingClauses: [], missingControls: ['A.6.2.6']
        });
        const [q1, q3] = data.managementSystem.audits;
        expect(q1).toMatchObject({ id: 'q1', state: 'conducted', date: '2026-03-02', until: '2026-03-04', scope: ['4', '5', '6', '7', 'A.2'] });
        expect(q1.findings).toEqual([
            { kind: 'minor-nonconformity', title: 'Policy not communicated', about: ['5.2'], nonconformity: 'nc-policy' },
            { kind: 'opportunity', title: 'Automate evidence reminders', about: ['7.5.3'], nonconformity: undefined }
        ]);
        expect(q3).toMatchObject({ state: 'planned', date: '2026-09-01' });
    });

    it('reports the same gap as the audit-programme rule', async () => {
        const { data } = await loadInline({ 'main.aims': `${ORG}${PROGRAMME}
            nonconformity nc-policy "Policy" { source audit q1 raised 2026-03-04 owner alice }` });
        const rule = data.findings.find(f => f.code === 'aims/audit-programme-incomplete');
        expect(rule?.message).toContain('A.6.2.6');
        expect(data.managementSystem.programmes[0].missingControls).toEqual(['A.6.2.6']);
    });
});

describe('report: nonconformity register (10.2)', () => {
    const NCS = `${ORG}
        nonconformity nc-late "Late actions" {
            source incident "Wrong score sent to a customer" raised 2026-04-01 owner alice
            root-cause "No four-eyes check"
            action "Add a second reviewer" { owner bob due 2026-05-01 }
        }
        nonconformity nc-new "Fresh" { source complaint "Customer letter" raised 2026-05-20 owner alice }
        nonconformity nc-done "Closed and verified" {
            source other "Self-report" raised 2026-01-10 owner alice root-cause "Cause" closed 2026-02-01
            effectiveness reviewed 2026-03-01 by carla "Held for a quarter"
        }
        nonconformity nc-unverified "Closed, not verified" { source other "x" raised 2026-01-05 owner alice root-cause "c" closed 2026-02-01 }
    `;

    it('lists overdue and open ones first, each with source, actions and closure', async () => {
        const { data } = await loadInline({ 'main.aims': NCS });
        const ncs = data.managementSystem.nonconformities;
        expect(ncs.map(nc => [nc.id, nc.state])).toEqual([
            ['nc-late', 'overdue'], ['nc-new', 'open'], ['nc-unverified', 'closed-unverified'], ['nc-done', 'closed']
        ]);
        expect(ncs[0]).toMatchObject({
            source: 'incident: Wrong score sent to a customer', closeBy: '2026-05-31', rootCause: 'No four-eyes check',
            actions: [{ title: 'Add a second reviewer', owner: { id: 'bob', title: 'Bob Stein' }, due: '2026-05-01', overdue: true }]
        });
        expect(ncs[3]).toMatchObject({ closed: '2026-02-01', effectivenessReviewed: '2026-03-01', effectivenessReviewer: { id: 'carla' }, effectiveness: 'Held for a quarter' });
    });

    it('calls a nonconformity overdue once it is open past the organisation\'s limit', async () => {
        const { data } = await loadInline({ 'main.aims': NCS }, '2026-07-25');
        expect(data.managementSystem.nonconformities.find(nc => nc.id === 'nc-new')?.state).toBe('overdue');
        expect(data.findings.some(f => f.code === 'aims/nonconformity-open-too-long' && f.message.includes('nc-new'))).toBe(true);
    });
});

describe('report: management review (9.3)', () => {
    it('shows the last review held, the inputs it did not record and when the next is due', async () => {
        const { data } = await loadInline({ 'main.aims': `${ORG}
            management-review mr-1 "2025" { held 2025-03-01 chair carla inputs issues }
            management-review mr-2 "2026" {
                held 2026-02-10 chair carla participants carla, alice
                inputs previous-actions, issues, interested-parties, nonconformities, monitoring, audits
                decision "Keep the policy"
                action "Hire an auditor" { owner alice due 2026-04-30 }
            }
            management-review mr-3 "Next" { planned 2027-02-01 }` });
        const ms = data.managementSystem;
        expect(ms.reviewsHeld).toBe(2);
        expect(ms.lastReview).toMatchObject({
            id: 'mr-2', held: '2026-02-10', chair: { id: 'carla' }, missingInputs: ['improvement'], decisions: ['Keep the policy'],
            actions: [{ title: 'Hire an auditor', overdue: true }]
        });
        expect(ms).toMatchObject({ reviewInterval: '12 months', nextReviewDue: '2027-02-10', reviewOverdue: false });
    });

    it('is overdue when the interval passed since the last one, or none is held', async () => {
        const late = await loadInline({ 'main.aims': `${ORG} management-review mr-1 "2025" { held 2025-03-01 }` });
        expect(late.data.managementSystem).toMatchObject({ nextReviewDue: '2026-03-01', reviewOverdue: true });
        const none = await loadInline({ 'main.aims': ORG });
        expect(none.data.managementSystem).toMatchObject({ lastReview: undefined, reviewOverdue: true, reviewsHeld: 0 });
    });
});

describe('report: management-system sections in HTML and Markdown', () => {
    it('renders sections 5 to 7 for the example workspace, before the findings', async () => {
        const { data } = await loadFolder(EXAMPLES, '2026-11-28');
        const page = renderHtmlReport(data);
        const order = ['id="audits"', 'id="nonconformities"', 'id="review"', 'id="findings"'].map(id => page.indexOf(id));
        expect(order.every(i => i > 0)).toBe(true);
        expect([...order].sort((a, b) => a - b)).toEqual(order);
        expect(page).toContain('Drift alarm thresholds still set for model v6');
        expect(page).toContain('Management review 2026');
        const md = renderMarkdownReport(data);
        expect(md).toMatch(/## 5\. Internal audit[\s\S]*## 6\. Nonconformities and corrective actions[\s\S]*## 7\. Management review[\s\S]*## 8\. Findings/);
        expect(md).toContain('| `nc-assistant-wrong-figures` | Support assistant quoted wrong repayment amounts | Open, overdue |');
    });

    it('says so when nothing is recorded', async () => {
        const { data } = await loadInline({ 'main.aims': 'organisation acme "Acme" { scope "x" }' });
        const page = renderHtmlReport(data);
        expect(page).toContain('The AIMS declares no audit programme.');
        expect(page).toContain('The AIMS records no nonconformities.');
        expect(page).toContain('No management review is recorded as held.');
    });

    it('escapes user text in the new sections', async () => {
        const { data } = await loadInline({ 'main.aims': `${ORG} nonconformity nc-x "<script>alert(1)</script>" { source other "<b>x</b>" raised 2026-05-01 owner alice }` });
        const page = renderHtmlReport(data);
        expect(page).not.toContain('<script>alert(1)');
        expect(page).toContain('&lt;script&gt;');
        expect(renderMarkdownReport(data)).toContain('&lt;script\\>alert(1)');
    });
});
