/**
 * The HTML report: one self-contained file (inline CSS and SVG, no scripts, no external fonts,
 * images or styles) that a compliance lead can send to an auditor or print to PDF. Every value
 * from the workspace goes through the escaping `html` tag.
 */
import { catalog } from '../catalog/catalog.js';
import type { CoverageLevel } from '../model/mappings.js';
import type {
    EvidenceLink, FindingRow, FrameworkRow, HeatMap, NistCounts, NistFunctionRow, NistSubcategoryRow, RatingData, Ref, ReportData,
    RiskRow, SoaGroup, SoaRow, SystemRow
} from './aims-report-data.js';
import { heatMapSvg } from './heat-map-svg.js';
import { html, join, Markup, type Content } from './html-markup.js';
import {
    EU_CATEGORY_LABEL, obligationStateLabel, freshnessLabel, IMPACT_ASSESSMENT_LABEL, LEVEL_LABEL, COVERAGE_LEVEL_LABEL, COVERAGE_LEVELS, coverageWhy, SEVERITY_LABEL,
    soaStateKey, soaStateLabel, wordsOf, AUDIT_FINDING_LABEL, NONCONFORMITY_STATE_LABEL, reviewInputLabel, actionStateLabel
} from './report-labels.js';
import type { ActionRow, AuditRow, NonconformityRow } from './management-system-data.js';
import { REPORT_CSS } from './report-styles.js';
import { TOOL } from '../cli/tool-info.js';

export interface HtmlReportOptions {
    /**
     * For pages shown under a Content-Security-Policy (the VS Code webview): the style element
     * carries this nonce, and the page declares a policy that allows that style and nothing else
     * (no scripts, no remote content, images only as data: URIs).
     */
    readonly nonce?: string;
}

/** The policy a page rendered with `nonce` declares. */
export function reportContentSecurityPolicy(nonce: string): string {
    return `default-src 'none'; style-src 'nonce-${nonce}'; img-src data:; base-uri 'none'; form-action 'none'`;
}

const SECTIONS = [
    ['soa', 'Statement of applicability'],
    ['nist', 'NIST AI RMF coverage'],
    ['risks', 'Risk register'],
    ['systems', 'AI system inventory'],
    ['audits', 'Internal audit'],
    ['nonconformities', 'Nonconformities and corrective actions'],
    ['review', 'Management review'],
    ['findings', 'Findings']
] as const;

