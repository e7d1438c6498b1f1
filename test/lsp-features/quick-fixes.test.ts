import { describe, expect, it } from 'vitest';
import { CodeActionKind, type CodeAction } from 'vscode-languageserver';
import { workspace, type TestWorkspace } from '../helpers/workspace.js';
import { applyEdits, editsOf, onlyDiagnostic, onlyInserts, quickFixes } from './editor.js';

interface Applied {
    action: CodeAction;
    before: string;
    after: string;
    /** The workspace rebuilt with the fixed file. */
    fixed: TestWorkspace;
}

/**
 * Build `files`, take the one diagnostic `code` in `file`, apply the quick fix whose title
 * contains `pick` (or the only one), and rebuild the workspace with the result.
 */
async function applyFix(files: Record<string, string>, file: string, code: string, pick?: string): Promise<Applied> {
    const ws = await workspace(files);
    const diagnostic = onlyDiagnostic(ws, file, code);
    const actions = await quickFixes(ws, file, diagnostic);
    const action = pick ? actions.find(a => a.title.includes(pick)) : actions[0];
    if (!action || (!pick && actions.length !== 1)) {
        throw new Error(`no single fix${pick ? ` '${pick}'` : ''} for ${code}: ${actions.map(a => a.title).join(' | ')}`);
    }
    expect(action.kind).toBe(CodeActionKind.QuickFix);
    expect(action.diagnostics).toEqual([diagnostic]);
    const before = files[file];
    const after = applyEdits(before, editsOf(action, ws.documents[file]));
    const fixed = await workspace({ ...files, [file]: after });
    return { action, before, after, fixed };
}

/** The fixed file parses, the fixed diagnostic is gone, and only text was added. */
function expectCleanInsertion(applied: Applied, file: string, code: string): void {
    expect(applied.fixed.codes(file)).not.toContain('aims/syntax-error');
    expect(applied.fixed.codes(file)).not.toContain(code);
    expect(onlyInserts(applied.before, Object.values(applied.action.edit!.changes!)[0], applied.after)).toBe(true);
}

const PEOPLE = 'person alice "Alice Moreau"\nperson bob "Bob Lindqvist"\n';

describe('quick fix: aims/implemented-without-evidence', () => {
    const code = 'aims/implemented-without-evidence';

    it('links new evidence inside the entry, keeping its indentation, and declares it at the end of the file', async () => {
        const soa = [
            'soa {',
            '    control A.6.2.4 applicable {',
            '        status implemented',
            '        owner alice',
            '    }',
            '}',
            ''
        ].join('\n');
        const applied = await applyFix({ 'people.aims': PEOPLE, 'soa.aims': soa }, 'soa.aims', code);
        expect(applied.action.isPreferred).toBe(true);
        expect(applied.after).toBe([
            'soa {',
            '    control A.6.2.4 applicable {',
            '        status implemented',
            '        owner alice',
            '        evidence ev-a-6-2-4',
            '    }',
            '}',
            '',
            'evidence ev-a-6-2-4 "Evidence for A.6.2.4 AI system verification and validation" {',
            '    path "evidence/TODO"',
            '    kind document',
            '    collected 2026-06-01',
            '}',
            ''
        ].join('\n'));
        expectCleanInsertion(applied, 'soa.aims', code);
    });

    it('keeps a one-line entry on one line', async () => {
        const soa = 'soa {\n    control A.2.2 applicable { status implemented owner alice } // signed policy\n}';
        const applied = await applyFix({ 'people.aims': PEOPLE, 'soa.aims': soa }, 'soa.aims', code);
        expect(applied.after.split('\n')[1]).toBe('    control A.2.2 applicable { status implemented owner alice evidence ev-a-2-2 } // signed policy');
        expect(applied.after.endsWith('}\n\nevidence ev-a-2-2 "Evidence for A.2.2 AI policy" {\n    path "evidence/TODO"\n    kind document\n    collected 2026-06-01\n}\n')).toBe(true);
        expectCleanInsertion(applied, 'soa.aims', code);
    });

    it('picks a fresh name when the obvious one is taken anywhere in the workspace', async () => {
        const other = 'evidence ev-a-2-2 "Old" { url "https://x.example" }\n';
        const soa = 'soa { control A.2.2 applicable { status implemented } }\n';
        const applied = await applyFix({ 'other.aims': other, 'soa.aims': soa }, 'soa.aims', code);
        expect(applied.after).toContain('control A.2.2 applicable { status implemented evidence ev-a-2-2-2 }');
        expect(applied.after).toContain('evidence ev-a-2-2-2 "Evidence for A.2.2 AI policy" {');
        expectCleanInsertion(applied, 'soa.aims', code);
        expect(applied.fixed.codes()).not.toContain('aims/duplicate-name');
    });
});

