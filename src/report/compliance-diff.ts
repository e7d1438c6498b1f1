/**
 * What a change does to the management system, in its own terms: the comparison of the report
 * data (aims-report-data.ts) of two versions of a workspace. It is the change record a
 * management review (ISO/IEC 42001 9.3) asks for: statement of applicability decisions and
 * statuses, evidence gained and lost per control, risks with their ratings, treatments and
 * controls, AI systems and their EU AI Act class, coverage figures, findings added and resolved.
 * `aims diff` renders it as Markdown for a pull-request comment or as JSON.
 */
import type { EvidenceLink, FindingRow, RatingData, ReportData, RiskRow, SoaRow, SystemRow } from './aims-report-data.js';

export interface SoaState {
    readonly decision: SoaRow['decision'];
    readonly status?: SoaRow['status'];
    readonly owner?: string;
    readonly evidence: readonly string[];
}

export interface SoaChange {
    readonly control: string;
    readonly title: string;
    readonly before: SoaState;
    readonly after: SoaState;
    readonly evidenceGained: readonly string[];
    readonly evidenceLost: readonly string[];
}

export interface RiskState {
    readonly title: string;
    readonly inherent?: string;
    readonly residual?: string;
    readonly treatment?: string;
    readonly controls: readonly string[];
    readonly owner?: string;
}

export interface RiskChange {
    readonly risk: string;
    readonly title: string;
    /** Undefined: the risk is new. */
    readonly before?: RiskState;
    /** Undefined: the risk was removed. */
    readonly after?: RiskState;
    readonly controlsGained: readonly string[];
    readonly controlsLost: readonly string[];
}

export interface SystemState {
    readonly title: string;
    readonly euCategory?: string;
    readonly annexIII?: string;
    readonly oversight: boolean;
    readonly impactAssessment: SystemRow['impactAssessment'];
}

export interface SystemChange {
    readonly system: string;
    readonly title: string;
    readonly before?: SystemState;
    readonly after?: SystemState;
}

export interface CoverageFigures {
    readonly annexATotal: number;
    readonly decided: number;
    readonly implemented: number;
    readonly excluded: number;
    readonly undecided: number;
    readonly nistCovered: number;
    readonly nistPartlyCovered: number;
    readonly nistTotal: number;
    readonly risks: number;
    readonly highResidualRisks: number;
    readonly systems: number;
    readonly highRiskSystems: number;
    readonly evidence: number;
    readonly errors: number;
    readonly warnings: number;
}

export interface ComplianceDiff {
    readonly base: string;
    readonly head: string;
    readonly coverage: { readonly before: CoverageFigures; readonly after: CoverageFigures };
    readonly soa: readonly SoaChange[];
    readonly risks: readonly RiskChange[];
    readonly systems: readonly SystemChange[];
    readonly findings: { readonly added: readonly FindingRow[]; readonly resolved: readonly FindingRow[] };
}

function coverage(data: ReportData): CoverageFigures {
    const s = data.summary;
    return {
        annexATotal: s.annexATotal, decided: s.decided, implemented: s.implemented, excluded: s.excluded, undecided: s.undecided,
        nistCovered: s.nistCovered, nistPartlyCovered: s.nistPartlyCovered, nistTotal: s.nistTotal, risks: s.risks, highResidualRisks: s.highResidualRisks,
        systems: s.systems, highRiskSystems: s.highRiskSystems, evidence: s.evidence, errors: s.errors, warnings: s.warnings
    };
}

const ids = (links: readonly { readonly id: string }[]) => links.map(link => link.id);
const minus = (a: readonly string[], b: readonly string[]) => a.filter(x => !b.includes(x));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function soaState(row: SoaRow): SoaState {
    return {
        decision: row.decision,
        ...(row.status ? { status: row.status } : {}),
        ...(row.owner ? { owner: row.owner.id } : {}),
        evidence: ids(row.evidence as readonly EvidenceLink[])
    };
}

/** `4 × 5 = 20 (critical)`. */
export function rating(data: RatingData | undefined): string | undefined {
    return data && `${data.likelihood} × ${data.impact} = ${data.score} (${data.level})`;
}

function riskState(row: RiskRow): RiskState {
    return {
        title: row.title,
        ...(row.inherent ? { inherent: rating(row.inherent) } : {}),
        ...(row.residual ? { residual: rating(row.residual) } : {}),
        ...(row.treatment ? { treatment: row.treatment } : {}),
        controls: ids(row.controls),
        ...(row.owner ? { owner: row.owner.id } : {})
    };
}