export function renderHtmlReport(data: ReportData, options: HtmlReportOptions = {}): string {
    const orgName = data.organisation?.title ?? 'AI management system';
    const nonce = options.nonce ? html` nonce="${options.nonce}"` : undefined;
    const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
${options.nonce ? html`<meta http-equiv="Content-Security-Policy" content="${reportContentSecurityPolicy(options.nonce)}">` : undefined}
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="AIMS language tools">
<title>AIMS report: ${orgName}, ${data.today}</title>
<style${nonce}>${new Markup(REPORT_CSS)}${new Markup(printedPageRule(data))}</style>
</head>
<body>
${cover(data)}
${tiles(data)}
<nav class="toc" aria-label="Contents"><ol>${SECTIONS.map(([id, title], i) => html`<li><a href="#${id}"><span class="n">${i + 1}</span>${title}</a></li>`)}</ol></nav>
<main>
${soaSection(data)}
${nistSection(data)}
${riskSection(data)}
${systemSection(data)}
${auditSection(data)}
${nonconformitySection(data)}
${reviewSection(data)}
${findingSection(data)}
</main>
${footer(data)}
</body>
</html>
`;
    return page.value;
}

// ---------------------------------------------------------------- cover and summary

function cover(data: ReportData): Markup {
    const org = data.organisation;
    const commit = data.commit
        ? html`<code>${data.commit.hash.slice(0, 12)}</code>${data.commit.dirty ? html` <span class="note">with uncommitted changes</span>` : undefined}`
        : data.commitSkipped ? html`<span>not asked: ${data.commitSkipped}</span>` : html`<span>not a git repository</span>`;
    return html`<header class="cover">
<div class="eyebrow"><span>AI management system report</span><span>ISO/IEC 42001 · NIST AI RMF 1.0 · EU AI Act</span></div>
<h1>${org?.title ?? 'AI management system'}</h1>
${org?.scope ? html`<p class="scope">${org.scope}</p>` : html`<p class="scope">No organisation is declared in this workspace.</p>`}
<dl class="facts">
<div><dt>Report date</dt><dd>${data.today}</dd></div>
<div><dt>Commit</dt><dd>${commit}</dd></div>
<div><dt>Source</dt><dd>${data.files.length} .aims file${data.files.length === 1 ? '' : 's'}</dd></div>
<div><dt>Tool</dt><dd>AIMS language tools ${TOOL.version}</dd></div>
${org && org.roles.length > 0 ? html`<div><dt>AI roles</dt><dd>${org.roles.map(wordsOf).join(', ')}</dd></div>` : undefined}
</dl>
</header>`;
}

function tiles(data: ReportData): Markup {
    const s = data.summary;
    const excludedRows = data.soa.filter(r => r.kind === 'annex-a' && r.decision === 'excluded');
    const unjustified = excludedRows.filter(r => !r.justification?.trim()).length;
    const tile = (tone: string, label: string, value: Content, sub: Content, bar?: Markup) =>
        html`<div class="tile ${tone}"><div class="label">${label}</div><div class="value">${value}</div><div class="sub">${sub}</div>${bar}</div>`;
    const decidedTone = s.decided === s.annexATotal ? 'good' : s.missing > 0 ? 'bad' : 'warn';
    const findingTone = s.errors > 0 ? 'bad' : s.warnings > 0 ? 'warn' : 'good';
    const evidenceTone = s.evidenceExpired > 0 ? 'bad' : s.evidenceExpiring > 0 ? 'warn' : 'good';
    return html`<section class="tiles" aria-label="Summary">
${tile(decidedTone, 'SoA decided', html`${s.decided}<small> / ${s.annexATotal}</small>`,
        s.undecided + s.missing === 0 ? 'Every Annex A control decided' : `${s.undecided} undecided, ${s.missing} without entry`,
        bar([[s.decided, '#2f7d4f'], [s.undecided, '#e0a82e'], [s.missing, '#d9534f']]))}
${tile('good', 'Implemented', html`${s.implemented}<small> / ${s.applicable}</small>`, 'applicable Annex A controls',
        bar([[s.implemented, '#2f7d4f'], [s.applicable - s.implemented, '#c9d6e3']]))}
${tile('neutral', 'Excluded', s.excluded, s.excluded === 0 ? 'No control excluded' : unjustified === 0 ? 'each with a justification' : `${unjustified} without justification`)}
${tile(findingTone, 'Open findings', s.openFindings, `${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}`)}
${tile(s.prohibitedSystems > 0 ? 'bad' : s.highRiskSystems > 0 ? 'warn' : 'neutral', 'High-risk AI systems', html`${s.highRiskSystems}<small> / ${s.systems}</small>`,
        s.prohibitedSystems > 0 ? `${s.prohibitedSystems} prohibited` : 'EU AI Act high-risk category')}
${tile(s.highResidualRisks > 0 ? 'warn' : 'good', 'Risks', s.risks, `${s.highResidualRisks} with high or critical residual rating`)}
${tile('neutral', 'NIST AI RMF', html`${s.nistCovered}<small> / ${s.nistTotal}</small>`, `subcategories covered, ${s.nistPartlyCovered} partly`,
        bar([[s.nistCovered, NIST_COLOURS.covered], [s.nistPartlyCovered, NIST_COLOURS['partly-covered']], [s.nistTotal - s.nistCovered - s.nistPartlyCovered, '#c9d6e3']]))}
${tile(evidenceTone, 'Evidence', s.evidence, `${s.evidenceExpired} expired, ${s.evidenceExpiring} expiring within ${data.evidenceWindowDays} days`)}
</section>`;
}

/** A horizontal stacked bar as SVG (segments as rect attributes, so no inline styles). */
function bar(segments: ReadonlyArray<readonly [number, string]>, label?: string): Markup {
    const total = segments.reduce((n, [v]) => n + Math.max(0, v), 0);
    let x = 0;
    const rects = total === 0
        ? [html`<rect x="0" y="0" width="100" height="10" fill="#e3e8ee"/>`]
        : segments.filter(([v]) => v > 0).map(([v, colour]) => {
            const w = (v / total) * 100;
            const r = html`<rect x="${x.toFixed(3)}" y="0" width="${w.toFixed(3)}" height="10" fill="${colour}"/>`;
            x += w;
            return r;
        });
    return html`<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${label ?? 'proportion'}">${rects}</svg>`;
}

// ---------------------------------------------------------------- statement of applicability

const SOA_STATES = ['implemented', 'in-progress', 'planned', 'applicable', 'excluded', 'undecided', 'missing'] as const;
const SOA_COLOURS: Record<string, string> = {
    'implemented': '#2f7d4f', 'in-progress': '#2563a8', 'planned': '#7c62c9', 'applicable': '#6c93bd',
    'excluded': '#a6b1bd', 'undecided': '#e0a82e', 'missing': '#d9534f'
};

function soaSection(data: ReportData): Markup {
    const annexA = data.soa.filter(r => r.kind === 'annex-a');
    const org = data.soa.filter(r => r.kind === 'organisation');
    const orgRows = org.length === 0 ? undefined
        : html`<tr class="group"><th colspan="6"><span class="mono">ORG</span>Controls of ${data.organisation?.title ?? 'the organisation'}</th></tr>${org.map(soaRow)}`;
    const isms = data.iso27001Soa;
    return html`<section class="part" id="soa">
<h2><span class="n">1</span>Statement of applicability<span class="count">${annexA.length} Annex A controls${org.length > 0 ? `, ${org.length} organisation control${org.length === 1 ? '' : 's'}` : ''}${isms ? `, ${isms.total} ISO/IEC 27001 controls` : ''}</span></h2>
<p class="lead">Each ISO/IEC 42001 Annex A control with the decision the AIMS records for it, who owns it, the risks it treats and the evidence that shows it works. Evidence is judged against the report date; evidence that names a control in its <code>supports</code> list is shown with it.</p>
${soaTable(data.soaGroups, annexA, 'Annex A decisions', orgRows)}
${isms ? html`<h3 id="soa-iso27001">ISO/IEC 27001:2022 Annex A <span class="count">${isms.decided} of ${isms.total} decided, ${isms.implemented} of ${isms.applicable} applicable implemented</span></h3>
<p class="lead">The statement of applicability of the information security management system kept in the same workspace (<code>soa iso27001</code>), judged by the same rules.</p>
${soaTable(isms.groups, isms.rows, 'ISO/IEC 27001 Annex A decisions')}` : undefined}
</section>`;
}

