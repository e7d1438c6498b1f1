/**
 * The EU AI Act view of the AIMS: for each AI system and general-purpose AI model, its operator
 * roles, its class and the route to it, and the obligations that follow from them, read from the
 * table in catalog/data/eu-ai-act-obligations.json. Each obligation is met (by evidence or an
 * implemented statement of applicability entry that supports its article), declared not
 * applicable, or open; and due, or not before the date it applies from. The validator, the
 * reports and the OSCAL export all ask here, so they cannot disagree.
 */
import { WorkspaceCache, type LangiumSharedCoreServices } from 'langium';
import type { AiSystem, GpaiModel, ImpactAssessment, NotApplicable, Organisation } from '../language/generated/ast.js';
import { catalog, type CatalogItem } from '../catalog/catalog.js';
import euAiActData from '../catalog/data/eu-ai-act.json' with { type: 'json' };
import obligationsData from '../catalog/data/eu-ai-act-obligations.json' with { type: 'json' };
import { controlIdOf, type AimsModel } from './aims-model.js';

export type OperatorRole = 'provider' | 'deployer' | 'importer' | 'distributor' | 'authorised-representative' | 'product-manufacturer';
/** The classes of the obligations table: the system classes, and the two kinds of general-purpose AI model. */
export type EuClass = 'prohibited' | 'high' | 'not-high-risk' | 'minimal' | 'limited' | 'gpai' | 'gpai-systemic';
/** How a system is high-risk: Annex III (Article 6(2)), or Annex I Section A or B (Article 6(1)). */
export type EuRoute = 'annex-iii' | 'annex-i-a' | 'annex-i-b';

interface ObligationRow {
    readonly article: string;
    readonly roles: readonly string[];
    readonly classes: readonly string[];
    readonly routes?: readonly string[];
    readonly when?: string;
    readonly checkedBy?: string;
    readonly duty: string;
}

const ROWS: readonly ObligationRow[] = obligationsData.obligations;
export const OPERATOR_ROLES: Readonly<Record<string, { title: string; definition: string | null; summary: string }>> = obligationsData.roles;
/** Article 113, third paragraph, point (c): Article 6(1) and the obligations that go with it. */
export const ANNEX_I_ROUTE_DATE: string = euAiActData.application.annexIRoute;
/** Annex III sub-points whose deployers owe a fundamental rights impact assessment whoever they are (Article 27(1)). */
const FRIA_SUBPOINTS = ['5(b)', '5(c)'];
/** Article 27(1), points (a) to (f), and the notification of Article 27(3), as the `fria` block names them. */
export const FRIA_ELEMENTS = [
    { field: 'processes', provision: 'Article 27(1), point (a)', what: "the deployer's processes in which the system is used" },
    { field: 'period', provision: 'Article 27(1), point (b)', what: 'the period and frequency of use' },
    { field: 'affected', provision: 'Article 27(1), point (c)', what: 'the categories of persons and groups likely to be affected' },
    { field: 'harms', provision: 'Article 27(1), point (d)', what: 'the specific risks of harm to them' },
    { field: 'oversight', provision: 'Article 27(1), point (e)', what: 'the human oversight measures' },
    { field: 'measures', provision: 'Article 27(1), point (f)', what: 'the measures if the risks materialise, incl. governance and complaints' },
    { field: 'notified', provision: 'Article 27(3)', what: 'the date the market surveillance authority was notified' }
] as const;

export type ObligationState = 'met' | 'not-applicable' | 'open';

export interface EuObligation {
    /** `Article 26`, `Article 50(1)`. */
    readonly article: string;
    readonly title: string;
    /** What the obligation asks, in a few words. */
    readonly duty: string;
    /** The role that owes it (after Article 25(3): a product manufacturer owes the provider's). */
    readonly role: OperatorRole;
    /** The provision that makes a role owe another's obligations (`Article 25(3)`). */
    readonly via?: string;
    readonly appliesFrom: string;
    /** Whether it applies on "today". */
    readonly due: boolean;
    readonly state: ObligationState;
    /** Evidence and SoA entries (`soa A.6.2.4`) that support the article, or the not-applicable reason. */
    readonly addressedBy: readonly string[];
    readonly notApplicable?: NotApplicable;
    /** A rule of its own checks this obligation (Article 27: aims/fria-required). */
    readonly checkedBy?: string;
}