describe('quick fix: aims/soa-incomplete', () => {
    const code = 'aims/soa-incomplete';
    const org = 'organisation acme "Acme" { scope "AI for credit decisions" }\n';

    it('adds every missing Annex A control to the block as undecided, with its title, one per line', async () => {
        const soa = 'soa "SoA" {\n    control A.2.2 excluded because "No AI policy needed"\n}\n';
        const applied = await applyFix({ 'org.aims': org, 'soa.aims': soa }, 'soa.aims', code);
        const lines = applied.after.split('\n');
        expect(lines[0]).toBe('soa "SoA" {');
        expect(lines[1]).toBe('    control A.2.2 excluded because "No AI policy needed"');
        expect(lines[2]).toBe('    control A.2.3 undecided // Alignment with other organizational policies');
        expect(lines).toContain('    control A.6.2.4 undecided // AI system verification and validation');
        expect(lines[38]).toBe('    control A.10.4 undecided // Customers');
        expect(lines[39]).toBe('}');
        expect(lines.filter(l => l.includes('undecided'))).toHaveLength(37);
        expectCleanInsertion(applied, 'soa.aims', code);
    });

    it('opens a one-line block so that each entry gets a line of its own', async () => {
        const soa = 'soa { control A.2.2 excluded because "x" }';
        const applied = await applyFix({ 'org.aims': org, 'soa.aims': soa }, 'soa.aims', code);
        const lines = applied.after.split('\n');
        expect(lines[0]).toBe('soa { control A.2.2 excluded because "x" ');
        expect(lines[1]).toBe('    control A.2.3 undecided // Alignment with other organizational policies');
        expect(lines[lines.length - 1]).toBe('}');
        expectCleanInsertion(applied, 'soa.aims', code);
    });

    it('without any statement of applicability, appends a new one to the organisation\'s file', async () => {
        const applied = await applyFix({ 'org.aims': org }, 'org.aims', code);
        expect(applied.action.title).toContain('new statement of applicability');
        expect(applied.after.startsWith(`${org}\nsoa "Statement of applicability" {\n    control A.2.2 undecided // AI policy\n`)).toBe(true);
        expect(applied.after.endsWith('    control A.10.4 undecided // Customers\n}\n')).toBe(true);
        expectCleanInsertion(applied, 'org.aims', code);
    });
});