/** The decision bar, its legend and the table of one Annex A, group by group. */
function soaTable(soaGroups: readonly SoaGroup[], rows: readonly SoaRow[], label: string, extraRows?: Markup): Markup {
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(soaStateKey(row), (counts.get(soaStateKey(row)) ?? 0) + 1);
    const present = SOA_STATES.filter(k => (counts.get(k) ?? 0) > 0);
    const groups = soaGroups.map(group => {
        const inGroup = rows.filter(r => r.group === group.id);
        return inGroup.length === 0 ? undefined
            : html`<tr class="group"><th colspan="6"><span class="mono">${group.id}</span>${group.title}</th></tr>${inGroup.map(soaRow)}`;
    });
    return html`<div class="distribution">${bar(present.map(k => [counts.get(k) ?? 0, SOA_COLOURS[k]] as const), label)}
<ul class="legend">${present.map(k => html`<li><span class="sw sw-${k}"></span>${soaStateLabel(stateOf(k))} <b>${counts.get(k) ?? 0}</b></li>`)}</ul></div>
<div class="table-scroll"><table class="soa">
<colgroup><col class="w-control"><col class="w-decision"><col class="w-owner"><col class="w-treats"><col class="w-evidence"><col class="w-note"></colgroup>
<thead><tr><th>Control</th><th>Decision</th><th>Owner</th><th>Treats</th><th>Evidence</th><th>Justification / note</th></tr></thead>
<tbody>
${groups}${extraRows}
</tbody>
</table></div>`;
}

function stateOf(key: string): Pick<SoaRow, 'decision' | 'status'> {
    return ['implemented', 'in-progress', 'planned'].includes(key)
        ? { decision: 'applicable', status: key as SoaRow['status'] }
        : { decision: key as SoaRow['decision'] };
}

function soaRow(row: SoaRow): Markup {
    const text = row.decision === 'excluded'
        ? (row.justification?.trim() ? html`${row.justification}` : html`<span class="badge b-bad">No justification</span>`)
        : row.note ? html`${row.note}` : html``;
    return html`<tr>
<td class="title-cell"${row.summary ? html` title="${row.summary}"` : undefined}><span class="cid">${row.controlId}</span> <span class="t">${row.title}</span>${row.kind === 'organisation' && row.summary ? html`<span class="sub-text">${row.summary}</span>` : undefined}</td>
<td><span class="badge s-${soaStateKey(row)}">${soaStateLabel(row)}</span></td>
<td>${person(row.owner)}</td>
<td>${row.risks.length === 0 ? dash() : html`<ul class="plain">${row.risks.map(r => html`<li title="${r.title ?? ''}">${r.title ?? r.id}</li>`)}</ul>`}</td>
<td>${row.evidence.length === 0 ? dash() : row.evidence.map(evidence)}</td>
<td>${text}</td>
</tr>`;
}

function evidence(ev: EvidenceLink): Markup {
    return html`<span class="ev f-${ev.freshness}" title="${ev.id}"><span class="dot"></span><span>${ev.title ?? ev.id}<span class="when">${freshnessLabel(ev)}</span></span></span>`;
}

function person(ref: Ref | undefined): Markup {
    return ref ? html`<span title="${ref.id}">${ref.title ?? ref.id}</span>` : dash();
}

function dash(): Markup {
    return html`<span class="muted">—</span>`;
}

// ---------------------------------------------------------------- NIST AI RMF

const NIST_COLOURS: Record<CoverageLevel, string> = {
    'covered': '#2f7d4f', 'partly-covered': '#7fb48f', 'not-covered': '#e8a7a1'
};

function nistSection(data: ReportData): Markup {
    const subs = data.nist.flatMap(f => f.categories.flatMap(c => c.subcategories));
    const total: NistCounts = { 'covered': 0, 'partly-covered': 0, 'not-covered': 0 };
    for (const s of subs) total[s.level]++;
    const gaps = subs.filter(s => s.level !== 'covered');
    return html`<section class="part" id="nist">
<h2><span class="n">2</span>NIST AI RMF coverage<span class="count">${subs.length} subcategories</span></h2>
<p class="lead">Each NIST AI RMF 1.0 subcategory, followed through its mappings to the controls the organisation implements: the AI RMF to ISO/IEC 42001 crosswalk (hosted by NIST's AI Resource Center, provided by Microsoft, mapped against the final draft of ISO/IEC 42001), the NIST references of organisation controls, and the workspace's own <code>map</code> declarations, which type a pair or replace the crosswalk's. The crosswalk gives no relationship type, so its pairs count as “intersects with”: on their own they show partial coverage, never full. A subcategory is covered when an implemented control is equal to it or contains it (the subcategory is a subset of the control, directly or through a chain of mappings), partly covered when implemented controls meet part of it, and not covered otherwise. Clauses 4 to 10 are requirements on the management system itself, not controls: they are listed beside a subcategory and never cover it.</p>
${nistLegend(total)}
<div class="nist-grid">${data.nist.map(nistFunction)}</div>
<h3>Subcategories not fully covered</h3>
${gaps.length === 0 ? html`<p class="empty">Every subcategory is covered by an implemented control.</p>` : html`<div class="table-scroll"><table class="gaps">
<colgroup><col class="w-sub"><col class="w-coverage"><col class="w-controls"><col class="w-clauses"><col></colgroup>
<thead><tr><th>Subcategory</th><th>Coverage and why</th><th>Mapped controls</th><th>Clauses</th><th>Evidence</th></tr></thead>
<tbody>${gaps.map(s => gapRow(s, data))}</tbody>
</table></div>`}
${data.frameworks.map(frameworkCoverage)}
</section>`;
}