function systemState(row: SystemRow): SystemState {
    return {
        title: row.title,
        ...(row.euCategory ? { euCategory: row.euCategory } : {}),
        ...(row.annexIII ? { annexIII: row.annexIII.id } : {}),
        oversight: row.oversight !== undefined && row.oversight !== '',
        impactAssessment: row.impactAssessment
    };
}

/** Entries of `before` and `after` by id: changed, added and removed ones, in `after`'s order, then the removed. */
function pair<T extends { readonly id?: string; readonly controlId?: string }>(before: readonly T[], after: readonly T[], key: (row: T) => string): Array<[T | undefined, T | undefined]> {
    const old = new Map(before.map(row => [key(row), row]));
    const now = new Map(after.map(row => [key(row), row]));
    return [
        ...after.map(row => [old.get(key(row)), row] as [T | undefined, T | undefined]),
        ...before.filter(row => !now.has(key(row))).map(row => [row, undefined] as [T | undefined, T | undefined])
    ];
}

/** A finding is the same finding when its rule, file and message are; its line may move with the text. */
function findingKey(finding: FindingRow): string {
    return `${finding.code}\u0000${finding.file}\u0000${finding.message}`;
}

function multisetMinus(a: readonly FindingRow[], b: readonly FindingRow[]): FindingRow[] {
    const counts = new Map<string, number>();
    for (const finding of b) counts.set(findingKey(finding), (counts.get(findingKey(finding)) ?? 0) + 1);
    return a.filter(finding => {
        const left = counts.get(findingKey(finding)) ?? 0;
        if (left > 0) {
            counts.set(findingKey(finding), left - 1);
            return false;
        }
        return true;
    });
}

export function diffReports(before: ReportData, after: ReportData, labels: { base: string; head: string }): ComplianceDiff {
    const soa: SoaChange[] = [];
    // The ISO/IEC 27001 SoA, where kept, changes like the 42001 one; its ids (27001:A.5.15) never collide.
    const soaRows = (data: ReportData) => [...data.soa, ...data.iso27001Soa?.rows ?? []];
    for (const [old, now] of pair(soaRows(before), soaRows(after), row => row.controlId)) {
        const a = old ? soaState(old) : { decision: 'missing' as const, evidence: [] };
        const b = now ? soaState(now) : { decision: 'missing' as const, evidence: [] };
        if (!same(a, b)) {
            soa.push({
                control: (now ?? old)!.controlId, title: (now ?? old)!.title, before: a, after: b,
                evidenceGained: minus(b.evidence, a.evidence), evidenceLost: minus(a.evidence, b.evidence)
            });
        }
    }
    const risks: RiskChange[] = [];
    for (const [old, now] of pair(before.risks, after.risks, row => row.id)) {
        const a = old && riskState(old);
        const b = now && riskState(now);
        if (!same(a, b)) {
            risks.push({
                risk: (now ?? old)!.id, title: (now ?? old)!.title,
                ...(a ? { before: a } : {}), ...(b ? { after: b } : {}),
                controlsGained: minus(b?.controls ?? [], a?.controls ?? []), controlsLost: minus(a?.controls ?? [], b?.controls ?? [])
            });
        }
    }
    const systems: SystemChange[] = [];
    for (const [old, now] of pair(before.systems, after.systems, row => row.id)) {
        const a = old && systemState(old);
        const b = now && systemState(now);
        if (!same(a, b)) {
            systems.push({ system: (now ?? old)!.id, title: (now ?? old)!.title, ...(a ? { before: a } : {}), ...(b ? { after: b } : {}) });
        }
    }
    return {
        base: labels.base,
        head: labels.head,
        coverage: { before: coverage(before), after: coverage(after) },
        soa, risks, systems,
        findings: { added: multisetMinus(after.findings, before.findings), resolved: multisetMinus(before.findings, after.findings) }
    };
}

/** Whether the change touches the meaning of the AIMS at all. */
export function hasChanges(diff: ComplianceDiff): boolean {
    return diff.soa.length + diff.risks.length + diff.systems.length + diff.findings.added.length + diff.findings.resolved.length > 0
        || !same(diff.coverage.before, diff.coverage.after);
}