describe('quick fix: did-you-mean replacements', () => {
    it('aims/unknown-catalog-id: one fix per suggestion, each replacing only the id', async () => {
        const risk = 'risk r1 "Bias" { treatment mitigate with A.6.2.40 }\n';
        const ws = await workspace({ 'risk.aims': risk });
        const diagnostic = onlyDiagnostic(ws, 'risk.aims', 'aims/unknown-catalog-id');
        const actions = await quickFixes(ws, 'risk.aims', diagnostic);
        expect(actions.map(a => a.title)).toEqual([
            'Change to A.6.2.4 (AI system verification and validation)',
            'Change to A.6.2.2 (AI system requirements and specification)',
            'Change to A.6.2.3 (Documentation of AI system design and development)'
        ]);
        expect(actions.every(a => a.diagnostics?.[0] === diagnostic && a.isPreferred === false)).toBe(true);
        const after = applyEdits(risk, editsOf(actions[0], ws.documents['risk.aims']));
        expect(after).toBe('risk r1 "Bias" { treatment mitigate with A.6.2.4 }\n');
        const fixed = await workspace({ 'risk.aims': after });
        expect(fixed.codes()).not.toContain('aims/unknown-catalog-id');
        expect(fixed.codes()).not.toContain('aims/syntax-error');
    });

    it('aims/unresolved-reference: a single suggestion is the preferred fix', async () => {
        const files = { 'people.aims': PEOPLE, 'risk.aims': 'risk r1 "Bias" {\n    owner alcie\n}\n' };
        const applied = await applyFix(files, 'risk.aims', 'aims/unresolved-reference', "'alice'");
        expect(applied.action.title).toBe("Change to 'alice'");
        expect(applied.action.isPreferred).toBe(true);
        expect(applied.after).toBe('risk r1 "Bias" {\n    owner alice\n}\n');
        expect(applied.fixed.codes('risk.aims')).not.toContain('aims/unresolved-reference');
    });

    it('offers nothing when the diagnostic no longer matches the text (stale diagnostic)', async () => {
        const ws = await workspace({ 'risk.aims': 'risk r1 "Bias" { treatment mitigate with A.6.2.40 }\n' });
        const diagnostic = onlyDiagnostic(ws, 'risk.aims', 'aims/unknown-catalog-id');
        const stale = { ...diagnostic, data: { ...(diagnostic.data as object), refText: 'A.9.9.9' } };
        expect(await quickFixes(ws, 'risk.aims', stale)).toEqual([]);
    });
});

describe('quick fix: aims/exclusion-without-justification', () => {
    it('adds a because placeholder right after excluded', async () => {
        const soa = 'soa {\n    control A.10.4 excluded // customers?\n}\n';
        const applied = await applyFix({ 'soa.aims': soa }, 'soa.aims', 'aims/exclusion-without-justification');
        expect(applied.action.isPreferred).toBe(true);
        expect(applied.after).toBe('soa {\n    control A.10.4 excluded because "TODO: why this control does not apply" // customers?\n}\n');
        expectCleanInsertion(applied, 'soa.aims', 'aims/exclusion-without-justification');
    });
});

describe('quick fix: aims/high-risk-without-impact-assessment', () => {
    const code = 'aims/high-risk-without-impact-assessment';

    it('scaffolds an impact assessment right after the system declaration', async () => {
        const systems = [
            'system credit-scoring "Credit scoring model" {',
            '    eu-ai-act high annex-iii 5',
            '    oversight "Credit officers review every decline"',
            '} // the main model',
            'system chat "Chat" { eu-ai-act minimal }',
            ''
        ].join('\n');
        const applied = await applyFix({ 'systems.aims': systems }, 'systems.aims', code);
        expect(applied.action.title).toBe("Add impact assessment 'ia-credit-scoring' for credit-scoring");
        expect(applied.after).toBe([
            'system credit-scoring "Credit scoring model" {',
            '    eu-ai-act high annex-iii 5',
            '    oversight "Credit officers review every decline"',
            '} // the main model',
            '',
            'impact-assessment ia-credit-scoring "Impact assessment: Credit scoring model" {',
            '    system credit-scoring',
            '    individuals "TODO"',
            '    groups "TODO"',
            '    society "TODO"',
            '    consequences "TODO"',
            '    severity high',
            '    assessed 2026-06-01',
            '}',
            'system chat "Chat" { eu-ai-act minimal }',
            ''
        ].join('\n'));
        expectCleanInsertion(applied, 'systems.aims', code);
    });
});