/** A framework the workspace declares: each requirement with its level and why. */
function frameworkCoverage(fw: FrameworkRow): Markup {
    const n = fw.requirements.length;
    return html`<h3 id="framework-${fw.id}">${fw.title} <span class="sub-text mono">${fw.id}${fw.version ? ` · ${fw.version}` : ''}${fw.source ? ` · ${fw.source}` : ''}</span></h3>
<p>${fw.counts.covered} of ${n} requirement${n === 1 ? '' : 's'} covered, ${fw.counts['partly-covered']} partly covered, ${fw.counts['not-covered']} not covered, through the workspace's mappings to implemented controls.</p>
${nistLegend(fw.counts)}
${n === 0 ? undefined : html`<div class="table-scroll"><table class="gaps">
<colgroup><col class="w-sub"><col class="w-coverage"><col class="w-controls"><col></colgroup>
<thead><tr><th>Requirement</th><th>Coverage and why</th><th>Mapped controls</th><th>Evidence</th></tr></thead>
<tbody>${fw.requirements.map(r => html`<tr>
<th class="id"><span class="cid">${r.id}</span><span class="sub-text">${r.title}</span></th>
<td class="nist-status"><span class="chip n-${r.level}">${COVERAGE_LEVEL_LABEL[r.level]}</span><span class="sub-text">${coverageWhy(r)}</span></td>
<td>${r.controls.length === 0 ? dash() : html`<span class="mono">${r.controls.join(', ')}</span>`}</td>
<td>${r.evidence.length === 0 ? dash() : r.evidence.join(', ')}</td>
</tr>`)}</tbody>
</table></div>`}`;
}

function nistLegend(counts: NistCounts): Markup {
    return html`<ul class="legend">${COVERAGE_LEVELS.map(s => html`<li><span class="sw sw-n-${s}"></span>${COVERAGE_LEVEL_LABEL[s]} <b>${counts[s]}</b></li>`)}</ul>`;
}

function nistFunction(fn: NistFunctionRow): Markup {
    const n = fn.categories.reduce((k, c) => k + c.subcategories.length, 0);
    const pct = n === 0 ? 0 : Math.round((fn.counts.covered / n) * 100);
    return html`<div class="fn">
<div class="fn-head"><h3>${fn.id}</h3><span class="pct"><b>${fn.counts.covered}</b> of ${n} covered (${pct} %), ${fn.counts['partly-covered']} partly</span></div>
${bar(COVERAGE_LEVELS.map(s => [fn.counts[s], NIST_COLOURS[s]] as const), `${fn.id} coverage`)}
<table><tbody>${fn.categories.map(cat => html`<tr><th>${cat.id}</th><td>${cat.title ? html`<span class="cat-title">${cat.title}</span>` : undefined}<div class="chips">${cat.subcategories.map(chip)}</div></td></tr>`)}</tbody></table>
</div>`;
}

function chip(sub: NistSubcategoryRow): Markup {
    const how = coverageWhy(sub);
    const number = sub.id.replace(/^[A-Z]+ /, '');
    return html`<span class="chip n-${sub.level}" title="${sub.id}${sub.title ? `: ${sub.title}` : ''} (${how})">${number}</span>`;
}

function gapRow(sub: NistSubcategoryRow, data: ReportData): Markup {
    const controls = sub.controls.length === 0 ? dash() : html`<span class="ctl-list">${sub.controls.map(id => {
        const row = data.soa.find(r => r.controlId === id);
        return html`<span class="nowrap"><span class="cid" title="${row?.title ?? ''}">${id}</span><span class="ctl-state">${row ? soaStateLabel(row).toLowerCase() : 'unknown'}</span></span> `;
    })}</span>`;
    return html`<tr>
<th class="id"><span class="cid">${sub.id}</span>${sub.title ? html`<span class="sub-text">${sub.title}</span>` : undefined}</th>
<td class="nist-status"><span class="chip n-${sub.level}">${COVERAGE_LEVEL_LABEL[sub.level]}</span><span class="sub-text">${coverageWhy(sub)}</span></td>
<td>${controls}</td>
<td>${sub.clauses.length === 0 ? dash() : html`<span class="mono">${sub.clauses.join(', ')}</span>`}</td>
<td>${sub.evidence.length === 0 ? dash() : sub.evidence.join(', ')}</td>
</tr>`;
}

// ---------------------------------------------------------------- risks

