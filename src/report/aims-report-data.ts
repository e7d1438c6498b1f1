/**
 * The report as plain data: everything the HTML and Markdown reports and the OSCAL export show,
 * collected once from the validated workspace through AimsModel, the catalog and the diagnostics.
 * Renderers only format this object; they never query the AST, so all faces agree.
 * The object is JSON-serialisable (no AST nodes, no Maps).
 */
import { existsSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import type { AstNode, LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type {
    AiSystem, ControlApplication, Evidence, ImpactAssessment, OrgControl, Person, Policy, Rating, Risk, Team
} from '../language/generated/ast.js';
import type { AimsServices } from '../language/aims-module.js';
import { catalog } from '../catalog/catalog.js';
import { qualifiedName, referencedId } from '../references/aims-name-provider.js';
import type { EuAiActModel, EuProfile } from '../model/eu-ai-act.js';
import { summarizeChain, type ChainSummary, type CoverageLevel, type MappingEdge } from '../model/mappings.js';
import { collectManagementSystem, type ManagementSystemData } from './management-system-data.js';
import { runGit, workingTreeDiffers } from '../workspace/git.js';
import { controlIdOf, documentOf, type AimsModel, type Freshness, type RatingScale, type SoaCoverage } from '../model/aims-model.js';

/** Bumped when the shape changes incompatibly (the object is also written as JSON). */
export const REPORT_DATA_VERSION = 1;

/** A declaration mentioned somewhere else: its name and, when it resolved, its title. */
export interface Ref {
    readonly id: string;
    readonly title?: string;
}

/** Where a declaration or finding is: a path relative to the workspace root, 1-based line. */
export interface SourceLocation {
    readonly file: string;
    readonly line: number;
}

export interface CommitInfo {
    readonly hash: string;
    /** Committer date, ISO 8601 with offset. */
    readonly date?: string;
    /** The working tree has changes that are not committed. */
    readonly dirty?: boolean;
}

export interface OrganisationData {
    readonly id: string;
    readonly title: string;
    readonly scope?: string;
    readonly roles: readonly string[];
    readonly location?: SourceLocation;
}

export interface PersonData {
    readonly id: string;
    readonly title: string;
    readonly roles: readonly string[];
    readonly email?: string;
    /** Teams the person belongs to (declared on the person or as team members). */
    readonly teams: readonly string[];
}

export interface TeamData {
    readonly id: string;
    readonly title: string;
    readonly lead?: string;
    readonly members: readonly string[];
    readonly roles: readonly string[];
}

export type SoaDecision = 'applicable' | 'excluded' | 'undecided' | 'missing';
export type ImplementationStatus = 'planned' | 'in-progress' | 'implemented';

export interface EvidenceLink {
    readonly id: string;
    readonly title?: string;
    readonly freshness: Freshness;
    readonly expires?: string;
}

export interface SoaRow {
    readonly controlId: string;
    readonly kind: 'annex-a' | 'organisation' | 'iso27001';
    /** Annex A objective group (`A.6`), ISO/IEC 27001 theme (`27001:A.5`), or undefined for organisation controls. */
    readonly group?: string;
    readonly title: string;
    readonly summary?: string;
    /** 'missing': the SoA has no entry for this control. */
    readonly decision: SoaDecision;
    readonly status?: ImplementationStatus;
    readonly justification?: string;
    readonly note?: string;
    readonly owner?: Ref;
    readonly risks: readonly Ref[];
    readonly systems: readonly Ref[];
    /** Evidence the entry links, then evidence that names the control in `supports`. */
    readonly evidence: readonly EvidenceLink[];
    /** NIST AI RMF subcategories this control addresses (crosswalk or the control's own list). */
    readonly nist: readonly string[];
    readonly location?: SourceLocation;
}

export interface SoaGroup {
    readonly id: string;
    readonly title: string;
}

/**
 * The ISMS statement of applicability over ISO/IEC 27001:2022 Annex A, for a workspace that keeps
 * one (`soa iso27001 { ... }`): rows of kind 'iso27001', grouped by theme.
 */
export interface Iso27001SoaData extends SoaCounts {
    readonly groups: readonly SoaGroup[];
    readonly rows: readonly SoaRow[];
    readonly total: number;
}

/** How far a statement of applicability decides its Annex A. */
export interface SoaCounts {
    /** Controls with an applicable or excluded entry. */
    readonly decided: number;
    readonly applicable: number;
    readonly implemented: number;
    readonly excluded: number;
    readonly undecided: number;
    readonly missing: number;
}

/** A framework the workspace declares, with the coverage of each of its requirements. */
export interface FrameworkRow {
    readonly id: string;
    readonly title: string;
    readonly version?: string;
    readonly source?: string;
    readonly summary?: string;
    readonly groups: ReadonlyArray<{ readonly id: string; readonly title: string; readonly summary?: string }>;
    readonly counts: NistCounts;
    readonly requirements: readonly FrameworkRequirementRow[];
}

export interface FrameworkRequirementRow {
    /** Qualified: `SOC2:CC6.1`. */
    readonly id: string;
    readonly title: string;
    /** The group's qualified id, if the requirement sits in one. */
    readonly group?: string;
    readonly summary?: string;
    readonly level: CoverageLevel;
    readonly controls: readonly string[];
    readonly coveredBy: readonly ChainSummary[];
    readonly partlyBy: readonly ChainSummary[];
    readonly plannedBy: readonly ChainSummary[];
    readonly evidence: readonly string[];
}

/** A mapping as plain data: the model's edge without its declaration node. */
export type MappingRow = Omit<MappingEdge, 'declaration'>;

/** The model's coverage of one subcategory (NistSubcategoryCoverage), as plain data, with its evidence. */
export interface NistSubcategoryRow {
    readonly id: string;
    readonly title: string;
    readonly level: CoverageLevel;
    readonly controls: readonly string[];
    readonly coveredBy: readonly ChainSummary[];
    readonly partlyBy: readonly ChainSummary[];
    readonly plannedBy: readonly ChainSummary[];
    readonly clauses: readonly string[];
    /** Evidence that names the subcategory in `supports`. */
    readonly evidence: readonly string[];
}

export type NistCounts = Record<CoverageLevel, number>;

export interface NistCategoryRow {
    readonly id: string;
    readonly title: string;
    readonly counts: NistCounts;
    readonly subcategories: readonly NistSubcategoryRow[];
}

export interface NistFunctionRow {
    readonly id: string;
    readonly counts: NistCounts;
    readonly categories: readonly NistCategoryRow[];
}

export type RiskLevel = 'low' | 'medium' | 'high' | 'critical';

export interface RatingData {
    readonly likelihood: number;
    readonly impact: number;
    readonly score: number;
    readonly level: RiskLevel;
    /** False when a value lies outside the declared scale (also a finding). */
    readonly inScale: boolean;
}

export interface RiskRow {
    readonly id: string;
    readonly title: string;
    readonly systems: readonly Ref[];
    readonly sources: readonly Ref[];
    readonly affects: readonly string[];
    readonly inherent?: RatingData;
    readonly residual?: RatingData;
    readonly treatment?: string;
    readonly controls: readonly Ref[];
    readonly owner?: Ref;
    readonly acceptedBy?: Ref;
    readonly acceptedOn?: string;
    readonly nextReview?: string;
    /** When the risk was last assessed (6.1.2). */
    readonly assessed?: string;
    readonly location?: SourceLocation;
}

export interface HeatMapCell {
    readonly likelihood: number;
    readonly impact: number;
    readonly level: RiskLevel;
    readonly risks: readonly string[];
}

export interface HeatMap {
    readonly likelihood: RatingScale;
    readonly impact: RatingScale;
    /** Every cell of the scale, likelihood-major, lowest first. */
    readonly cells: readonly HeatMapCell[];
    /** Risks with no rating of this kind. */
    readonly unrated: readonly string[];
    /** Risks whose rating lies outside the scale (not placed on the map). */
    readonly outOfScale: readonly string[];
}

export type ImpactAssessmentState = 'current' | 'review-overdue' | 'missing' | 'none';

export interface ImpactAssessmentData {
    readonly id: string;
    readonly title: string;
    readonly system?: string;
    readonly severity?: string;
    readonly assessed?: string;
    readonly assessor?: Ref;
    readonly nextReview?: string;
    readonly location?: SourceLocation;
}

export interface SystemRow {
    readonly id: string;
    readonly title: string;
    readonly purpose?: string;
    readonly intendedUse?: string;
    readonly stage?: string;
    readonly role?: string;
    readonly owner?: Ref;
    readonly euCategory?: string;
    readonly annexIII?: Ref;
    readonly oversight?: string;
    readonly deployment?: string;
    readonly datasets: readonly Ref[];
    readonly models: readonly string[];
    readonly suppliers: readonly Ref[];
    /** 'missing': high-risk without assessment; 'none': no assessment and none required. */
    readonly impactAssessment: ImpactAssessmentState;
    readonly assessments: readonly ImpactAssessmentData[];
    readonly risks: readonly Ref[];
    /** Controls whose SoA entry names the system or treats one of its risks. */
    readonly controls: readonly string[];
    /** The EU AI Act view: operator roles, class, route and obligations (src/model/eu-ai-act.ts). */
    readonly euAiAct: EuAiActSystemData;
    readonly location?: SourceLocation;
}

export interface EuObligationData {
    readonly article: string;
    readonly title: string;
    readonly duty: string;
    readonly appliesFrom: string;
    readonly due: boolean;
    readonly state: 'met' | 'not-applicable' | 'open';
    /** Evidence and SoA entries that meet it, or the reason it does not apply. */
    readonly addressedBy: readonly string[];
}

export interface EuAiActSystemData {
    readonly operatorRoles: readonly string[];
    readonly euClass?: string;
    /** `Annex III point 5(b)`, `Annex I item 11 (...)`, `Article 5(1)(c)`: what the class rests on. */
    readonly route?: string;
    readonly transparency: readonly string[];
    readonly obligations: readonly EuObligationData[];
    /** Why Article 27 binds the deployer, when it does. */
    readonly friaReasons: readonly string[];
}

export interface DatasetRow {
    readonly id: string;
    readonly title: string;
    readonly source?: string;
    readonly provenance?: string;
    readonly personalData?: boolean;
    readonly owner?: Ref;
}

export interface PolicyRow {
    readonly id: string;
    readonly title: string;
    readonly owner?: Ref;
    readonly approved?: string;
    readonly approver?: Ref;
    readonly nextReview?: string;
    readonly documents: readonly string[];
}

export interface EvidenceRow {
    readonly id: string;
    readonly title: string;
    readonly kind?: string;
    readonly path?: string;
    readonly url?: string;
    readonly owner?: Ref;
    readonly collected?: string;
    readonly expires?: string;
    readonly freshness: Freshness;
    readonly supports: readonly string[];
}

export type FindingSeverity = 'error' | 'warning' | 'info' | 'hint';

export interface FindingRow {
    readonly file: string;
    readonly line: number;
    readonly column: number;
    readonly code: string;
    readonly severity: FindingSeverity;
    readonly message: string;
}

/** The counts of SoaCounts are those of ISO/IEC 42001 Annex A. */
export interface ReportSummary extends SoaCounts {
    readonly annexATotal: number;
    readonly organisationControls: number;
    readonly errors: number;
    readonly warnings: number;
    /** Errors plus warnings. */
    readonly openFindings: number;
    readonly systems: number;
    /** Systems in the EU AI Act's high-risk category. */
    readonly highRiskSystems: number;
    readonly prohibitedSystems: number;
    readonly risks: number;
    /** Risks whose residual (or, untreated, inherent) rating is high or critical. */
    readonly highResidualRisks: number;
    readonly evidence: number;
    readonly evidenceExpired: number;
    readonly evidenceExpiring: number;
    /** NIST AI RMF subcategories covered and partly covered by implemented controls (src/model/mappings.ts). */
    readonly nistCovered: number;
    readonly nistPartlyCovered: number;
    readonly nistTotal: number;
}

export interface ReportData {
    readonly version: typeof REPORT_DATA_VERSION;
    /** The date the report describes (`YYYY-MM-DD`): freshness and reviews are judged against it. */
    readonly today: string;
    readonly organisation?: OrganisationData;
    readonly commit?: CommitInfo;
    /** Why git was not asked for the commit, when it was not. */
    readonly commitSkipped?: string;
    readonly files: readonly string[];
    readonly likelihoodScale: RatingScale;
    readonly impactScale: RatingScale;
    readonly evidenceWindowDays: number;
    readonly summary: ReportSummary;
    readonly people: readonly PersonData[];
    readonly teams: readonly TeamData[];
    readonly soaGroups: readonly SoaGroup[];
    readonly soa: readonly SoaRow[];
    /** Present only when the workspace keeps an ISO/IEC 27001 statement of applicability. */
    readonly iso27001Soa?: Iso27001SoaData;
    readonly nist: readonly NistFunctionRow[];
    readonly risks: readonly RiskRow[];
    readonly heatMaps: { readonly inherent: HeatMap; readonly residual: HeatMap };
    readonly systems: readonly SystemRow[];
    readonly datasets: readonly DatasetRow[];
    readonly policies: readonly PolicyRow[];
    readonly evidence: readonly EvidenceRow[];
    /** The frameworks the workspace declares (`framework SOC2 "..." { ... }`), with their coverage. */
    readonly frameworks: readonly FrameworkRow[];
    /** Every control mapping, one per pair: declared, from the crosswalk, or from an organisation control's nist list. */
    readonly mappings: readonly MappingRow[];
    /** Internal audit, nonconformities and management review (src/report/management-system-data.ts). */
    readonly managementSystem: ManagementSystemData;
    readonly findings: readonly FindingRow[];
}

export interface ReportDataOptions {
    /** Folder that file paths are shown relative to, and where git is asked for the commit. */
    readonly root?: string;
    /** The commit to show; `false` for none; by default asked from git in `root`. */
    readonly commit?: CommitInfo | false;
    /** Why git was not asked (an untrusted workspace), shown where the commit would be. */
    readonly commitSkipped?: string;
}

/**
 * Collect the report from a workspace that `buildWorkspace` has built and validated.
 * `documents` are the user's documents whose diagnostics become findings.
 */
export function collectReportData(services: AimsServices, documents: readonly LangiumDocument[], today: string, options: ReportDataOptions = {}): ReportData {
    return new ReportCollector(services, documents, today, options).collect();
}

class ReportCollector {
    private readonly model: AimsModel;
    private readonly euAiAct: EuAiActModel;
    private readonly windowDays: number;
    private readonly root?: string;

    constructor(
        services: AimsServices,
        private readonly documents: readonly LangiumDocument[],
        private readonly today: string,
        private readonly options: ReportDataOptions
    ) {
        this.model = services.aims.Model;
        this.euAiAct = services.aims.EuAiAct;
        const settings = services.aims.Settings.values;
        this.windowDays = settings.evidenceExpiryWindowDays;
        this.root = options.root ?? settings.workspaceRoot;
    }

    collect(): ReportData {
        const soa = this.soaRows();
        const nist = this.nistRows();
        const risks = this.model.all('Risk').map(risk => this.riskRow(risk));
        const systems = this.model.all('AiSystem').map(system => this.systemRow(system));
        const evidence = this.model.all('Evidence').map(ev => this.evidenceRow(ev));
        const findings = this.findings();
        const likelihoodScale = this.model.likelihoodScale();
        const impactScale = this.model.impactScale();
        const coverage = this.model.soaCoverage();
        const org = this.model.organisation();
        const errors = findings.filter(f => f.severity === 'error').length;
        const warnings = findings.filter(f => f.severity === 'warning').length;
        const nistSubs = nist.flatMap(f => f.categories.flatMap(c => c.subcategories));
        const commit = this.options.commit === false ? undefined : this.options.commit ?? gitCommit(this.root);
        return {
            version: REPORT_DATA_VERSION,
            today: this.today,
            organisation: org && {
                id: org.name, title: org.title, scope: org.scope, roles: [...org.roles], location: this.locationOf(org)
            },
            commit,
            ...(this.options.commitSkipped ? { commitSkipped: this.options.commitSkipped } : {}),
            files: this.documents.map(doc => this.relativePath(doc)),
            likelihoodScale,
            impactScale,
            evidenceWindowDays: this.windowDays,
            summary: {
                annexATotal: coverage.total,
                ...soaCounts(coverage),
                organisationControls: soa.filter(row => row.kind === 'organisation').length,
                errors,
                warnings,
                openFindings: errors + warnings,
                systems: systems.length,
                highRiskSystems: systems.filter(s => s.euCategory === 'high').length,
                prohibitedSystems: systems.filter(s => s.euCategory === 'prohibited').length,
                risks: risks.length,
                highResidualRisks: risks.filter(r => {
                    const level = (r.residual ?? r.inherent)?.level;
                    return level === 'high' || level === 'critical';
                }).length,
                evidence: evidence.length,
                evidenceExpired: evidence.filter(e => e.freshness === 'expired').length,
                evidenceExpiring: evidence.filter(e => e.freshness === 'expiring').length,
                nistCovered: nistSubs.filter(s => s.level === 'covered').length,
                nistPartlyCovered: nistSubs.filter(s => s.level === 'partly-covered').length,
                nistTotal: nistSubs.length
            },
            people: this.people(),
            teams: this.model.all('Team').map(team => this.teamData(team)),
            soaGroups: catalog.ofKind('annex-a-group').map(g => ({ id: g.id, title: g.title })),
            soa,
            ...(this.model.soaBlocks('iso27001').length > 0 ? { iso27001Soa: this.iso27001Soa() } : {}),
            nist,
            risks,
            heatMaps: {
                inherent: heatMap(risks, r => r.inherent, likelihoodScale, impactScale),
                residual: heatMap(risks, r => r.residual, likelihoodScale, impactScale)
            },
            systems,
            datasets: this.model.all('Dataset').map(ds => ({
                id: ds.name, title: ds.title, source: ds.source, provenance: ds.provenance,
                personalData: ds.personalData === undefined ? undefined : ds.personalData === 'yes',
                owner: refOf(ds.owner)
            })),
            policies: this.model.all('Policy').map(policy => this.policyRow(policy)),
            evidence,
            frameworks: this.frameworkRows(),
            mappings: this.model.mappings().all().map(({ from, to, relationship, origin, rationale, strength }) => ({
                from, to, relationship, origin,
                ...(rationale !== undefined ? { rationale } : {}), ...(strength !== undefined ? { strength } : {})
            })),
            managementSystem: collectManagementSystem(this.model, this.today, node => this.locationOf(node as AstNode), refOf),
            findings
        };
    }

    // ------------------------------------------------------------ statement of applicability

    private soaRows(): SoaRow[] {
        const annexA = catalog.annexAControls.map(control => {
            const entry = this.model.soaEntryFor(control.id);
            return this.soaRow(control.id, 'annex-a', control.title, control.summary, entry, control.parent);
        });
        const org = this.model.all('OrgControl').map(control =>
            this.soaRow(control.name, 'organisation', control.title, control.summary, this.model.soaEntryFor(control.name), undefined, control));
        return [...annexA, ...org];
    }

    private iso27001Soa(): Iso27001SoaData {
        const coverage = this.model.soaCoverage('iso27001');
        return {
            groups: catalog.ofKind('iso27001-theme').map(t => ({ id: t.id, title: t.title })),
            rows: catalog.ofKind('iso27001-control').map(control =>
                this.soaRow(control.id, 'iso27001', control.title, control.summary, this.model.soaEntryFor(control.id), control.parent)),
            total: coverage.total,
            ...soaCounts(coverage)
        };
    }

    private soaRow(id: string, kind: SoaRow['kind'], title: string, summary: string | undefined, entry: ControlApplication | undefined,
        group: string | undefined, orgControl?: OrgControl): SoaRow {
        // The same evidence the validator counts for this control (AimsModel.evidenceFor).
        const evidence = this.model.evidenceFor(id);
        const unresolved = entry?.evidence.filter(ref => !ref.ref).map(ref => ({ id: ref.$refText, freshness: 'undated' as const })) ?? [];
        const risks = [
            ...this.model.risksTreatedBy(id).map(risk => ({ id: risk.name, title: risk.title })),
            ...(entry?.risks.filter(ref => !ref.ref).map(ref => ({ id: ref.$refText })) ?? [])
        ];
        const nist = orgControl
            ? orgControl.nist.map(ref => ref.ref?.name ?? ref.$refText)
            : [...catalog.nistFor(id)];
        return {
            controlId: id,
            kind,
            group,
            title,
            summary: summary || undefined,
            decision: entry ? entry.decision as SoaDecision : 'missing',
            status: entry?.status as ImplementationStatus | undefined,
            justification: entry?.justification,
            note: entry?.note,
            owner: refOf(entry?.owner ?? orgControl?.owner),
            risks,
            systems: entry?.systems.map(ref => ({ id: ref.ref?.name ?? ref.$refText, title: ref.ref?.title })) ?? [],
            evidence: [...evidence.map(ev => this.evidenceLink(ev)), ...unresolved],
            nist,
            location: entry ? this.locationOf(entry) : orgControl ? this.locationOf(orgControl) : undefined
        };
    }

    private evidenceLink(ev: Evidence): EvidenceLink {
        return { id: ev.name, title: ev.title, freshness: this.model.freshness(ev, this.today, this.windowDays), expires: ev.expires };
    }

    // ------------------------------------------------------------ NIST AI RMF

    private nistRows(): NistFunctionRow[] {
        const coverage = new Map(this.model.nistCoverage().map(c => [c.subcategory, c]));
        return catalog.ofKind('nist-function').map(fn => {
            const categories = catalog.ofKind('nist-category').filter(cat => cat.parent === fn.id).map(cat => {
                const subcategories = catalog.ofKind('nist-subcategory').filter(sub => sub.parent === cat.id).map(sub => {
                    const c = coverage.get(sub.id);
                    return {
                        id: sub.id,
                        title: sub.title,
                        level: c?.level ?? 'not-covered',
                        controls: c?.controls ?? [],
                        coveredBy: c?.coveredBy.map(summarizeChain) ?? [],
                        partlyBy: c?.partlyBy.map(summarizeChain) ?? [],
                        plannedBy: c?.plannedBy.map(summarizeChain) ?? [],
                        clauses: c?.clauses ?? [],
                        evidence: this.model.evidenceSupporting(sub.id).map(ev => ev.name)
                    } satisfies NistSubcategoryRow;
                });
                return { id: cat.id, title: cat.title, counts: countStatuses(subcategories), subcategories };
            });
            return { id: fn.id, counts: countStatuses(categories.flatMap(c => c.subcategories)), categories };
        });
    }

    private frameworkRows(): FrameworkRow[] {
        return this.model.frameworkCoverage().map(({ framework, requirements }) => {
            const rows = requirements.map((r): FrameworkRequirementRow => {
                const group = r.requirement.$container.$type === 'FrameworkGroup' ? qualifiedName(framework.name, String(r.requirement.$container.name)) : undefined;
                return {
                    id: r.id, title: r.requirement.title, ...(group ? { group } : {}), ...(r.requirement.summary ? { summary: r.requirement.summary } : {}),
                    level: r.level, controls: r.controls,
                    coveredBy: r.coveredBy.map(summarizeChain), partlyBy: r.partlyBy.map(summarizeChain), plannedBy: r.plannedBy.map(summarizeChain),
                    evidence: this.model.evidenceSupporting(r.id).map(ev => ev.name)
                };
            });
            const counts: NistCounts = { 'covered': 0, 'partly-covered': 0, 'not-covered': 0 };
            for (const row of rows) counts[row.level]++;
            return {
                id: framework.name, title: framework.title,
                ...(framework.version ? { version: framework.version } : {}), ...(framework.source ? { source: framework.source } : {}),
                ...(framework.summary ? { summary: framework.summary } : {}),
                groups: framework.groups.map(g => ({ id: qualifiedName(framework.name, String(g.name)), title: g.title, ...(g.summary ? { summary: g.summary } : {}) })),
                counts, requirements: rows
            };
        });
    }

    // ------------------------------------------------------------ risks and systems

    private riskRow(risk: Risk): RiskRow {
        const l = this.model.likelihoodScale();
        const i = this.model.impactScale();
        return {
            id: risk.name,
            title: risk.title,
            systems: risk.systems.map(ref => ({ id: ref.ref?.name ?? ref.$refText, title: ref.ref?.title })),
            sources: risk.sources.map(ref => ({ id: ref.ref?.name ?? ref.$refText, title: ref.ref?.title })),
            affects: [...risk.affects],
            inherent: rating(risk.inherent, l, i),
            residual: rating(risk.residual, l, i),
            treatment: risk.treatment,
            controls: this.model.controlsTreating(risk).map(id => ({ id, title: controlTitle(id, this.model) })),
            owner: refOf(risk.owner),
            acceptedBy: refOf(risk.acceptor),
            acceptedOn: risk.acceptedOn,
            nextReview: this.model.nextReview(risk),
            ...(risk.assessed ? { assessed: risk.assessed } : {}),
            location: this.locationOf(risk)
        };
    }

    private systemRow(system: AiSystem): SystemRow {
        const assessments = this.model.assessmentsFor(system).map(ia => this.assessmentData(ia));
        const overdue = assessments.some(ia => ia.nextReview !== undefined && ia.nextReview < this.today);
        const impactAssessment: ImpactAssessmentState = assessments.length === 0
            ? (system.euCategory === 'high' ? 'missing' : 'none')
            : overdue ? 'review-overdue' : 'current';
        const risks = this.model.all('Risk').filter(risk => risk.systems.some(ref => ref.ref === system));
        const controls = new Set<string>();
        for (const entry of this.model.soaEntries()) {
            if (entry.decision === 'applicable' && entry.systems.some(ref => ref.ref === system)) {
                controls.add(controlIdOf(entry));
            }
        }
        for (const risk of risks) {
            for (const id of this.model.controlsTreating(risk)) {
                if (this.model.soaEntryFor(id)?.decision !== 'excluded') controls.add(id);
            }
        }
        const area = system.annexIII?.ref;
        return {
            id: system.name,
            title: system.title,
            purpose: system.purpose,
            intendedUse: system.intendedUse,
            stage: system.stage,
            role: system.role,
            owner: refOf(system.owner),
            euCategory: system.euCategory,
            annexIII: system.annexIII ? { id: String(area?.name ?? system.annexIII.$refText), title: area?.title } : undefined,
            oversight: system.oversight,
            deployment: system.deployment,
            datasets: system.datasets.map(ref => ({ id: ref.ref?.name ?? ref.$refText, title: ref.ref?.title })),
            models: [...system.models],
            suppliers: system.suppliers.map(ref => ({ id: ref.ref?.name ?? ref.$refText, title: ref.ref?.title })),
            impactAssessment,
            assessments,
            risks: risks.map(r => ({ id: r.name, title: r.title })),
            controls: sortControlIds([...controls]),
            euAiAct: euAiActData(this.euAiAct.profileOf(system, this.today)),
            location: this.locationOf(system)
        };
    }

    private assessmentData(ia: ImpactAssessment): ImpactAssessmentData {
        return {
            id: ia.name, title: ia.title, system: ia.system?.ref?.name ?? ia.system?.$refText, severity: ia.severity,
            assessed: ia.assessed, assessor: refOf(ia.assessor), nextReview: this.model.nextReview(ia), location: this.locationOf(ia)
        };
    }

    private policyRow(policy: Policy): PolicyRow {
        return {
            id: policy.name, title: policy.title, owner: refOf(policy.owner), approved: policy.approved,
            approver: refOf(policy.approver), nextReview: this.model.nextReview(policy), documents: [...policy.documents]
        };
    }

    private evidenceRow(ev: Evidence): EvidenceRow {
        return {
            id: ev.name, title: ev.title, kind: ev.kind, path: ev.path, url: ev.url, owner: refOf(ev.owner),
            collected: ev.collected, expires: ev.expires, freshness: this.model.freshness(ev, this.today, this.windowDays),
            supports: ev.supports.map(referencedId)
        };
    }

    private people(): PersonData[] {
        const teams = this.model.all('Team');
        return this.model.all('Person').map((person: Person) => {
            const memberOf = new Set<string>();
            if (person.team?.ref) memberOf.add(person.team.ref.name);
            for (const team of teams) {
                if (team.members.some(ref => ref.ref === person) || team.lead?.ref === person) memberOf.add(team.name);
            }
            return { id: person.name, title: person.title, roles: [...person.roles], email: person.email, teams: [...memberOf] };
        });
    }

    private teamData(team: Team): TeamData {
        return {
            id: team.name, title: team.title, lead: team.lead?.ref?.name ?? team.lead?.$refText,
            members: team.members.map(ref => ref.ref?.name ?? ref.$refText), roles: [...team.roles]
        };
    }

    // ------------------------------------------------------------ findings and places

    private findings(): FindingRow[] {
        const rows = this.documents.flatMap(doc => (doc.diagnostics ?? []).map(d => this.findingRow(doc, d)));
        const order: Record<FindingSeverity, number> = { error: 0, warning: 1, info: 2, hint: 3 };
        return rows.sort((a, b) => order[a.severity] - order[b.severity] || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
    }

    private findingRow(doc: LangiumDocument, d: Diagnostic): FindingRow {
        const severity: FindingSeverity = d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : d.severity === 3 ? 'info' : 'hint';
        return {
            file: this.relativePath(doc), line: d.range.start.line + 1, column: d.range.start.character + 1,
            code: d.code === undefined ? 'aims' : String(d.code), severity,
            message: typeof d.message === 'string' ? d.message : d.message.value
        };
    }

    private locationOf(node: AstNode): SourceLocation | undefined {
        const line = node.$cstNode?.range.start.line;
        return line === undefined ? undefined : { file: this.relativePath(documentOf(node)), line: line + 1 };
    }

    private relativePath(doc: LangiumDocument): string {
        if (doc.uri.scheme !== 'file') {
            return doc.uri.toString();
        }
        const path = doc.uri.fsPath;
        if (!this.root) {
            return path;
        }
        const rel = relative(this.root, path);
        return rel.startsWith('..') || isAbsolute(rel) ? path : rel.split('\\').join('/');
    }
}

function refOf(ref: { ref?: { name: string; title: string }; $refText: string } | undefined): Ref | undefined {
    return ref ? { id: ref.ref?.name ?? ref.$refText, title: ref.ref?.title } : undefined;
}

function controlTitle(id: string, model: AimsModel): string | undefined {
    return catalog.get('annex-a-control', id)?.title ?? model.all('OrgControl').find(c => c.name === id)?.title;
}

/**
 * A rating's level is its score relative to the largest score the declared scales allow:
 * below 20 % low, below 40 % medium, below 65 % high, else critical. On 1-5 x 1-5 that is
 * 1-4 low, 5-9 medium, 10-16 high, 20-25 critical, the usual bands of a 5 x 5 matrix.
 */
export function riskLevel(likelihood: number, impact: number, l: RatingScale, i: RatingScale): RiskLevel {
    const max = Math.max(1, l.max * i.max);
    const ratio = (likelihood * impact) / max;
    return ratio < 0.2 ? 'low' : ratio < 0.4 ? 'medium' : ratio < 0.65 ? 'high' : 'critical';
}

function rating(r: Rating | undefined, l: RatingScale, i: RatingScale): RatingData | undefined {
    if (!r) {
        return undefined;
    }
    const inScale = r.likelihood >= l.min && r.likelihood <= l.max && r.impact >= i.min && r.impact <= i.max;
    return { likelihood: r.likelihood, impact: r.impact, score: r.likelihood * r.impact, level: riskLevel(r.likelihood, r.impact, l, i), inScale };
}

function heatMap(risks: readonly RiskRow[], pick: (r: RiskRow) => RatingData | undefined, l: RatingScale, i: RatingScale): HeatMap {
    const cells: HeatMapCell[] = [];
    // A broken scale (min above max) is a finding; show no cells rather than loop forever.
    const valid = l.min <= l.max && i.min <= i.max && (l.max - l.min) < 100 && (i.max - i.min) < 100;
    for (let likelihood = l.min; valid && likelihood <= l.max; likelihood++) {
        for (let impact = i.min; impact <= i.max; impact++) {
            const here = risks.filter(r => {
                const rt = pick(r);
                return rt?.inScale && rt.likelihood === likelihood && rt.impact === impact;
            }).map(r => r.id);
            cells.push({ likelihood, impact, level: riskLevel(likelihood, impact, l, i), risks: here });
        }
    }
    return {
        likelihood: l, impact: i, cells,
        unrated: risks.filter(r => !pick(r)).map(r => r.id),
        outOfScale: risks.filter(r => { const rt = pick(r); return rt !== undefined && (!rt.inScale || !valid); }).map(r => r.id)
    };
}

function countStatuses(subs: readonly NistSubcategoryRow[]): NistCounts {
    const counts: NistCounts = { 'covered': 0, 'partly-covered': 0, 'not-covered': 0 };
    for (const s of subs) counts[s.level]++;
    return counts;
}

/** Control ids in a human order: A.2.2 < A.6.1.2 < A.10.4, organisation controls after Annex A. */
export function sortControlIds(ids: string[]): string[] {
    const key = (id: string) => id.split('.').map(part => /^\d+$/.test(part) ? part.padStart(4, '0') : part);
    return ids.sort((a, b) => {
        const aa = a.startsWith('A.') ? 0 : 1, bb = b.startsWith('A.') ? 0 : 1;
        if (aa !== bb) return aa - bb;
        const ka = key(a), kb = key(b);
        for (let n = 0; n < Math.max(ka.length, kb.length); n++) {
            const x = ka[n] ?? '', y = kb[n] ?? '';
            if (x !== y) return x < y ? -1 : 1;
        }
        return 0;
    });
}

/** The commit the workspace is at, if `root` is inside a git work tree; never throws. */
export function gitCommit(root: string | undefined): CommitInfo | undefined {
    if (!root || !existsSync(root)) {
        return undefined;
    }
    const git = (...args: string[]) => runGit(root, args).trim();
    try {
        const hash = git('rev-parse', 'HEAD');
        if (!/^[0-9a-f]{40,64}$/.test(hash)) {
            return undefined;
        }
        const date = git('show', '-s', '--format=%cI', 'HEAD') || undefined;
        const dirty = workingTreeDiffers(root);
        return { hash, date, dirty };
    } catch {
        return undefined;
    }
}

function euAiActData(profile: EuProfile | undefined): EuAiActSystemData {
    if (!profile) {
        return { operatorRoles: [], transparency: [], obligations: [], friaReasons: [] };
    }
    const route = profile.annexIII ? `Annex III point ${profile.annexIII}`
        : profile.annexI ? `Annex I item ${profile.annexI.id} (${profile.annexI.title})` : undefined;
    const provision = profile.provision ? `${route ? `${route}, ` : ''}${profile.provision}` : route;
    return {
        operatorRoles: profile.roles,
        euClass: profile.euClass,
        route: provision,
        transparency: profile.transparency,
        obligations: profile.obligations.map(o => ({
            article: o.article, title: o.title, duty: o.duty, appliesFrom: o.appliesFrom, due: o.due, state: o.state, addressedBy: o.addressedBy
        })),
        friaReasons: profile.friaReasons
    };
}

function soaCounts(coverage: SoaCoverage): SoaCounts {
    return {
        decided: coverage.applicable + coverage.excluded,
        applicable: coverage.applicable,
        implemented: coverage.implemented,
        excluded: coverage.excluded,
        undecided: coverage.undecided,
        missing: coverage.missing.length
    };
}