describe('quick fix: aims/eu-ai-act-limited', () => {
    const code = 'aims/eu-ai-act-limited';
    const system = 'person alice "Alice"\nsystem bot "Bot" {\n    owner alice\n    operator provider\n    eu-ai-act limited\n}\n';

    it('rewrites limited as minimal with the transparency duty of Article 50(1), as the preferred fix', async () => {
        const applied = await applyFix({ 'main.aims': system }, 'main.aims', code, 'Article 50(1)');
        expect(applied.action.isPreferred).toBe(true);
        expect(applied.after).toBe('person alice "Alice"\nsystem bot "Bot" {\n    owner alice\n    operator provider\n    eu-ai-act minimal\n    transparency Article 50(1)\n}\n');
        expect(applied.fixed.codes('main.aims')).not.toContain(code);
        expect(applied.fixed.codes('main.aims')).not.toContain('aims/syntax-error');
    });

    it('offers one rewrite for each transparency duty of Article 50', async () => {
        const ws = await workspace({ 'main.aims': system });
        const actions = await quickFixes(ws, 'main.aims', onlyDiagnostic(ws, 'main.aims', code));
        expect(actions.map(a => /Article 50\(\d\)/.exec(a.title)?.[0])).toEqual(['Article 50(1)', 'Article 50(2)', 'Article 50(3)', 'Article 50(4)']);
    });
});

describe('quick fix: aims/eu-obligations-open', () => {
    const code = 'aims/eu-obligations-open';

    it('scaffolds evidence about the system for each open obligation, right after it, and closes the finding', async () => {
        const files = {
            'main.aims': 'person alice "Alice"\nsystem bot "Bot" { owner alice operator provider eu-ai-act minimal transparency Article 50(1) }\n'
        };
        const ws = await workspace(files, { settings: { today: '2026-11-28' } });
        const diagnostic = onlyDiagnostic(ws, 'main.aims', code);
        const [action] = await quickFixes(ws, 'main.aims', diagnostic);
        expect(action.title).toBe('Add evidence for the 2 open obligations of bot');
        const after = applyEdits(files['main.aims'], editsOf(action, ws.documents['main.aims']));
        expect(after).toContain([
            'evidence ev-bot-article-4 "Article 4: AI literacy" {',
            '    url "TODO"',
            '    collected 2026-11-28',
            '    systems bot',
            '    supports Article 4',
            '}',
            '',
            'evidence ev-bot-article-50-1 "Article 50(1): Disclosure of interaction with an AI system" {'
        ].join('\n'));
        const fixed = await workspace({ 'main.aims': after }, { settings: { today: '2026-11-28' } });
        expect(fixed.codes('main.aims')).not.toContain(code);
        expect(fixed.codes('main.aims')).not.toContain('aims/syntax-error');
        expect(onlyInserts(files['main.aims'], Object.values(action.edit!.changes!)[0], after)).toBe(true);
    });
});

describe('quick fix: aims/accept-without-acceptor', () => {
    const code = 'aims/accept-without-acceptor';

    it('records the risk owner as the one who accepted it, today', async () => {
        const risk = 'risk r1 "Wrong answers" {\n    treatment accept\n    owner bob\n}\n';
        const applied = await applyFix({ 'people.aims': PEOPLE, 'risk.aims': risk }, 'risk.aims', code);
        expect(applied.after).toBe('risk r1 "Wrong answers" {\n    treatment accept\n    owner bob\n    accepted by bob on 2026-06-01\n}\n');
        expectCleanInsertion(applied, 'risk.aims', code);
    });

    it('without an owner, names the first person of the workspace', async () => {
        const risk = 'risk r1 "Wrong answers" { treatment accept }';
        const applied = await applyFix({ 'people.aims': PEOPLE, 'risk.aims': risk }, 'risk.aims', code);
        expect(applied.after).toBe('risk r1 "Wrong answers" { treatment accept accepted by alice on 2026-06-01 }');
        expectCleanInsertion(applied, 'risk.aims', code);
    });

    it('without any person, leaves a TODO that still parses', async () => {
        const risk = 'risk r1 "Wrong answers" { treatment accept }';
        const applied = await applyFix({ 'risk.aims': risk }, 'risk.aims', code);
        expect(applied.after).toBe('risk r1 "Wrong answers" { treatment accept accepted by TODO on 2026-06-01 }');
        expect(applied.fixed.codes('risk.aims')).not.toContain('aims/syntax-error');
        expect(applied.fixed.codes('risk.aims')).not.toContain(code);
    });
});