function riskSection(data: ReportData): Markup {
    const { inherent, residual } = data.heatMaps;
    const scale = `likelihood ${data.likelihoodScale.min} to ${data.likelihoodScale.max}, impact ${data.impactScale.min} to ${data.impactScale.max}`;
    return html`<section class="part" id="risks">
<h2><span class="n">3</span>Risk register<span class="count">${data.risks.length} risk${data.risks.length === 1 ? '' : 's'}</span></h2>
<p class="lead">Risks before treatment (inherent) and after it (residual), on the organisation's declared scales (${scale}). A rating's level is its score relative to the highest score the scales allow: under 20 % low, under 40 % medium, under 65 % high, from 65 % critical.</p>
<div class="heat-maps">
${heatFigure(inherent, 'Inherent')}
${heatFigure(residual, 'Residual')}
<div class="aside">
<ul class="legend">${(['low', 'medium', 'high', 'critical'] as const).map(l => html`<li><span class="sw sw-${l}"></span>${LEVEL_LABEL[l]}</li>`)}</ul>
<p></p>
${heatNotes(inherent, 'inherent')}${heatNotes(residual, 'residual')}
<p>Each cell shows how many risks sit at that likelihood and impact.</p>
</div>
</div>
${data.risks.length === 0 ? html`<p class="empty">The AIMS declares no risks.</p>` : html`<div class="table-scroll"><table class="risks">
<colgroup><col class="w-risk"><col class="w-systems"><col class="w-rating"><col class="w-treatment"><col class="w-rating"><col class="w-who"></colgroup>
<thead><tr><th>Risk</th><th>Systems</th><th>Inherent</th><th>Treatment</th><th>Residual</th><th>Owner and review</th></tr></thead>
<tbody>${data.risks.map(risk => riskRow(risk, data.today))}</tbody>
</table></div>`}
</section>`;
}

function heatFigure(map: HeatMap, title: string): Markup {
    const placed = map.cells.reduce((n, c) => n + c.risks.length, 0);
    return html`<figure>
<figcaption>${title}<span>${placed} risk${placed === 1 ? '' : 's'}</span></figcaption>
${heatMapSvg(map, `${title} risk heat map`)}
${cellRisks(map)}
</figure>`;
}

/** The risks of each occupied cell, highest level first, in words that survive printing. */
function cellRisks(map: HeatMap): Markup | undefined {
    const order = ['critical', 'high', 'medium', 'low'];
    const occupied = map.cells.filter(c => c.risks.length > 0)
        .sort((a, b) => order.indexOf(a.level) - order.indexOf(b.level) || b.likelihood * b.impact - a.likelihood * a.impact);
    if (occupied.length === 0) return undefined;
    return html`<ul class="cell-risks" aria-label="Risks per cell">${occupied.map(c => html`<li><span class="score lv-${c.level}" title="${LEVEL_LABEL[c.level]}">${c.likelihood} × ${c.impact}</span><span>${c.risks.join(', ')}</span></li>`)}</ul>`;
}

function heatNotes(map: HeatMap, kind: string): Markup {
    return html`${map.unrated.length > 0 ? html`<p>No ${kind} rating: ${map.unrated.join(', ')}.</p>` : undefined}${map.outOfScale.length > 0 ? html`<p>${wordsOf(kind)} rating outside the scale: ${map.outOfScale.join(', ')}.</p>` : undefined}`;
}

function ratingCell(r: RatingData | undefined): Markup {
    if (!r) return dash();
    return html`<span class="rating"><span class="score lv-${r.level}" title="${LEVEL_LABEL[r.level]}">${r.score}</span><span class="lxi">${r.likelihood} × ${r.impact}</span></span>${r.inScale ? undefined : html`<span class="sub-text">outside the scale</span>`}`;
}

function riskRow(risk: RiskRow, today: string): Markup {
    const treatment = risk.treatment
        ? html`<span class="t">${wordsOf(risk.treatment)}</span>${risk.controls.length > 0 ? html`<span class="sub-text">${join(risk.controls.map(c => html`<span class="cid" title="${c.title ?? ''}">${c.id}</span>`), ' ')}</span>` : undefined}`
        : html`<span class="badge b-warn">No treatment</span>`;
    const acceptance = risk.acceptedBy
        ? html`<span class="sub-text">accepted by ${risk.acceptedBy.title ?? risk.acceptedBy.id}${risk.acceptedOn ? html` on <span class="date">${risk.acceptedOn}</span>` : undefined}</span>`
        : undefined;
    return html`<tr>
<td class="title-cell"><span class="t">${risk.title}</span><span class="sub-text mono">${risk.id}</span></td>
<td>${risk.systems.length === 0 ? dash() : join(risk.systems.map(s => s.title ?? s.id), ', ')}</td>
<td>${ratingCell(risk.inherent)}</td>
<td>${treatment}</td>
<td>${ratingCell(risk.residual)}</td>
<td>${person(risk.owner)}${risk.nextReview ? html`<span class="sub-text">review ${reviewDate(risk.nextReview, today)}</span>` : undefined}${acceptance}</td>
</tr>`;
}

// ---------------------------------------------------------------- systems

function systemSection(data: ReportData): Markup {
    return html`<section class="part" id="systems">
<h2><span class="n">4</span>AI system inventory<span class="count">${data.systems.length} system${data.systems.length === 1 ? '' : 's'}</span></h2>
<p class="lead">The AI systems in scope with their life-cycle stage, the organisation's role, the EU AI Act category (with the Annex III area for high-risk systems) and the state of their impact assessments.</p>
${data.systems.length === 0 ? html`<p class="empty">The AIMS declares no AI systems.</p>` : html`<div class="table-scroll"><table class="systems">
<colgroup><col class="w-system"><col class="w-stage"><col class="w-eu"><col class="w-ia"><col class="w-owner"><col class="w-links"></colgroup>
<thead><tr><th>System</th><th>Stage and role</th><th>EU AI Act</th><th>Impact assessment</th><th>Owner</th><th>Linked</th></tr></thead>
<tbody>${data.systems.map(system => systemRow(system, data.today))}</tbody>
</table></div>`}
${euAiActSection(data.systems)}
</section>`;
}

