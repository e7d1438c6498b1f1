/**
 * The compliance diff as Markdown for a pull-request comment, written for a governance lead:
 * sentences in the standard's terms first ("A.6.2.4 goes from implemented to planned"), then
 * the coverage figures before and after, then the findings the change adds and resolves.
 */
import type { ComplianceDiff, CoverageFigures, RiskChange, SoaChange, SoaState, SystemChange, SystemState } from './compliance-diff.js';
import { hasChanges } from './compliance-diff.js';
import type { FindingRow } from './aims-report-data.js';

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;
const code = (text: string) => `\`${text}\``;
const list = (items: readonly string[]) => items.map(code).join(', ');

/** Markdown table cells may not hold `|` or line breaks. */
function cell(text: string): string {
    return text.replace(/\|/g, '\\|').replace(/\s*[\r\n]+\s*/g, ' ');
}

function soaPhrase(state: SoaState): string {
    if (state.decision === 'missing') return 'no entry';
    if (state.decision === 'applicable') return state.status ?? 'applicable';
    return state.decision;
}

function soaSentence(change: SoaChange): string {
    const parts: string[] = [];
    const from = soaPhrase(change.before);
    const to = soaPhrase(change.after);
    if (from !== to) parts.push(`goes from **${from}** to **${to}**`);
    if (change.before.owner !== change.after.owner) parts.push(`owner ${change.before.owner ?? 'none'} → ${change.after.owner ?? 'none'}`);
    if (change.evidenceGained.length > 0) parts.push(`gains evidence ${list(change.evidenceGained)}`);
    if (change.evidenceLost.length > 0) {
        parts.push(`loses evidence ${list(change.evidenceLost)}${change.after.evidence.length === 0 && change.after.decision === 'applicable' ? ' (now none)' : ''}`);
    }
    return `**${change.control}** ${cell(change.title)}: ${parts.join('; ') || 'changed'}`;
}

function riskSentence(change: RiskChange): string {
    const title = `**${change.risk}** ${cell(change.title)}`;
    if (!change.before) return `${title}: new risk, inherent ${change.after!.inherent ?? 'unrated'}, residual ${change.after!.residual ?? 'unrated'}, treatment ${change.after!.treatment ?? 'none'}${change.after!.controls.length > 0 ? ` with ${list(change.after!.controls)}` : ''}`;
    if (!change.after) return `${title}: removed from the risk register`;
    const { before: a, after: b } = change;
    const parts: string[] = [];
    if (a.inherent !== b.inherent) parts.push(`inherent ${a.inherent ?? 'unrated'} → ${b.inherent ?? 'unrated'}`);
    if (a.residual !== b.residual) parts.push(`residual ${a.residual ?? 'unrated'} → ${b.residual ?? 'unrated'}`);
    if (a.treatment !== b.treatment) parts.push(`treatment ${a.treatment ?? 'none'} → ${b.treatment ?? 'none'}`);
    if (change.controlsGained.length > 0) parts.push(`gains control ${list(change.controlsGained)}`);
    if (change.controlsLost.length > 0) {
        parts.push(b.controls.length === 0 ? `loses its last control (${list(change.controlsLost)})` : `loses control ${list(change.controlsLost)}`);
    }
    if (a.owner !== b.owner) parts.push(`owner ${a.owner ?? 'none'} → ${b.owner ?? 'none'}`);
    if (a.title !== b.title) parts.push('renamed');
    return `${title}: ${parts.join('; ') || 'changed'}`;
}

function systemClass(state: SystemState): string {
    return `${state.euCategory ?? 'unclassified'}${state.annexIII ? ` (Annex III point ${state.annexIII})` : ''}`;
}

function systemSentence(change: SystemChange): string {
    const title = `**${change.system}** ${cell(change.title)}`;
    if (!change.before) return `${title}: new AI system, EU AI Act ${systemClass(change.after!)}`;
    if (!change.after) return `${title}: removed from the inventory`;
    const { before: a, after: b } = change;
    const parts: string[] = [];
    if (systemClass(a) !== systemClass(b)) parts.push(`EU AI Act class ${systemClass(a)} → **${systemClass(b)}**`);
    if (a.oversight !== b.oversight) parts.push(b.oversight ? 'now describes human oversight' : '**no longer describes human oversight**');
    if (a.impactAssessment !== b.impactAssessment) parts.push(`impact assessment ${a.impactAssessment} → ${b.impactAssessment}`);
    if (a.title !== b.title) parts.push('renamed');
    return `${title}: ${parts.join('; ') || 'changed'}`;
}