describe('quick fixes in general', () => {
    it('keep Windows line endings', async () => {
        const soa = 'soa {\r\n    control A.6.2.4 applicable {\r\n        status implemented\r\n    }\r\n}\r\n';
        const applied = await applyFix({ 'soa.aims': soa }, 'soa.aims', 'aims/implemented-without-evidence');
        expect(applied.after.replace(/\r\n/g, '')).not.toContain('\n');
        expect(applied.after).toContain('        evidence ev-a-6-2-4\r\n    }\r\n');
        expectCleanInsertion(applied, 'soa.aims', 'aims/implemented-without-evidence');
    });

    it('are offered only when quick fixes are asked for', async () => {
        const ws = await workspace({ 'soa.aims': 'soa { control A.10.4 excluded }' });
        const diagnostic = onlyDiagnostic(ws, 'soa.aims', 'aims/exclusion-without-justification');
        const document = ws.documents['soa.aims'];
        const ask = (only?: string[]) => ws.services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic], only }
        });
        expect(await ask([CodeActionKind.Refactor])).toEqual([]);
        expect(await ask([CodeActionKind.QuickFix])).toHaveLength(1);
        expect(await ask()).toHaveLength(1);
    });
});

describe('quick fix: aims/finding-without-nonconformity', () => {
    const code = 'aims/finding-without-nonconformity';

    it('raises a nonconformity after the audit, with its source, about and a corrective action, and links it from the finding', async () => {
        const audits = [
            'audit ia-2026 "Internal audit 2026" {',
            '    scope 7',
            '    conducted 2026-03-10',
            '    auditor bob',
            '    audited alice',
            '    finding minor-nonconformity "Training records missing" { about 7.2 }',
            '}',
            ''
        ].join('\n');
        const applied = await applyFix({ 'people.aims': PEOPLE, 'audits.aims': audits }, 'audits.aims', code);
        expectCleanInsertion(applied, 'audits.aims', code);
        expect(applied.after).toContain('finding minor-nonconformity "Training records missing" { about 7.2 nonconformity nc-ia-2026 }');
        expect(applied.after).toContain([
            'nonconformity nc-ia-2026 "Training records missing" {',
            '    source audit ia-2026',
            '    about 7.2',
            '    raised 2026-06-01',
            '    owner alice'
        ].join('\n'));
        const nc = applied.fixed.services.aims.Model.all('Nonconformity')[0];
        expect(nc.actions.map(a => a.due)).toEqual(['2026-07-01']);
    });

    it('gives a finding without a block one', async () => {
        const audits = 'audit ia-2026 "Audit" { scope 9 conducted 2026-03-10 auditor bob\n    finding major-nonconformity "No management review"\n}\n';
        const applied = await applyFix({ 'people.aims': PEOPLE, 'audits.aims': audits }, 'audits.aims', code);
        expectCleanInsertion(applied, 'audits.aims', code);
        expect(applied.after).toContain('finding major-nonconformity "No management review" { nonconformity nc-ia-2026 }');
    });
});