/** Per system: its operator roles, class and route, and each obligation with its state. */
function euAiActSection(systems: readonly SystemRow[]): Markup | undefined {
    const classified = systems.filter(sys => sys.euAiAct.operatorRoles.length > 0 || sys.euAiAct.obligations.length > 0);
    if (classified.length === 0) {
        return undefined;
    }
    const tone = { met: 'b-good', 'not-applicable': 'b-none', open: 'b-bad' } as const;
    return html`<h3 id="eu-ai-act">EU AI Act</h3>
<p class="lead">Each system's operator roles under the Act, its class and the route to it, and the obligations that follow, from the obligations table of the tools (Articles 4, 16, 22-27, 49, 50, 53-55, 72, 73, 86), dated by Article 113.</p>
${classified.map(sys => {
        const eu = sys.euAiAct;
        const settled = eu.obligations.filter(o => o.state !== 'open').length;
        return html`<h4>${sys.title} <span class="sub-text mono">${sys.id}</span></h4>
<p>Operator role: ${eu.operatorRoles.map(r => r.replace(/-/g, ' ')).join(', ') || 'not declared'}. Class: ${eu.euClass ? EU_CATEGORY_LABEL[eu.euClass] ?? eu.euClass : 'not classified'}${eu.route ? ` (${eu.route})` : ''}.${eu.transparency.length > 0 ? ` Transparency: ${eu.transparency.join(', ')}.` : ''}${eu.friaReasons.length > 0 ? ` Article 27 applies: ${eu.friaReasons.join('; ')}.` : ''} ${settled} of ${eu.obligations.length} obligations met or not applicable.</p>
${eu.obligations.length === 0 ? undefined : html`<div class="table-scroll"><table class="eu-obligations">
<thead><tr><th>Article</th><th>Duty</th><th>Applies from</th><th>State</th><th>Addressed by</th></tr></thead>
<tbody>${eu.obligations.map(o => html`<tr><td class="mono nowrap">${o.article}</td><td>${o.duty}</td><td class="nowrap">${o.appliesFrom}</td><td><span class="badge ${o.state === 'open' && !o.due ? 'b-warn' : tone[o.state]}">${obligationStateLabel(o)}</span></td><td>${o.addressedBy.join(', ')}</td></tr>`)}</tbody>
</table></div>`}`;
    })}`;
}

function systemRow(system: SystemRow, today: string): Markup {
    const eu = system.euCategory
        ? html`<span class="badge eu-${system.euCategory}">${EU_CATEGORY_LABEL[system.euCategory] ?? system.euCategory}</span>${system.annexIII ? html`<span class="sub-text">Annex III point ${system.annexIII.id}${system.annexIII.title ? `: ${system.annexIII.title}` : ''}</span>` : undefined}`
        : html`<span class="badge s-undecided">Not classified</span>`;
    const iaTone = { 'current': 'b-good', 'review-overdue': 'b-warn', 'missing': 'b-bad', 'none': 'b-none' }[system.impactAssessment];
    const latest = system.assessments[0];
    const ia = html`<span class="badge ${iaTone}">${IMPACT_ASSESSMENT_LABEL[system.impactAssessment]}</span>${latest ? html`<span class="sub-text">${latest.title}${latest.assessed ? `, assessed ${latest.assessed}` : ''}${latest.nextReview ? html`, review ${reviewDate(latest.nextReview, today)}` : ''}</span>` : undefined}`;
    return html`<tr>
<td class="title-cell"><span class="t">${system.title}</span><span class="sub-text mono">${system.id}</span>${system.purpose ? html`<span class="sub-text">${system.purpose}</span>` : undefined}</td>
<td>${system.stage ? wordsOf(system.stage) : dash()}${system.role ? html`<span class="sub-text">AI ${system.role}</span>` : undefined}</td>
<td>${eu}</td>
<td>${ia}</td>
<td>${person(system.owner)}</td>
<td class="nowrap">${system.risks.length} risk${system.risks.length === 1 ? '' : 's'}<span class="sub-text">${system.controls.length} control${system.controls.length === 1 ? '' : 's'}</span></td>
</tr>`;
}

// ---------------------------------------------------------------- internal audit (9.2)

function auditSection(data: ReportData): Markup {
    const ms = data.managementSystem;
    return html`<section class="part" id="audits">
<h2><span class="n">5</span>Internal audit<span class="count">${ms.audits.length} audit${ms.audits.length === 1 ? '' : 's'}</span></h2>
<p class="lead">The audit programme's current cycle and what its audits leave unaudited (every clause 4 to 10 and every applicable Annex A control within the cycle, ISO/IEC 42001 9.2.2), then each audit with its scope, auditors and findings.</p>
${ms.programmes.length === 0 ? html`<p class="empty">The AIMS declares no audit programme.</p>` : ms.programmes.map(p => {
        const gaps = [...p.missingClauses.map(c => `clause ${c}`), ...p.missingControls];
        return html`<div class="programme">
<h3>${p.title} <span class="sub-text mono">${p.id}</span></h3>
<p>Cycle ${p.cycle}${p.cycleFrom ? html`, current cycle <span class="date">${p.cycleFrom}</span> to <span class="date">${p.cycleTo}</span>` : undefined}; owner ${person(p.owner)}; ${p.auditsInCycle.length} audit${p.auditsInCycle.length === 1 ? '' : 's'} in the cycle.${p.criteria ? html` Criteria: ${p.criteria}.` : undefined}</p>
<p>${gaps.length === 0 ? html`<span class="badge b-good">Whole system in scope</span> The cycle's audits cover every main clause and every applicable control.` : html`<span class="badge b-warn">${gaps.length} not in scope</span> <span class="mono">${gaps.join(', ')}</span>`}</p>
</div>`;
    })}
${ms.audits.length === 0 ? undefined : html`<div class="table-scroll"><table class="audits">
<thead><tr><th>Audit</th><th>Date</th><th>Scope</th><th>Auditor and audited</th><th>Findings</th></tr></thead>
<tbody>${ms.audits.map(auditRow)}</tbody>
</table></div>`}
</section>`;
}

