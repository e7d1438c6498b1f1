/**
 * The Markdown report: GitHub-flavoured tables of the same data as the HTML report, for pull
 * requests, wikis and diffs. Cell text is escaped so that user text can neither break a table
 * (`|`, newlines) nor turn into markup (`<`, `*`, `[`...).
 */
import { TOOL } from '../cli/tool-info.js';
import type { ReportData, RatingData, Ref, HeatMap, SoaRow } from './aims-report-data.js';
import { catalog } from '../catalog/catalog.js';
import {
    obligationStateLabel,
    EU_CATEGORY_LABEL, freshnessLabel, IMPACT_ASSESSMENT_LABEL, LEVEL_LABEL, COVERAGE_LEVEL_LABEL, COVERAGE_LEVELS, coverageWhy, SEVERITY_LABEL,
    soaStateLabel, wordsOf, AUDIT_FINDING_LABEL, NONCONFORMITY_STATE_LABEL, reviewInputLabel, actionStateLabel
} from './report-labels.js';
import type { ActionRow } from './management-system-data.js';

/** Text safe in a GFM table cell: markup characters escaped, pipes escaped, line breaks as <br>. */
export function markdownCell(text: string | number | undefined): string {
    if (text === undefined || text === '') return '';
    return String(text)
        .replace(/[\\`*_[\]{}#+!~>]/g, ch => `\\${ch}`)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/\|/g, '\\|')
        .replace(/\r\n|\r|\n/g, '<br>');
}

/** Text safe in a paragraph or heading (no table, so newlines become spaces). */
function markdownText(text: string): string {
    return markdownCell(text).replace(/<br>/g, ' ');
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function table(head: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
    const line = (cells: readonly string[]) => `| ${cells.map(c => c === '' ? ' ' : c).join(' | ')} |`;
    return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function who(ref: Ref | undefined): string {
    return ref ? markdownCell(ref.title ?? ref.id) : '';
}

function rating(r: RatingData | undefined): string {
    return r ? `${r.score} (${r.likelihood} × ${r.impact}, ${LEVEL_LABEL[r.level].toLowerCase()}${r.inScale ? '' : ', outside the scale'})` : '';
}

function code(id: string): string {
    // Code spans cannot hold a backtick; ids never contain one, but user names might.
    return id.includes('`') ? markdownCell(id) : `\`${id.replace(/\|/g, '\\|')}\``;
}

export function renderMarkdownReport(data: ReportData): string {
    const s = data.summary;
    const org = data.organisation;
    const out: string[] = [];
    out.push(`# AI management system report: ${markdownText(org?.title ?? 'AI management system')}`, '');
    if (org?.scope) out.push(`> ${markdownText(org.scope)}`, '');
    out.push(
        `- Report date: ${data.today}`,
        `- Commit: ${data.commit ? `${code(data.commit.hash)}${data.commit.dirty ? ' (with uncommitted changes)' : ''}` : 'not a git repository'}`,
        `- Source: ${data.files.length} .aims file${data.files.length === 1 ? '' : 's'}`,
        ''
    );
    out.push('## Summary', '', table(['Measure', 'Value'], [
        ['Statement of applicability decided', `${s.decided} / ${s.annexATotal} Annex A controls (${s.undecided} undecided, ${s.missing} without entry)`],
        ['Implemented', `${s.implemented} / ${s.applicable} applicable Annex A controls`],
        ['Excluded', String(s.excluded)],
        ['Organisation controls', String(s.organisationControls)],
        ['Open findings', `${s.openFindings} (${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')})`],
        ['High-risk AI systems', `${s.highRiskSystems} / ${s.systems}${s.prohibitedSystems > 0 ? `, ${s.prohibitedSystems} prohibited` : ''}`],
        ['Risks', `${s.risks} (${s.highResidualRisks} with high or critical residual rating)`],
        ['NIST AI RMF subcategories covered by implemented controls', `${s.nistCovered} / ${s.nistTotal} (${s.nistPartlyCovered} more partly covered)`],
        ['Evidence', `${s.evidence} (${s.evidenceExpired} expired, ${s.evidenceExpiring} expiring within ${data.evidenceWindowDays} days)`]
    ]), '');

    const isms = data.iso27001Soa;
    out.push('## 1. Statement of applicability', '', soaTable(data.soa), '');
    if (isms) {
        out.push('### ISO/IEC 27001:2022 Annex A', '',
            `The statement of applicability of the information security management system kept in the same workspace (\`soa iso27001\`): ${isms.decided} of ${isms.total} controls decided (${isms.undecided} undecided, ${isms.missing} without entry), ${isms.implemented} of ${isms.applicable} applicable controls implemented, ${isms.excluded} excluded.`, '',
            soaTable(isms.rows), '');
    }

    const subs = data.nist.flatMap(f => f.categories.flatMap(c => c.subcategories));
    out.push('## 2. NIST AI RMF coverage', '',
        'Each subcategory is followed through its mappings to the controls the organisation implements: the crosswalk, the NIST references of organisation controls, and the workspace\'s own `map` declarations. The crosswalk gives no relationship type, so its pairs count as intersects-with and show partial coverage at most. A subcategory is covered when an implemented control is equal to it or contains it (directly or through a chain of mappings), partly covered when implemented controls meet part of it, and not covered otherwise. Clauses 4 to 10 are management-system requirements, not controls: they are listed and never cover a subcategory.', '',
        `Crosswalk: ${catalog.crosswalkSource}.`, '',
        table(['Function', ...COVERAGE_LEVELS.map(st => COVERAGE_LEVEL_LABEL[st]), 'Subcategories'],
            data.nist.map(fn => [fn.id, ...COVERAGE_LEVELS.map(st => String(fn.counts[st])), String(fn.categories.reduce((n, c) => n + c.subcategories.length, 0))])),
        '',
        table(['Subcategory', 'Coverage', 'Why', 'Mapped controls', 'Clauses', 'Evidence'],
            subs.map(sub => [
                code(sub.id),
                COVERAGE_LEVEL_LABEL[sub.level],
                markdownCell(coverageWhy(sub)),
                sub.controls.map(code).join(', '),
                sub.clauses.join(', '),
                sub.evidence.map(markdownCell).join(', ')
            ])),
        '');

    for (const fw of data.frameworks) {
        out.push(`### ${markdownText(fw.title)} (${code(fw.id)})`, '',
            `${fw.counts.covered} of ${fw.requirements.length} requirements covered, ${fw.counts['partly-covered']} partly covered, ${fw.counts['not-covered']} not covered.`, '');
        if (fw.requirements.length > 0) {
            out.push(table(['Requirement', 'Title', 'Coverage', 'Why', 'Mapped controls', 'Evidence'], fw.requirements.map(r => [
                code(r.id), markdownCell(r.title), COVERAGE_LEVEL_LABEL[r.level], markdownCell(coverageWhy(r)), r.controls.map(code).join(', '), r.evidence.map(markdownCell).join(', ')
            ])), '');
        }
    }

    out.push('## 3. Risk register', '',
        `Scales: likelihood ${data.likelihoodScale.min} to ${data.likelihoodScale.max}, impact ${data.impactScale.min} to ${data.impactScale.max}.`, '');
    if (data.risks.length === 0) {
        out.push('The AIMS declares no risks.', '');
    } else {
        out.push(table(['Risk', 'Title', 'Systems', 'Inherent', 'Treatment', 'Controls', 'Residual', 'Owner', 'Review', 'Accepted by'],
            data.risks.map(r => [
                code(r.id),
                markdownCell(r.title),
                r.systems.map(sys => markdownCell(sys.title ?? sys.id)).join(', '),
                rating(r.inherent),
                r.treatment ? wordsOf(r.treatment) : 'none',
                r.controls.map(c => code(c.id)).join(', '),
                rating(r.residual),
                who(r.owner),
                r.nextReview ?? '',
                r.acceptedBy ? `${who(r.acceptedBy)}${r.acceptedOn ? ` on ${r.acceptedOn}` : ''}` : ''
            ])), '');
    }
    out.push('### Heat map: inherent', '', heatTable(data.heatMaps.inherent), '', '### Heat map: residual', '', heatTable(data.heatMaps.residual), '');

    out.push('## 4. AI system inventory', '');
    if (data.systems.length === 0) {
        out.push('The AIMS declares no AI systems.', '');
    } else {
        out.push(table(['System', 'Title', 'Stage', 'Role', 'EU AI Act', 'Annex III', 'Impact assessment', 'Owner', 'Risks', 'Controls'],
            data.systems.map(sys => [
                code(sys.id),
                markdownCell(sys.title),
                wordsOf(sys.stage),
                sys.role ? wordsOf(sys.role) : '',
                sys.euCategory ? EU_CATEGORY_LABEL[sys.euCategory] ?? sys.euCategory : 'not classified',
                sys.annexIII ? markdownCell(`${sys.annexIII.id}${sys.annexIII.title ? `: ${sys.annexIII.title}` : ''}`) : '',
                `${IMPACT_ASSESSMENT_LABEL[sys.impactAssessment]}${sys.assessments[0] ? ` (${markdownCell(sys.assessments[0].title)})` : ''}`,
                who(sys.owner),
                String(sys.risks.length),
                sys.controls.map(code).join(', ')
            ])), '');
    }
    const euSystems = data.systems.filter(sys => sys.euAiAct.operatorRoles.length > 0 || sys.euAiAct.obligations.length > 0);
    if (euSystems.length > 0) {
        out.push('### EU AI Act', '');
        for (const sys of euSystems) {
            const eu = sys.euAiAct;
            const open = eu.obligations.filter(o => o.state === 'open');
            out.push(`#### ${code(sys.id)} ${markdownCell(sys.title)}`, '',
                `Operator role: ${eu.operatorRoles.map(r => r.replace(/-/g, ' ')).join(', ') || 'not declared'}. Class: ${eu.euClass ? EU_CATEGORY_LABEL[eu.euClass] ?? eu.euClass : 'not classified'}${eu.route ? ` (${markdownCell(eu.route)})` : ''}.`
                + `${eu.transparency.length > 0 ? ` Transparency: ${eu.transparency.join(', ')}.` : ''}`
                + `${eu.friaReasons.length > 0 ? ` Article 27 applies: ${eu.friaReasons.join('; ')}.` : ''}`
                + ` Obligations: ${eu.obligations.length - open.length} of ${eu.obligations.length} met or not applicable.`, '');
            if (eu.obligations.length > 0) {
                out.push(table(['Article', 'Duty', 'Applies from', 'State', 'Addressed by'], eu.obligations.map(o => [
                    o.article, markdownCell(o.duty), o.appliesFrom, obligationStateLabel(o), markdownCell(o.addressedBy.join(', '))
                ])), '');
            }
        }
    }

    out.push(...managementSystemMarkdown(data));

    out.push('## 8. Findings', '');
    if (data.findings.length === 0) {
        out.push('No findings: every check passes.', '');
    } else {
        out.push(table(['Severity', 'Location', 'Rule', 'Finding'],
            data.findings.map(f => [SEVERITY_LABEL[f.severity], code(`${f.file}:${f.line}`), code(f.code), markdownCell(f.message)])), '');
    }
    out.push('---', '', `Generated by AIMS language tools ${TOOL.version} as of ${data.today}. Control summaries are the tools' own words, not the text of the standard.`, '');
    return out.join('\n');
}

/** Likelihood down the side (highest first), impact across: counts per cell. */
function heatTable(map: HeatMap): string {
    const impacts: number[] = [];
    for (let i = map.impact.min; i <= map.impact.max && impacts.length < 100; i++) impacts.push(i);
    const likelihoods: number[] = [];
    for (let l = map.likelihood.max; l >= map.likelihood.min && likelihoods.length < 100; l--) likelihoods.push(l);
    const rows = likelihoods.map(l => [`**${l}**`, ...impacts.map(i => {
        const cell = map.cells.find(c => c.likelihood === l && c.impact === i);
        return cell && cell.risks.length > 0 ? String(cell.risks.length) : '·';
    })]);
    const notes = [
        map.unrated.length > 0 ? `Not rated: ${map.unrated.map(code).join(', ')}.` : '',
        map.outOfScale.length > 0 ? `Outside the scale: ${map.outOfScale.map(code).join(', ')}.` : ''
    ].filter(Boolean);
    return [table(['Likelihood \\ impact', ...impacts.map(String)], rows), ...(notes.length > 0 ? ['', notes.join(' ')] : [])].join('\n');
}

/** Sections 5 to 7: internal audit, the nonconformity register and the last management review. */
function managementSystemMarkdown(data: ReportData): string[] {
    const ms = data.managementSystem;
    const out: string[] = ['## 5. Internal audit', ''];
    if (ms.programmes.length === 0) {
        out.push('The AIMS declares no audit programme.', '');
    }
    for (const p of ms.programmes) {
        const gaps = [...p.missingClauses.map(c => `clause ${c}`), ...p.missingControls];
        out.push(`### ${markdownText(p.title)} (${code(p.id)})`, '',
            `Cycle ${p.cycle}${p.cycleFrom ? `, current cycle ${p.cycleFrom} to ${p.cycleTo}` : ''}; owner ${who(p.owner) || 'not named'}; ${plural(p.auditsInCycle.length, 'audit')} in the cycle. `
            + (gaps.length === 0 ? 'The cycle\'s audits cover every main clause and every applicable control.' : `Not in the scope of any audit of the cycle: ${gaps.map(code).join(', ')}.`), '');
    }
    if (ms.audits.length > 0) {
        out.push(table(['Audit', 'Title', 'State', 'Date', 'Scope', 'Auditor', 'Findings'], ms.audits.map(a => [
            code(a.id), markdownCell(a.title), a.state, `${a.date ?? ''}${a.until ? ` to ${a.until}` : ''}`,
            a.scope.map(code).join(', '), a.auditors.map(who).join(', '),
            a.findings.map(f => `${AUDIT_FINDING_LABEL[f.kind] ?? f.kind}: ${markdownCell(f.title)}${f.about.length > 0 ? ` (${f.about.join(', ')})` : ''}${f.nonconformity ? ` → ${code(f.nonconformity)}` : ''}`).join('<br>')
        ])), '');
    }

    const ncs = ms.nonconformities;
    out.push('## 6. Nonconformities and corrective actions', '');
    if (ncs.length === 0) {
        out.push('The AIMS records no nonconformities.', '');
    } else {
        out.push(table(['Nonconformity', 'Title', 'State', 'Source', 'Raised', 'Owner', 'Root cause', 'Corrective actions', 'Closed', 'Effectiveness reviewed'], ncs.map(nc => [
            code(nc.id), markdownCell(nc.title), NONCONFORMITY_STATE_LABEL[nc.state], markdownCell(nc.source), nc.raised ?? '', who(nc.owner),
            markdownCell(nc.rootCause), actionsCell(nc.actions), nc.closed ?? (nc.closeBy ? `close by ${nc.closeBy}` : ''),
            nc.effectivenessReviewed ? `${nc.effectivenessReviewed}${nc.effectivenessReviewer ? ` by ${who(nc.effectivenessReviewer)}` : ''}` : ''
        ])), '');
    }

    out.push('## 7. Management review', '');
    const last = ms.lastReview;
    const next = ms.nextReviewDue ? `The next is due on ${ms.nextReviewDue}${ms.reviewOverdue ? ' (overdue)' : ''}, every ${ms.reviewInterval}.`
        : ms.reviewInterval ? `The organisation holds one every ${ms.reviewInterval}.` : 'The organisation declares no review interval.';
    if (!last) {
        out.push(`No management review is recorded as held. ${next}`, '');
        return out;
    }
    out.push(`Last held: ${code(last.id)} ${markdownText(last.title)} on ${last.held}, chaired by ${who(last.chair) || 'nobody named'}. ${next}`, '',
        `- Participants: ${last.participants.map(who).join(', ') || 'none recorded'}`,
        `- Inputs: ${last.inputs.map(reviewInputLabel).join(', ') || 'none recorded'}${last.missingInputs.length > 0 ? `; not recorded: ${last.missingInputs.map(reviewInputLabel).join(', ')}` : ''}`,
        ...last.decisions.map(d => `- Decision: ${markdownText(d)}`), '');
    if (last.actions.length > 0) {
        out.push(table(['Action', 'Owner', 'State'], last.actions.map(a => [markdownCell(a.title), who(a.owner), actionStateLabel(a)])), '');
    }
    return out;
}

function actionsCell(actions: readonly ActionRow[]): string {
    return actions.map(a => `${markdownCell(a.title)} (${a.owner ? `${who(a.owner)}, ` : ''}${actionStateLabel(a)})`).join('<br>');
}

function soaTable(rows: readonly SoaRow[]): string {
    return table(
        ['Control', 'Title', 'Decision', 'Owner', 'Treats', 'Evidence', 'Justification / note'],
        rows.map(row => [
            code(row.controlId),
            markdownCell(row.title),
            soaStateLabel(row),
            who(row.owner),
            row.risks.map(r => markdownCell(r.title ?? r.id)).join('<br>'),
            row.evidence.map(ev => `${markdownCell(ev.title ?? ev.id)} (${freshnessLabel(ev)})`).join('<br>'),
            markdownCell(row.decision === 'excluded' ? (row.justification?.trim() ? row.justification : 'No justification') : row.note)
        ])
    );
}