describe('quick fix: aims/nonconformity-without-effectiveness-review and aims/nonconformity-open-too-long', () => {
    it('records the effectiveness review with the owner and today', async () => {
        const nc = 'nonconformity nc-1 "Wrong figures" {\n    source other "Sample"\n    raised 2026-02-01\n    owner alice\n    root-cause "Stale table"\n    closed 2026-03-01\n}\n';
        const applied = await applyFix({ 'people.aims': PEOPLE, 'nc.aims': nc }, 'nc.aims', 'aims/nonconformity-without-effectiveness-review');
        expectCleanInsertion(applied, 'nc.aims', 'aims/nonconformity-without-effectiveness-review');
        expect(applied.after).toContain('    effectiveness reviewed 2026-06-01 by alice "TODO: did the corrective actions remove the cause?"\n}');
    });

    it('adds a corrective action to a nonconformity open too long', async () => {
        const org = 'organisation acme "Acme" { scope "AI." nonconformities close within 30 days }\n';
        const nc = 'nonconformity nc-1 "Wrong figures" {\n    source other "Sample"\n    raised 2026-02-01\n    owner alice\n}\n';
        const applied = await applyFix({ 'org.aims': org + PEOPLE, 'nc.aims': nc }, 'nc.aims', 'aims/nonconformity-open-too-long');
        expect(applied.fixed.codes('nc.aims')).not.toContain('aims/syntax-error');
        expect(applied.after).toContain('    action "TODO: the corrective action" {\n        owner alice\n        due 2026-07-01\n    }\n}');
    });
});

describe('quick fix: aims/management-review-overdue', () => {
    const ORG = 'organisation acme "Acme" { scope "AI." management-review every 12 months }\n';

    it('records a review held today after the last one, with its chair and participants, every 9.3.2 input and its open actions', async () => {
        const reviews = [
            'management-review mr-2025 "Management review 2025" {',
            '    held 2025-03-01',
            '    chair alice',
            '    participants alice, bob',
            '    inputs previous-actions, issues, interested-parties, nonconformities, monitoring, audits, improvement',
            '    action "Hire an auditor" { owner bob due 2025-06-30 }',
            '}',
            ''
        ].join('\n');
        const applied = await applyFix({ 'org.aims': ORG + PEOPLE, 'mr.aims': reviews }, 'mr.aims', 'aims/management-review-overdue');
        expectCleanInsertion(applied, 'mr.aims', 'aims/management-review-overdue');
        expect(applied.action.title).toBe("Record management review 'mr-2026' held today");
        expect(applied.after).toContain([
            'management-review mr-2026 "Management review 2026" {',
            '    held 2026-06-01',
            '    chair alice',
            '    participants alice, bob',
            '    inputs previous-actions, issues, interested-parties, nonconformities, monitoring, audits, improvement',
            '    // follow up from mr-2025: "Hire an auditor"',
            '    decision "TODO: is the AI management system still suitable, adequate and effective?"',
            '}'
        ].join('\n'));
        // The new review is complete: no missing-input finding either.
        expect(applied.fixed.codes('mr.aims')).not.toContain('aims/management-review-inputs-incomplete');
    });

    it('records the first review after the organisation when none is recorded', async () => {
        const applied = await applyFix({ 'org.aims': ORG + PEOPLE }, 'org.aims', 'aims/management-review-overdue');
        expectCleanInsertion(applied, 'org.aims', 'aims/management-review-overdue');
        expect(applied.after.indexOf('management-review mr-2026')).toBeGreaterThan(applied.after.indexOf('organisation acme'));
    });
});

describe('quick fix: aims/missed-target-without-action', () => {
    it('raises a nonconformity with the measurement as its source, after the measurement', async () => {
        const text = [
            'objective fair "Fair" { owner bob due 2026-12-31 }',
            'measurement fair-q1 "Q1" { objective fair measured 2026-04-01 value "0.7" met no }',
            ''
        ].join('\n');
        const applied = await applyFix({ 'people.aims': PEOPLE, 'm.aims': text }, 'm.aims', 'aims/missed-target-without-action');
        expectCleanInsertion(applied, 'm.aims', 'aims/missed-target-without-action');
        expect(applied.after).toContain('nonconformity nc-fair-q1 "Missed target: Q1" {\n    source monitoring fair-q1\n    raised 2026-06-01\n    owner bob');
    });
});