function auditRow(a: AuditRow): Markup {
    const when = a.state === 'conducted'
        ? html`<span class="badge b-good">Conducted</span><span class="sub-text date">${a.date}${a.until ? ` to ${a.until}` : ''}</span>`
        : a.state === 'planned' ? html`<span class="badge b-none">Planned</span><span class="sub-text date">${a.date}</span>`
        : html`<span class="badge b-warn">No date</span>`;
    const findings = a.findings.length === 0 ? dash() : html`<ul class="plain">${a.findings.map(f => html`<li><span class="badge ${f.kind.endsWith('nonconformity') ? 'b-bad' : f.kind === 'observation' ? 'b-warn' : 'b-none'}">${AUDIT_FINDING_LABEL[f.kind] ?? f.kind}</span> ${f.title}${f.about.length > 0 ? html` <span class="mono sub-inline">(${f.about.join(', ')})</span>` : undefined}${f.nonconformity ? html` <span class="sub-inline">→ <span class="mono">${f.nonconformity}</span></span>` : undefined}</li>`)}</ul>`;
    return html`<tr>
<td class="title-cell"><span class="t">${a.title}</span><span class="sub-text mono">${a.id}</span></td>
<td class="nowrap">${when}</td>
<td class="mono">${a.scope.length === 0 ? dash() : a.scope.join(', ')}</td>
<td>${a.auditors.length === 0 ? dash() : join(a.auditors.map(person), ', ')}${a.audited.length > 0 ? html`<span class="sub-text">audited: ${a.audited.map(r => r.title ?? r.id).join(', ')}</span>` : undefined}</td>
<td>${findings}</td>
</tr>`;
}

// ---------------------------------------------------------------- nonconformities (10.2)

function nonconformitySection(data: ReportData): Markup {
    const ncs = data.managementSystem.nonconformities;
    const open = ncs.filter(nc => nc.state === 'open' || nc.state === 'overdue').length;
    return html`<section class="part" id="nonconformities">
<h2><span class="n">6</span>Nonconformities and corrective actions<span class="count">${open} open, ${ncs.length - open} closed</span></h2>
<p class="lead">The nonconformity register (ISO/IEC 42001 10.2): what was found and where it came from, the correction, the root cause, the corrective actions with their owners and dates, and whether the actions' effectiveness was reviewed before closing.</p>
${ncs.length === 0 ? html`<p class="empty">The AIMS records no nonconformities.</p>` : html`<div class="table-scroll"><table class="nonconformities">
<thead><tr><th>Nonconformity</th><th>State</th><th>Cause and correction</th><th>Corrective actions</th><th>Closure</th></tr></thead>
<tbody>${ncs.map(nc => nonconformityRow(nc, data.today))}</tbody>
</table></div>`}
</section>`;
}

function nonconformityRow(nc: NonconformityRow, today: string): Markup {
    const tone = { overdue: 'b-bad', open: 'b-warn', 'closed-unverified': 'b-warn', closed: 'b-good' }[nc.state];
    const closure = nc.closed
        ? html`<span class="date">${nc.closed}</span>${nc.effectivenessReviewed ? html`<span class="sub-text">effectiveness reviewed ${nc.effectivenessReviewed}${nc.effectivenessReviewer ? ` by ${nc.effectivenessReviewer.title ?? nc.effectivenessReviewer.id}` : ''}${nc.effectiveness ? `: ${nc.effectiveness}` : ''}</span>` : html`<span class="sub-text">effectiveness not reviewed</span>`}`
        : nc.closeBy ? html`<span class="sub-text">close by ${reviewDate(nc.closeBy, today)}</span>` : dash();
    return html`<tr>
<td class="title-cell"><span class="t">${nc.title}</span><span class="sub-text mono">${nc.id}${nc.about.length > 0 ? ` · ${nc.about.join(', ')}` : ''}</span>${nc.source ? html`<span class="sub-text">from ${nc.source}${nc.raised ? `, raised ${nc.raised}` : ''}</span>` : undefined}<span class="sub-text">owner ${person(nc.owner)}</span></td>
<td><span class="badge ${tone}">${NONCONFORMITY_STATE_LABEL[nc.state]}</span></td>
<td>${nc.rootCause ? html`<span class="sub-text"><b>Root cause:</b> ${nc.rootCause}</span>` : html`<span class="sub-text">No root cause recorded</span>`}${nc.correction ? html`<span class="sub-text"><b>Correction:</b> ${nc.correction}</span>` : undefined}</td>
<td>${actionList(nc.actions)}</td>
<td>${closure}</td>
</tr>`;
}

function actionList(actions: readonly ActionRow[]): Markup {
    return actions.length === 0 ? dash() : html`<ul class="plain">${actions.map(a => html`<li>${a.title}<span class="sub-text">${a.owner ? `${a.owner.title ?? a.owner.id}, ` : ''}${a.overdue ? html`<span class="date overdue">${actionStateLabel(a)}</span>` : actionStateLabel(a)}</span></li>`)}</ul>`;
}

