/**
 * Queries over the whole AIMS: the statement of applicability, which controls treat which risks,
 * impact assessments per system, rating scales, review and expiry dates. The validator, the LSP
 * features (code lenses, status bar), the reports and the OSCAL export all ask these questions
 * here, so that they can never disagree.
 */
import { AstUtils, DocumentCache, WorkspaceCache, type AstNode, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import {
    isAnnexAControl, isModel, isStatementOfApplicability,
    type AiSystem, type ControlApplication, type Element, type Evidence, type ImpactAssessment,
    type Model, type Organisation, type Policy, type Risk, type Scale, type StatementOfApplicability, type Audit, type Nonconformity, type Framework, type FrameworkRequirement
} from '../language/generated/ast.js';
import { isCatalogUri } from '../catalog/catalog-document.js';
import { catalog } from '../catalog/catalog.js';
import { qualifiedName, referencedId } from '../references/aims-name-provider.js';
import { addDuration, daysBetween, parseIsoDate } from './dates.js';
import { levelOf, MappingGraph, type CoverageChain, type CoverageLevel } from './mappings.js';

/** What one document contributes, computed once per document version. */
export interface DocumentFacts {
    readonly elements: readonly Element[];
    readonly soaEntries: readonly ControlApplication[];
}

export interface RatingScale {
    readonly min: number;
    readonly max: number;
}

/** Which Annex A a statement of applicability decides: ISO/IEC 42001's (38 controls) or, in `soa iso27001`, ISO/IEC 27001:2022's (93). */
export type SoaStandard = 'iso42001' | 'iso27001';
export const SOA_STANDARD_LABEL: Record<SoaStandard, string> = { iso42001: 'ISO/IEC 42001 Annex A', iso27001: 'ISO/IEC 27001:2022 Annex A' };

export interface SoaCoverage {
    readonly standard: SoaStandard;
    /** Annex A controls of the standard (38 or 93). */
    readonly total: number;
    readonly applicable: number;
    readonly excluded: number;
    readonly undecided: number;
    readonly implemented: number;
    /** Annex A ids with no entry at all, in catalog order. */
    readonly missing: readonly string[];
}

export type Freshness = 'fresh' | 'expiring' | 'expired' | 'undated';

/**
 * How far the AIMS covers one NIST AI RMF subcategory, through the mappings (src/model/mappings.ts):
 * 'covered' when an implemented control meets all of it (the subcategory is equal to or a subset
 * of the control, directly or through a chain), 'partly-covered' when implemented controls meet
 * part of it (superset-of or intersects-with; the crosswalk's untyped pairs are intersects-with),
 * 'not-covered' otherwise. Clauses are management-system requirements, not controls: they never
 * cover a subcategory, and are listed beside it.
 */
export interface NistSubcategoryCoverage extends TargetCoverage {
    readonly subcategory: string;
}

/** The coverage of every requirement of one declared framework. */
export interface FrameworkCoverage {
    readonly framework: Framework;
    readonly requirements: ReadonlyArray<TargetCoverage & { readonly id: string; readonly requirement: FrameworkRequirement }>;
}

/** How far implemented controls cover one entry, through the mappings. */
export interface TargetCoverage {
    readonly level: CoverageLevel;
    /** Annex A and organisation controls mapped to it directly (crosswalk, `nist` lists, `map`). */
    readonly controls: readonly string[];
    /** Implemented controls that cover it, and the chains that show how. */
    readonly coveredBy: readonly CoverageChain[];
    /** Implemented controls that cover part of it. */
    readonly partlyBy: readonly CoverageChain[];
    /** Applicable controls, not yet implemented, that would cover it or part of it. */
    readonly plannedBy: readonly CoverageChain[];
    /** ISO/IEC 42001 clauses it is mapped to. */
    readonly clauses: readonly string[];
}

export const DEFAULT_SCALE: RatingScale = { min: 1, max: 5 };

type ElementOfType<K extends Element['$type']> = Extract<Element, { $type: K }>;

export class AimsModel {
    private readonly shared: LangiumSharedCoreServices;
    private readonly facts: DocumentCache<string, DocumentFacts>;
    private readonly workspace: WorkspaceCache<string, unknown>;
    /** The sorted user documents of the last change (see userDocuments). */
    private documentOrder: LangiumDocument[] = [];

    constructor(shared: LangiumSharedCoreServices) {
        this.shared = shared;
        this.facts = new DocumentCache(shared);
        this.workspace = new WorkspaceCache(shared);
    }

    /** The user's documents (never the built-in catalogs), in a stable order. */
    userDocuments(): LangiumDocument[] {
        return this.cached('documents', () => {
            const documents = this.shared.workspace.LangiumDocuments.all
                .filter(doc => !isCatalogUri(doc.uri) && isModel(doc.parseResult.value))
                .toArray();
            // A keystroke changes a document, not the set of documents: keep the last order then.
            const last = this.documentOrder;
            if (documents.length === last.length) {
                const current = new Set(documents);
                if (last.every(doc => current.has(doc))) {
                    return last;
                }
            }
            this.documentOrder = documents.sort((a, b) => URI_ORDER.compare(a.uri.toString(), b.uri.toString()));
            return this.documentOrder;
        });
    }

    factsOf(document: LangiumDocument): DocumentFacts {
        return this.facts.get(document.uri, 'facts', () => {
            const model = document.parseResult.value as Model;
            const elements = isModel(model) ? model.elements : [];
            const soaEntries = elements.filter(isStatementOfApplicability).flatMap(soa => soa.entries);
            return { elements, soaEntries };
        });
    }

    /** Every user declaration of one type, across the workspace. */
    all<K extends Element['$type']>(type: K): Array<ElementOfType<K>> {
        return (this.byType().get(type) ?? []) as Array<ElementOfType<K>>;
    }

    /** All declarations grouped by type in one pass: the workspace checks ask for many types per keystroke. */
    private byType(): Map<string, Element[]> {
        return this.cached('byType', () => {
            const byType = new Map<string, Element[]>();
            for (const doc of this.userDocuments()) {
                for (const element of this.factsOf(doc).elements) {
                    const list = byType.get(element.$type);
                    if (list) list.push(element);
                    else byType.set(element.$type, [element]);
                }
            }
            return byType;
        });
    }

    organisation(): Organisation | undefined {
        return this.all('Organisation')[0];
    }

    likelihoodScale(): RatingScale {
        return toScale(this.organisation()?.likelihoodScale);
    }

    impactScale(): RatingScale {
        return toScale(this.organisation()?.impactScale);
    }

    soaEntries(): ControlApplication[] {
        return this.cached('soa', () => this.userDocuments().flatMap(doc => [...this.factsOf(doc).soaEntries]));
    }

    /** Statement of applicability entries keyed by control id as written (`A.6.2.4`, `ACME.1`). */
    soaByControl(): Map<string, ControlApplication[]> {
        return this.cached('soaByControl', () => {
            const map = new Map<string, ControlApplication[]>();
            for (const entry of this.soaEntries()) {
                const id = controlIdOf(entry);
                // An entry in the other standard's block decides nothing (aims/soa-wrong-standard says so).
                if (id && !isMisplacedEntry(entry)) {
                    map.set(id, [...(map.get(id) ?? []), entry]);
                }
            }
            return map;
        });
    }

    soaEntryFor(controlId: string): ControlApplication | undefined {
        return this.soaByControl().get(controlId)?.[0];
    }

    /** The `soa` blocks of one standard, in document order. */
    soaBlocks(standard: SoaStandard = 'iso42001'): StatementOfApplicability[] {
        return this.all('StatementOfApplicability').filter(soa => soaStandardOf(soa) === standard);
    }

    /**
     * How far a statement of applicability decides its Annex A. The ISO/IEC 27001 one is asked for
     * only when the workspace keeps one (`soa iso27001 { ... }`): a 42001 AIMS need not be an ISMS.
     */
    soaCoverage(standard: SoaStandard = 'iso42001'): SoaCoverage {
        return this.cached(`coverage:${standard}`, () => {
            const byControl = this.soaByControl();
            const annexA = standard === 'iso27001' ? catalog.ofKind('iso27001-control') : catalog.annexAControls;
            let applicable = 0, excluded = 0, undecided = 0, implemented = 0;
            const missing: string[] = [];
            for (const control of annexA) {
                const entry = byControl.get(control.id)?.[0];
                if (!entry) {
                    missing.push(control.id);
                } else if (entry.decision === 'applicable') {
                    applicable++;
                    if (entry.status === 'implemented') implemented++;
                } else if (entry.decision === 'excluded') {
                    excluded++;
                } else {
                    undecided++;
                }
            }
            return { standard, total: annexA.length, applicable, excluded, undecided, implemented, missing };
        });
    }

    /** Control ids that treat a risk: named by the risk itself, or by SoA entries that list it. */
    controlsTreating(risk: Risk): string[] {
        const ids = new Set(risk.controls.map(ref => ref.ref?.name ?? ref.$refText));
        for (const id of this.soaControlsByRisk().get(risk) ?? []) {
            ids.add(id);
        }
        return [...ids];
    }

    /** The SoA entries' control ids per risk they treat, in SoA order; one pass instead of one per risk. */
    private soaControlsByRisk(): Map<Risk, string[]> {
        return this.cached('soaControlsByRisk', () => {
            const byRisk = new Map<Risk, string[]>();
            for (const entry of this.soaEntries()) {
                for (const ref of entry.risks) {
                    const risk = ref.ref;
                    if (!risk) continue;
                    const ids = byRisk.get(risk);
                    if (ids) ids.push(controlIdOf(entry));
                    else byRisk.set(risk, [controlIdOf(entry)]);
                }
            }
            return byRisk;
        });
    }

    /** Risks treated by a control, from both directions. */
    risksTreatedBy(controlId: string): Risk[] {
        const risks = new Set<Risk>();
        for (const risk of this.all('Risk')) {
            if (risk.controls.some(ref => (ref.ref?.name ?? ref.$refText) === controlId)) {
                risks.add(risk);
            }
        }
        for (const entry of this.soaByControl().get(controlId) ?? []) {
            for (const ref of entry.risks) {
                if (ref.ref) risks.add(ref.ref);
            }
        }
        return [...risks];
    }

    assessmentsFor(system: AiSystem): ImpactAssessment[] {
        const bySystem = this.cached('assessmentsBySystem', () => {
            const map = new Map<AiSystem, ImpactAssessment[]>();
            for (const ia of this.all('ImpactAssessment')) {
                const target = ia.system?.ref;
                if (!target) continue;
                const list = map.get(target);
                if (list) list.push(ia);
                else map.set(target, [ia]);
            }
            return map;
        });
        return [...(bySystem.get(system) ?? [])];
    }

    /** The date a policy, risk or assessment is next due for review, if one can be worked out. */
    nextReview(node: Policy | Risk | ImpactAssessment): string | undefined {
        if (node.nextReview) {
            // A review recorded on or after the planned date has taken place: the next one is not set yet.
            const reviewed = lastReviewed(node);
            return reviewed && reviewed >= node.nextReview ? undefined : node.nextReview;
        }
        if (node.reviewEvery) {
            const base = reviewBaseDate(node);
            return base ? addDuration(base, node.reviewEvery.count, node.reviewEvery.unit) : undefined;
        }
        return undefined;
    }

    freshness(evidence: Evidence, today: string, windowDays: number): Freshness {
        if (!evidence.expires) {
            return 'undated';
        }
        const left = daysBetween(today, evidence.expires);
        if (left === undefined) {
            return 'undated';
        }
        return left < 0 ? 'expired' : left <= windowDays ? 'expiring' : 'fresh';
    }

    /**
     * The evidence of a control, the one view that the validator, the report, hover, code lenses
     * and OSCAL all use: what its statement of applicability entry links (`evidence ...`) and what
     * names the control in its own `supports` list. Both are explicit statements by the author;
     * either side may carry the link.
     */
    evidenceFor(controlId: string): Evidence[] {
        const linked = (this.soaByControl().get(controlId) ?? []).flatMap(entry => entry.evidence.map(ref => ref.ref).filter((ev): ev is Evidence => ev !== undefined));
        return [...new Set([...linked, ...this.evidenceSupportingIndex().get(controlId) ?? []])];
    }

    /** Catalog id to the evidence that names it under `supports`, built once per change. */
    private evidenceSupportingIndex(): Map<string, Evidence[]> {
        return this.cached('evidenceSupporting', () => {
            const index = new Map<string, Evidence[]>();
            for (const ev of this.all('Evidence')) {
                for (const ref of ev.supports) {
                    const id = referencedId(ref);
                    const list = index.get(id);
                    if (list) list.push(ev);
                    else index.set(id, [ev]);
                }
            }
            return index;
        });
    }

    /** Nonconformities not yet closed whose `about` names the clause or control (or a clause or group above it). */
    openNonconformitiesAbout(id: string): Nonconformity[] {
        return this.all('Nonconformity').filter(nc => !nc.closed && nc.about.some(ref => scopeIncludes(String(ref.ref?.name ?? ref.$refText), id)));
    }

    /** The latest conducted audit whose scope includes the clause or control, if any. */
    lastAuditOf(id: string): Audit | undefined {
        return this.all('Audit')
            .filter(audit => audit.conducted && audit.scope.some(ref => scopeIncludes(String(ref.ref?.name ?? ref.$refText), id)))
            .sort((a, b) => (a.conductedUntil ?? a.conducted!).localeCompare(b.conductedUntil ?? b.conducted!))
            .at(-1);
    }

    /** Evidence whose `supports` list names this catalog id (`A.6.2.4`, `5.2`, `GOVERN 1.1`, `Article 9`). */
    evidenceSupporting(catalogId: string): Evidence[] {
        return [...this.evidenceSupportingIndex().get(catalogId) ?? []];
    }

    /** Every mapping: the crosswalk, organisation controls' `nist` lists and `map` declarations. */
    mappings(): MappingGraph {
        return this.cached('mappings', () => new MappingGraph(
            this.all('Mapping'),
            this.all('OrgControl').map(c => ({ control: c.name, nist: c.nist.map(ref => ref.ref?.name ?? ref.$refText) }))
        ));
    }

    /** Coverage of every NIST AI RMF subcategory, in catalog order (see NistSubcategoryCoverage). */
    nistCoverage(): NistSubcategoryCoverage[] {
        return this.cached('nistCoverage', () =>
            catalog.ofKind('nist-subcategory').map(sub => ({ subcategory: sub.id, ...this.coverageOf(sub.id) })));
    }

    /** Coverage of every requirement of every framework the workspace declares, in declaration order. */
    frameworkCoverage(): FrameworkCoverage[] {
        return this.cached('frameworkCoverage', () => this.all('Framework').map(framework => ({
            framework,
            requirements: [...framework.groups.flatMap(g => g.requirements), ...framework.requirements]
                .map(requirement => {
                    const id = qualifiedName(framework.name, String(requirement.name));
                    return { id, requirement, ...this.coverageOf(id) };
                })
        })));
    }

    /** How far implemented controls cover one entry (a subcategory, a framework requirement), through the mappings. */
    coverageOf(target: string): TargetCoverage {
        const graph = this.mappings();
        const isControl = (id: string) => catalog.get('annex-a-control', id) !== undefined || catalog.get('iso27001-control', id) !== undefined
            || this.orgControlNames().has(id);
        const direct = graph.mappingsOf(target).filter(e => e.relationship !== 'no-relationship').map(e => e.to);
        const chains = [...graph.reach(target).values()].filter(chain => isControl(chain.control));
        const applicable = chains.filter(chain => this.soaEntryFor(chain.control)?.decision === 'applicable');
        const implemented = applicable.filter(chain => this.soaEntryFor(chain.control)?.status === 'implemented');
        const coveredBy = implemented.filter(chain => levelOf(chain.relation) === 'covered');
        const partlyBy = implemented.filter(chain => levelOf(chain.relation) === 'partly-covered');
        return {
            level: coveredBy.length > 0 ? 'covered' : partlyBy.length > 0 ? 'partly-covered' : 'not-covered',
            controls: direct.filter(isControl),
            coveredBy, partlyBy,
            plannedBy: applicable.filter(chain => !implemented.includes(chain)),
            clauses: direct.filter(id => catalog.get('clause', id) !== undefined)
        };
    }

    private orgControlNames(): Set<string> {
        return this.cached('orgControlNames', () => new Set(this.all('OrgControl').map(c => c.name)));
    }

    private cached<T>(key: string, compute: () => T): T {
        return this.workspace.get(key, compute) as T;
    }
}

/** Document order by URI; the same order as `localeCompare`, without building a collator per comparison. */
const URI_ORDER = new Intl.Collator();

/** Whether a scope entry (`9`, `6.1.2`, `A.6`, `A.6.2.4`) includes the clause or control `id`. */
export function scopeIncludes(scopeId: string, id: string): boolean {
    return scopeId === id || id.startsWith(scopeId + '.');
}

/** The id an SoA entry is about: the resolved control's name, or the text as written. */
export function controlIdOf(entry: ControlApplication): string {
    // `control` is missing while the user is still typing the id.
    return entry.control?.ref?.name ?? entry.control?.$refText ?? '';
}

export function isAnnexAEntry(entry: ControlApplication): boolean {
    return isAnnexAControl(entry.control?.ref);
}

export function soaStandardOf(soa: StatementOfApplicability): SoaStandard {
    return soa.standard === 'iso27001' ? 'iso27001' : 'iso42001';
}

/** An entry for a control of the other standard: ISO/IEC 27001 in the 42001 SoA or the other way round. */
export function isMisplacedEntry(entry: ControlApplication): boolean {
    const standard = standardOfControl(controlIdOf(entry));
    return standard !== undefined && isStatementOfApplicability(entry.$container) && standard !== soaStandardOf(entry.$container);
}

/** The standard whose Annex A a control id belongs to; organisation controls belong to neither. */
export function standardOfControl(id: string): SoaStandard | undefined {
    return catalog.get('annex-a-control', id) ? 'iso42001' : catalog.get('iso27001-control', id) ? 'iso27001' : undefined;
}

/**
 * The date a `review every ...` interval counts from: the last `reviewed` record, else when the
 * policy was approved, the risk assessed or accepted, or the impact assessment made. Undefined
 * when no such date is given.
 */
export function reviewBaseDate(node: Policy | Risk | ImpactAssessment): string | undefined {
    return lastReviewed(node) ?? (node.$type === 'Policy' ? node.approved
        : node.$type === 'Risk' ? latest([node.assessed, node.acceptedOn])
        : node.assessed);
}

/** The date of the last `reviewed` record (calendar dates only), if any. */
export function lastReviewed(node: Policy | Risk | ImpactAssessment): string | undefined {
    return latest(node.reviews.map(r => r.date));
}

/** The latest of some ISO dates, ignoring missing and impossible ones. */
export function latest(dates: ReadonlyArray<string | undefined>): string | undefined {
    return dates.filter((d): d is string => d !== undefined && parseIsoDate(d) !== undefined).sort().at(-1);
}

function toScale(scale: Scale | undefined): RatingScale {
    return scale ? { min: scale.min, max: scale.max } : DEFAULT_SCALE;
}

/** The document an AST node lives in. */
export function documentOf(node: AstNode): LangiumDocument {
    return AstUtils.getDocument(node);
}