export interface EuProfile {
    readonly subject: AiSystem | GpaiModel;
    readonly roles: readonly OperatorRole[];
    readonly euClass?: EuClass;
    readonly route?: EuRoute;
    /** `5` or `5(b)`, as declared. */
    readonly annexIII?: string;
    readonly annexI?: CatalogItem;
    readonly provision?: string;
    readonly transparency: readonly string[];
    readonly obligations: readonly EuObligation[];
    /** Why Article 27 binds this system's deployer, when it does. */
    readonly friaReasons: readonly string[];
}

/** The Annex III point of `5(b)` (`5`) or of `5` itself. */
export function annexIIIPoint(id: string): string {
    return /^\d+/.exec(id)?.[0] ?? id;
}

/** `Article 50(1)` belongs to `Article 50`. */
export function articleOf(id: string): string {
    return /^Article \d+/.exec(id)?.[0] ?? id;
}

/** Whether a `supports` or `not-applicable` id covers an obligation: the same provision, or its whole article. */
export function covers(cited: string, obligation: string): boolean {
    return cited === obligation || cited === articleOf(obligation);
}

export function classOf(subject: AiSystem | GpaiModel): EuClass | undefined {
    if (subject.$type === 'GpaiModel') {
        return subject.systemicRisk === 'yes' ? 'gpai-systemic' : 'gpai';
    }
    return subject.euCategory as EuClass | undefined;
}

export function routeOf(system: AiSystem): EuRoute | undefined {
    if (system.annexIII) {
        return 'annex-iii';
    }
    if (system.annexI) {
        const item = system.annexI.ref?.name ?? system.annexI.$refText;
        return catalog.get('annex-i-item', String(item))?.context === euAiActData.annexI.sections.B ? 'annex-i-b' : 'annex-i-a';
    }
    return undefined;
}

interface Support {
    readonly name: string;
    /** Systems it is about; empty: the whole organisation. */
    readonly systems: readonly string[];
}

export class EuAiActModel {
    private readonly model: AimsModel;
    private readonly cache: WorkspaceCache<string, unknown>;

    constructor(shared: LangiumSharedCoreServices, model: AimsModel) {
        this.model = model;
        this.cache = new WorkspaceCache(shared);
    }

    /** Every system and general-purpose AI model with what the Act asks of it, on `today`. */
    profiles(today: string): EuProfile[] {
        return this.cached(`profiles ${today}`, () => [
            ...this.model.all('AiSystem').map(system => this.profile(system, today)),
            ...this.model.all('GpaiModel').map(gpai => this.profile(gpai, today))
        ]);
    }

    profileOf(subject: AiSystem | GpaiModel, today: string): EuProfile | undefined {
        return this.profiles(today).find(p => p.subject === subject);
    }

    /** Why Article 27(1) binds the deployer of this system; empty when it does not. */
    friaReasons(system: AiSystem): string[] {
        const roles = system.operatorRoles as OperatorRole[];
        if (!roles.includes('deployer') || system.euCategory !== 'high' || !system.annexIII) {
            return [];
        }
        const entry = String(system.annexIII.ref?.name ?? system.annexIII.$refText);
        if (annexIIIPoint(entry) === '2') {
            return [];
        }
        const organisation: Organisation | undefined = this.model.organisation();
        const reasons: string[] = [];
        if (FRIA_SUBPOINTS.includes(entry)) {
            reasons.push(`it deploys an Annex III point ${entry} system`);
        }
        if (organisation?.publicLawBody === 'yes') {
            reasons.push('the organisation is a body governed by public law');
        }
        if (organisation?.publicServices === 'yes') {
            reasons.push('the organisation provides public services');
        }
        return reasons;
    }

    /** The impact assessments of a system that carry a fundamental rights impact assessment (`fria { }`). */
    friaAssessments(system: AiSystem): ImpactAssessment[] {
        return this.model.assessmentsFor(system).filter(ia => ia.fria !== undefined);
    }