// ---------------------------------------------------------------- management review (9.3)

function reviewSection(data: ReportData): Markup {
    const ms = data.managementSystem;
    const last = ms.lastReview;
    const next = ms.nextReviewDue
        ? html`The next is due on ${reviewDate(ms.nextReviewDue, data.today)} (every ${ms.reviewInterval}).`
        : ms.reviewInterval ? html`The organisation holds one every ${ms.reviewInterval}.` : html`The organisation declares no review interval.`;
    return html`<section class="part" id="review">
<h2><span class="n">7</span>Management review<span class="count">${ms.reviewsHeld} held</span></h2>
<p class="lead">The last management review held by top management (ISO/IEC 42001 9.3): who took part, which of the inputs 9.3.2 lists it considered, what it decided and the actions it set. ${next}</p>
${!last ? html`<p class="empty">No management review is recorded as held.${ms.reviewOverdue ? html` <span class="badge b-bad">overdue</span>` : undefined}</p>` : html`<div class="review">
<h3>${last.title} <span class="sub-text mono">${last.id}</span></h3>
<dl class="record">
<div><dt>Held</dt><dd>${last.held}${ms.reviewOverdue ? html` <span class="badge b-bad overdue">next overdue</span>` : undefined}</dd></div>
<div><dt>Chair</dt><dd>${person(last.chair)}</dd></div>
<div><dt>Participants</dt><dd>${last.participants.length === 0 ? dash() : join(last.participants.map(person), ', ')}</dd></div>
<div><dt>Inputs</dt><dd>${last.inputs.length === 0 ? dash() : last.inputs.map(reviewInputLabel).join(', ')}${last.missingInputs.length > 0 ? html` <span class="badge b-warn">not recorded: ${last.missingInputs.map(reviewInputLabel).join(', ')}</span>` : undefined}</dd></div>
</dl>
${last.decisions.length === 0 ? undefined : html`<h4>Decisions</h4><ul>${last.decisions.map(d => html`<li>${d}</li>`)}</ul>`}
${last.actions.length === 0 ? undefined : html`<h4>Actions</h4>${actionList(last.actions)}`}
</div>`}
</section>`;
}

// ---------------------------------------------------------------- findings

function findingSection(data: ReportData): Markup {
    const s = data.summary;
    const others = data.findings.length - s.errors - s.warnings;
    return html`<section class="part" id="findings">
<h2><span class="n">8</span>Findings<span class="count">${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}${others > 0 ? `, ${others} note${others === 1 ? '' : 's'}` : ''}</span></h2>
<p class="lead">What the AIMS language tools report on the workspace as of ${data.today}: the same diagnostics the editor and the command line show, with the file and line to fix.</p>
${data.findings.length === 0 ? html`<p class="empty">No findings: every check passes.</p>` : html`<div class="table-scroll"><table class="findings">
<colgroup><col class="w-severity"><col class="w-location"><col class="w-rule"><col></colgroup>
<thead><tr><th>Severity</th><th>Location</th><th>Rule</th><th>Finding</th></tr></thead>
<tbody>${data.findings.map(findingRow)}</tbody>
</table></div>`}
</section>`;
}

function findingRow(f: FindingRow): Markup {
    return html`<tr>
<td><span class="badge sev-${f.severity}">${SEVERITY_LABEL[f.severity]}</span></td>
<td class="nowrap mono">${f.file}:${f.line}</td>
<td class="nowrap mono">${f.code}</td>
<td>${f.message}</td>
</tr>`;
}

// ---------------------------------------------------------------- footer

function footer(data: ReportData): Markup {
    return html`<footer>
<p>Generated by AIMS language tools ${TOOL.version} from ${data.files.length} .aims file${data.files.length === 1 ? '' : 's'}${data.commit ? html` at commit <code>${data.commit.hash}</code>` : undefined}, judged as of ${data.today}.</p>
<p>Control ids and titles: ${catalog.sources.find(s => s.name === 'annex-a')?.source ?? 'ISO/IEC 42001 Annex A'}. Summaries are the tools' own words, not the text of the standard. Crosswalk: ${catalog.crosswalkSource}.</p>
</footer>`;
}

/** A review date, marked when it has passed: an overdue review is what an auditor asks about first. */
function reviewDate(date: string, today: string): Markup {
    return date < today
        ? html`<span class="date overdue">${date}</span><span class="badge b-bad overdue">overdue</span>`
        : html`<span class="date">${date}</span>`;
}

/**
 * Printed pages: a running header (organisation, report date, commit) and "Page n of m", in
 * the page margins. CSS strings cannot hold markup, but `</style>` must not appear either.
 */
function printedPageRule(data: ReportData): string {
    const commit = data.commit ? `commit ${data.commit.hash.slice(0, 12)}${data.commit.dirty ? ' (uncommitted changes)' : ''}` : 'no commit';
    const header = `${data.organisation?.title ?? 'AI management system'} · AIMS report ${data.today} · ${commit}`;
    const box = 'font-family: system-ui, sans-serif; font-size: 8pt; color: #5b6876;';
    return `\n@page { @top-left { content: ${cssString(header)}; ${box} } @bottom-right { content: "Page " counter(page) " of " counter(pages); ${box} } @bottom-left { content: "AIMS language tools ${TOOL.version}"; ${box} } }\n`;
}

function cssString(text: string): string {
    return `"${text.replace(/[\\"<>\n\r\f]/g, ch => `\\${ch.charCodeAt(0).toString(16)} `)}"`;
}