const FIGURES: Array<[keyof CoverageFigures, string, (c: CoverageFigures) => string]> = [
    ['decided', 'Annex A controls decided', c => `${c.decided}/${c.annexATotal}`],
    ['implemented', 'Annex A controls implemented', c => `${c.implemented}`],
    ['excluded', 'Annex A controls excluded', c => `${c.excluded}`],
    ['nistCovered', 'NIST AI RMF subcategories covered', c => `${c.nistCovered}/${c.nistTotal}`],
    ['nistPartlyCovered', 'NIST AI RMF subcategories partly covered', c => `${c.nistPartlyCovered}/${c.nistTotal}`],
    ['risks', 'Risks', c => `${c.risks}`],
    ['highResidualRisks', 'Risks with a high residual rating', c => `${c.highResidualRisks}`],
    ['systems', 'AI systems', c => `${c.systems}`],
    ['highRiskSystems', 'High-risk AI systems (EU AI Act)', c => `${c.highRiskSystems}`],
    ['evidence', 'Evidence items', c => `${c.evidence}`],
    ['errors', 'Errors', c => `${c.errors}`],
    ['warnings', 'Warnings', c => `${c.warnings}`]
];

function findingLine(finding: FindingRow, prefix: string): string {
    return `- ${finding.severity} ${code(finding.code)} ${code(`${prefix}${finding.file}:${finding.line}`)}: ${cell(finding.message)}`;
}

/**
 * `prefix` goes before file paths (the workspace's folder in the repository, `aims/`), so the
 * paths read as the pull request shows them.
 */
export function renderDiffMarkdown(diff: ComplianceDiff, prefix = ''): string {
    const out: string[] = [`## AIMS changes: ${code(diff.base)} → ${code(diff.head)}`, ''];
    if (!hasChanges(diff)) {
        out.push('No change in meaning: the statement of applicability, risks, AI systems, coverage and findings are the same.', '');
        return out.join('\n');
    }
    const { added, resolved } = diff.findings;
    const newErrors = added.filter(f => f.severity === 'error').length;
    out.push([
        diff.soa.length > 0 ? `${plural(diff.soa.length, 'control')} of the statement of applicability changed` : undefined,
        diff.risks.length > 0 ? `${plural(diff.risks.length, 'risk')} changed` : undefined,
        diff.systems.length > 0 ? `${plural(diff.systems.length, 'AI system')} changed` : undefined,
        `${plural(added.length, 'new finding')}${newErrors > 0 ? ` (${plural(newErrors, 'error')})` : ''}`,
        `${plural(resolved.length, 'finding')} resolved`
    ].filter(Boolean).join(', ') + '.', '');
    if (diff.soa.length > 0) {
        out.push('### Statement of applicability', '', ...diff.soa.map(change => `- ${soaSentence(change)}`), '');
    }
    if (diff.risks.length > 0) {
        out.push('### Risks', '', ...diff.risks.map(change => `- ${riskSentence(change)}`), '');
    }
    if (diff.systems.length > 0) {
        out.push('### AI systems', '', ...diff.systems.map(change => `- ${systemSentence(change)}`), '');
    }
    const { before, after } = diff.coverage;
    out.push('### Coverage', '', '| | Before | After |', '|---|---|---|');
    for (const [key, label, show] of FIGURES) {
        const changed = before[key] !== after[key] || ((key === 'nistCovered' || key === 'nistPartlyCovered') && before.nistTotal !== after.nistTotal);
        out.push(`| ${label} | ${show(before)} | ${changed ? `**${show(after)}**` : show(after)} |`);
    }
    out.push('');
    if (added.length > 0) {
        out.push(`### New findings (${added.length})`, '', ...added.map(f => findingLine(f, prefix)), '');
    }
    if (resolved.length > 0) {
        out.push(`### Resolved findings (${resolved.length})`, '', ...resolved.map(f => findingLine(f, prefix)), '');
    }
    return out.join('\n');
}