    private profile(subject: AiSystem | GpaiModel, today: string): EuProfile {
        const roles = [...new Set(subject.operatorRoles as OperatorRole[])];
        const euClass = classOf(subject);
        const system = subject.$type === 'AiSystem' ? subject : undefined;
        const route = system ? routeOf(system) : undefined;
        const annexIII = system?.annexIII ? String(system.annexIII.ref?.name ?? system.annexIII.$refText) : undefined;
        const transparency = system?.transparency.map(ref => ref.ref?.name ?? ref.$refText) ?? [];
        const friaReasons = system ? this.friaReasons(system) : [];
        const conditions = (when: string | undefined) => {
            switch (when) {
                case undefined: return true;
                case 'not-annex-iii-point-2': return annexIII !== undefined && annexIIIPoint(annexIII) !== '2';
                case 'fria-required': return friaReasons.length > 0;
                case 'public-authority-deployer': return this.model.organisation()?.publicLawBody === 'yes' && annexIII !== undefined && annexIIIPoint(annexIII) !== '2';
                default: return false;
            }
        };
        // Article 25(3): a product manufacturer owes the provider's obligations for an Annex I Section A system.
        const owed: Array<{ role: OperatorRole; as: OperatorRole; via?: string }> = roles.map(role => ({ role, as: role }));
        for (const rule of obligationsData.actsAs) {
            if (roles.includes(rule.role as OperatorRole) && route === rule.route && !roles.includes(rule.as as OperatorRole)) {
                owed.push({ role: rule.role as OperatorRole, as: rule.as as OperatorRole, via: rule.basis });
            }
        }
        const supports = this.supports();
        const obligations: EuObligation[] = [];
        const exempt = obligationsData.routesWithoutObligations.some(r => r.route === route);
        for (const row of exempt ? [] : ROWS) {
            if (!euClass || !row.classes.includes(euClass) || (row.routes && (!route || !row.routes.includes(route)))) continue;
            if (row.when === 'transparency' ? !transparency.some(t => covers(t, row.article) || covers(row.article, t)) : !conditions(row.when)) continue;
            const debtor = owed.find(o => row.roles.includes(o.as));
            if (!debtor || obligations.some(o => o.article === row.article)) continue;
            const entry = catalog.euEntry(row.article);
            const articleDate = entry?.appliesFrom ?? catalog.euEntry(articleOf(row.article))?.appliesFrom ?? '';
            const appliesFrom = row.routes && route === 'annex-i-a' && ANNEX_I_ROUTE_DATE > articleDate ? ANNEX_I_ROUTE_DATE : articleDate;
            const notApplicable = subject.notApplicable.find(na => covers(na.article.ref?.name ?? na.article.$refText, row.article));
            const by = (supports.get(row.article) ?? []).concat(row.article !== articleOf(row.article) ? supports.get(articleOf(row.article)) ?? [] : [])
                .filter(s => s.systems.length === 0 || s.systems.includes(subject.name)).map(s => s.name);
            const friaMet = row.checkedBy === 'aims/fria-required' && system !== undefined && this.friaAssessments(system).length > 0;
            const state: ObligationState = by.length > 0 || friaMet ? 'met' : notApplicable ? 'not-applicable' : 'open';
            obligations.push({
                article: row.article, title: entry?.title ?? row.article, duty: row.duty, role: debtor.as, via: debtor.via,
                appliesFrom, due: appliesFrom <= today, state,
                addressedBy: state === 'met' ? (friaMet ? this.friaAssessments(system!).map(ia => ia.name) : by) : state === 'not-applicable' ? [notApplicable!.reason] : [],
                notApplicable, checkedBy: row.checkedBy
            });
        }
        return {
            subject, roles, euClass, route, annexIII, transparency, obligations, friaReasons,
            annexI: system?.annexI ? catalog.get('annex-i-item', String(system.annexI.ref?.name ?? system.annexI.$refText)) : undefined,
            provision: system?.euProvision ? system.euProvision.ref?.name ?? system.euProvision.$refText : undefined
        };
    }

    /**
     * Article id to what supports it: evidence (`supports Article 9`, about the systems it names
     * or the whole organisation) and implemented statement of applicability entries.
     */
    private supports(): Map<string, Support[]> {
        return this.cached('supports', () => {
            const map = new Map<string, Support[]>();
            const add = (id: string, support: Support) => {
                const list = map.get(id);
                if (list) list.push(support);
                else map.set(id, [support]);
            };
            for (const evidence of this.model.all('Evidence')) {
                const systems = evidence.systems.map(ref => ref.$refText);
                for (const ref of evidence.supports) {
                    const id = String(ref.ref?.name ?? ref.$refText);
                    if (id.startsWith('Article ')) add(id, { name: evidence.name, systems });
                }
            }
            for (const entry of this.model.soaEntries()) {
                if (entry.decision !== 'applicable' || entry.status !== 'implemented') continue;
                const systems = entry.systems.map(ref => ref.$refText);
                for (const ref of entry.supports) {
                    add(ref.ref?.name ?? ref.$refText, { name: `soa ${controlIdOf(entry)}`, systems });
                }
            }
            return map;
        });
    }

    private cached<T>(key: string, compute: () => T): T {
        return this.cache.get(key, compute) as T;
    }
}