describe('quick fix: aims/review-overdue', () => {
    it('records a review held today, so that the interval counts from it', async () => {
        const policy = 'policy p "AI policy" {\n    owner alice\n    approved 2025-01-10\n    review every 12 months\n}\n';
        const applied = await applyFix({ 'people.aims': PEOPLE, 'p.aims': policy }, 'p.aims', 'aims/review-overdue');
        expectCleanInsertion(applied, 'p.aims', 'aims/review-overdue');
        expect(applied.after).toContain('    reviewed 2026-06-01 by alice "TODO: what the review found"\n}');
        expect(applied.fixed.services.aims.Model.nextReview(applied.fixed.services.aims.Model.all('Policy')[0])).toBe('2027-06-01');
    });

    it('meets a fixed review date', async () => {
        const risk = 'risk r "R" { inherent likelihood 2 impact 2 treatment avoid owner bob assessed 2026-01-01 review 2026-05-01 }\n';
        const applied = await applyFix({ 'people.aims': PEOPLE, 'r.aims': risk }, 'r.aims', 'aims/review-overdue');
        expectCleanInsertion(applied, 'r.aims', 'aims/review-overdue');
        expect(applied.after).toContain('reviewed 2026-06-01 by bob "TODO: what the review found" }');
    });
});

describe('quick fix: aims/inclusion-without-justification and aims/soa-not-approved', () => {
    it('adds a because placeholder after applicable', async () => {
        const soa = 'soa {\n    control A.2.2 applicable { status planned }\n}\n';
        const applied = await applyFix({ 'people.aims': PEOPLE, 'soa.aims': soa }, 'soa.aims', 'aims/inclusion-without-justification');
        expectCleanInsertion(applied, 'soa.aims', 'aims/inclusion-without-justification');
        expect(applied.after).toContain('control A.2.2 applicable because "TODO: why this control is included" { status planned }');
    });

    it('records the approval in the statement of applicability', async () => {
        const soa = 'organisation acme "Acme" { scope "AI." }\nsoa "SoA" {\n    control A.10.4 excluded because "We supply no AI systems to customers."\n}\n';
        const applied = await applyFix({ 'people.aims': PEOPLE, 'soa.aims': soa }, 'soa.aims', 'aims/soa-not-approved');
        expectCleanInsertion(applied, 'soa.aims', 'aims/soa-not-approved');
        expect(applied.after).toContain('    approved 2026-06-01 by alice version "TODO"\n}');
    });
});

describe('quick fix: aims/documented-information-missing', () => {
    it('scaffolds the declarations the missing clauses call for, and the risk criteria in the organisation', async () => {
        const org = 'organisation acme "Acme" {\n    scope "AI systems of Acme."\n}\n';
        const applied = await applyFix({ 'people.aims': PEOPLE, 'org.aims': org }, 'org.aims', 'aims/documented-information-missing');
        expect(applied.action.title).toContain('Scaffold the records for 6.1.1, 5.2, 6.2, 7.2, 9.2.2, 9.2, 9.3, 9.3.3, 10.2, 7.5.1, 8.1, 7.5');
        expect(applied.fixed.codes('org.aims').filter(c => c === 'aims/syntax-error' || c === 'aims/unresolved-reference')).toEqual([]);
        expect(applied.after).toContain('    accept risks up to 6 by alice\n}');
        for (const head of ['policy ai-policy', 'objective ai-objective', 'competence ai-governance', 'training alice-training', 'audit-programme internal-audit', 'audit internal-audit-1', 'management-review management-review-1', 'nonconformity nc-1', 'evidence ev-aims-procedures']) {
            expect(applied.after).toContain(`\n${head} `);
        }
        const still = applied.fixed.all.find(d => String(d.code) === 'aims/documented-information-missing');
        // What needs facts of the user's own stays listed: risks, impact assessments, results, a conducted audit.
        expect(still?.message).not.toMatch(/\b(5\.2|9\.2\.2|10\.2|7\.5\.1) \(/);
        expect(still?.message).toContain('6.1.2 (');
    });
});
