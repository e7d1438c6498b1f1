/**
 * The EU AI Act. Per declaration: the classification fits its class (route, provision,
 * transparency paragraphs), `limited` is deprecated, a high-risk system names its route and its
 * human oversight, a classified system names its operator role, a `fria` block covers Article 27.
 * Across the workspace (the organisation, evidence and assessments live in other files): an
 * impact assessment of each high-risk system, the obligations of each system and model by role
 * and class (catalog/data/eu-ai-act-obligations.json, dated against today), and whether its
 * deployer owes a fundamental rights impact assessment.
 */
import type { ValidationAcceptor } from 'langium';
import type { AiSystem, GpaiModel, ImpactAssessment } from '../../language/generated/ast.js';
import { catalog } from '../../catalog/catalog.js';
import { FRIA_ELEMENTS, OPERATOR_ROLES, type EuAiActModel, type EuObligation, type EuProfile } from '../../model/eu-ai-act.js';
import { RULES } from '../rules.js';
import { report, type CheckContext, type DomainChecks, type WorkspaceFinding } from '../check-kit.js';

export function euAiAct(context: CheckContext): DomainChecks {
    return {
        fast: {
            AiSystem: [
                systemMustNotBeProhibited, classificationMustFitClass, limitedShouldBeRewritten, highRiskSystemShouldNameRoute,
                highRiskSystemMustHaveOversight, annexIIIPointShouldNameSubpoint, classifiedSystemShouldNameOperator
            ],
            GpaiModel: [gpaiModelShouldNameOperator, gpaiOperatorMustFitChapterV],
            ImpactAssessment: [fundamentalRightsAssessmentShouldBeComplete]
        },
        workspace: [
            () => highRiskSystemMustHaveImpactAssessment(context),
            () => obligationsShouldBeAddressed(context.euAiAct, context.settings.today())
        ]
    };
}

function highRiskSystemMustHaveImpactAssessment({ model }: CheckContext): WorkspaceFinding[] {
    return model.all('AiSystem')
        .filter(system => system.euCategory === 'high' && model.assessmentsFor(system).length === 0)
        .map(system => ({
            rule: RULES.highRiskWithoutImpactAssessment, node: system, property: 'euCategory',
            message: `'${system.name}' is high-risk under the EU AI Act but no impact assessment covers it. Add an impact-assessment with system ${system.name} (ISO/IEC 42001 6.1.4 and A.5).`,
            data: { system: system.name }
        }));
}

/** Which provisions each class may name after `under`. */
const UNDER: Record<string, { prefix: string; label: string }> = {
    prohibited: { prefix: 'Article 5(1)(', label: 'a prohibited practice of Article 5(1), points (a) to (h)' },
    'not-high-risk': { prefix: 'Article 6(3)(', label: 'a condition of the Article 6(3) derogation, points (a) to (d)' }
};

function provisionOf(system: AiSystem): string | undefined {
    return system.euProvision ? system.euProvision.ref?.name ?? system.euProvision.$refText : undefined;
}

function systemMustNotBeProhibited(system: AiSystem, accept: ValidationAcceptor): void {
    const provision = provisionOf(system);
    if (system.euCategory === 'prohibited') {
        const practice = provision?.startsWith(UNDER.prohibited.prefix) ? catalog.euEntry(provision) : undefined;
        const what = practice ? `a prohibited AI practice under ${practice.id} (${practice.title})` : 'a prohibited AI practice (EU AI Act Article 5)';
        report(accept, RULES.prohibitedSystem, `'${system.name}' is classed as ${what}: it may not be placed on the market, put into service or used in the EU since 2 February 2025. Retire it or change what it does, then reclassify it.`, { node: system, property: 'euCategory' });
    }
}

/** The route, the provision after `under` and the transparency paragraphs fit the class. */
function classificationMustFitClass(system: AiSystem, accept: ValidationAcceptor): void {
    const category = system.euCategory;
    const provision = provisionOf(system);
    const expected = category ? UNDER[category] : undefined;
    if (provision && system.euProvision?.ref && (!expected || !provision.startsWith(expected.prefix))) {
        const allowed = expected ? `name ${expected.label}` : `drop it: only prohibited (Article 5(1)) and not-high-risk (Article 6(3)) take under`;
        report(accept, RULES.euClassificationMismatch, `'${system.name}' is classed ${category ?? 'without a class'} under ${provision}, which does not fit: ${allowed}.`, { node: system, property: 'euProvision' });
    }
    if ((system.annexIII || system.annexI) && category !== 'high' && category !== 'not-high-risk') {
        const route = system.annexIII ? `annex-iii ${system.annexIII.$refText}` : `annex-i ${system.annexI!.$refText}`;
        report(accept, RULES.euClassificationMismatch, `'${system.name}' names ${route}, but a route only belongs to a high-risk system (Article 6) or to one that claims the Article 6(3) derogation: class it high or not-high-risk, or drop the route.`, { node: system, property: system.annexIII ? 'annexIII' : 'annexI' });
    }
    if (category === 'not-high-risk') {
        if (system.annexI) {
            report(accept, RULES.euClassificationMismatch, `'${system.name}' claims the Article 6(3) derogation for an Annex I product, but the derogation is only for Annex III systems: a system under Article 6(1) stays high-risk.`, { node: system, property: 'annexI' });
        } else if (!system.annexIII || !provision) {
            report(accept, RULES.euClassificationMismatch, `'${system.name}' is classed not-high-risk: say which Annex III use case it falls under and which derogation condition it meets, as in eu-ai-act not-high-risk annex-iii 4(a) under Article 6(3)(d) (Article 6(3)).`, { node: system, property: 'euCategory' });
        }
    }
    if (category === 'prohibited' && !provision) {
        report(accept, RULES.euClassificationMismatch, `'${system.name}' is classed prohibited without naming the practice: add under Article 5(1)(a) to (h), so that the finding says what must stop.`, { node: system, property: 'euCategory' });
    }
    system.transparency.forEach((ref, index) => {
        if (ref.ref && !ref.ref.name.startsWith('Article 50(')) {
            report(accept, RULES.euClassificationMismatch, `${ref.ref.name} is not a transparency duty: transparency lists the paragraphs of Article 50 that apply, Article 50(1) to (4).`, { node: system, property: 'transparency', index });
        }
    });
}

function limitedShouldBeRewritten(system: AiSystem, accept: ValidationAcceptor): void {
    if (system.euCategory === 'limited') {
        report(accept, RULES.euAiActLimited, `'limited' is not a class of the EU AI Act: the transparency duties of Article 50 apply alongside any class, high-risk included. Write the class (usually minimal) and the duties, as in eu-ai-act minimal and transparency Article 50(1).`, { node: system, property: 'euCategory', data: { system: system.name } });
    }
}

function highRiskSystemShouldNameRoute(system: AiSystem, accept: ValidationAcceptor): void {
    if (system.euCategory === 'high' && !system.annexIII && !system.annexI) {
        report(accept, RULES.highRiskWithoutRoute, `'${system.name}' is high-risk: say why, with annex-iii <point or sub-point> for an Annex III use case (Article 6(2)) or annex-i <item> for a product under Annex I legislation (Article 6(1)).`, { node: system, property: 'euCategory' });
    }
}

function highRiskSystemMustHaveOversight(system: AiSystem, accept: ValidationAcceptor): void {
    if (system.euCategory === 'high' && !system.oversight?.trim()) {
        report(accept, RULES.highRiskWithoutOversight, `'${system.name}' is high-risk under the EU AI Act but describes no human oversight: add oversight "..." saying who can monitor, override or stop it (EU AI Act Article 14; ISO/IEC 42001 A.9).`, { node: system, property: 'euCategory' });
    }
}

function annexIIIPointShouldNameSubpoint(system: AiSystem, accept: ValidationAcceptor): void {
    if (system.annexIII?.ref?.$type === 'AnnexIIIArea') {
        const point = String(system.annexIII.ref.name);
        const subpoints = catalog.ofKind('annex-iii-subpoint').filter(s => s.parent === point).map(s => s.id);
        if (subpoints.length > 0) {
            report(accept, RULES.annexIIIWithoutSubpoint, `Annex III point ${point} has sub-points ${subpoints.join(', ')}: name the one '${system.name}' falls under (annex-iii ${subpoints[0]}, ...). Who must perform the Article 27 impact assessment depends on it.`, { node: system, property: 'annexIII' });
        }
    }
}

function classifiedSystemShouldNameOperator(system: AiSystem, accept: ValidationAcceptor): void {
    const category = system.euCategory;
    if (category && category !== 'prohibited' && system.operatorRoles.length === 0) {
        report(accept, RULES.operatorRoleMissing, `'${system.name}' is classed under the EU AI Act but names no operator role: add operator provider, deployer, ... (Article 3).${system.role ? ` Its 'role ${system.role}' is the ISO/IEC 22989 role, which the Act does not use.` : ''}`, { node: system, property: 'euCategory' });
    }
}

function gpaiModelShouldNameOperator(gpai: GpaiModel, accept: ValidationAcceptor): void {
    if (gpai.operatorRoles.length === 0) {
        report(accept, RULES.operatorRoleMissing, `General-purpose AI model '${gpai.name}' names no operator role: add operator provider (Articles 53 and 55) or authorised-representative (Article 54).`, { node: gpai, property: 'name' });
    }
}

function gpaiOperatorMustFitChapterV(gpai: GpaiModel, accept: ValidationAcceptor): void {
    gpai.operatorRoles.forEach((role, index) => {
        if (role !== 'provider' && role !== 'authorised-representative') {
            report(accept, RULES.euClassificationMismatch, `Chapter V of the EU AI Act binds providers of general-purpose AI models and their authorised representatives, not a ${OPERATOR_ROLES[role]?.title.toLowerCase() ?? role}: a system built on the model carries its own roles.`, { node: gpai, property: 'operatorRoles', index });
        }
    });
}

/** A `fria` block covers Article 27(1), points (a) to (f), and records the notification of Article 27(3). */
function fundamentalRightsAssessmentShouldBeComplete(assessment: ImpactAssessment, accept: ValidationAcceptor): void {
    const fria = assessment.fria;
    if (!fria) {
        return;
    }
    const missing = FRIA_ELEMENTS.filter(e => {
        const value = fria[e.field];
        return typeof value !== 'string' || value.trim() === '';
    });
    if (missing.length > 0) {
        report(accept, RULES.friaIncomplete, `The fundamental rights impact assessment of '${assessment.name}' lacks ${missing.map(m => `${m.field} (${m.provision}: ${m.what})`).join('; ')}.`, { node: fria, keyword: 'fria' });
    }
}

/** Per system and model: Article 27 where it binds, then the obligations open today and those still to come. */
function obligationsShouldBeAddressed(eu: EuAiActModel, today: string): WorkspaceFinding[] {
    const findings: WorkspaceFinding[] = [];
    for (const profile of eu.profiles(today)) {
        const subject = profile.subject;
        const fria = profile.obligations.find(o => o.checkedBy === 'aims/fria-required');
        if (fria && fria.due && fria.state === 'open' && subject.$type === 'AiSystem') {
            findings.push({
                rule: RULES.friaRequired, node: subject, property: 'name', data: { system: subject.name },
                message: `'${subject.name}' is deployed by the organisation and ${profile.friaReasons.join(' and ')}, so Article 27(1) requires a fundamental rights impact assessment before first use: add a fria { processes, period, affected, harms, oversight, measures, notified } block to an impact assessment of the system, or write not-applicable Article 27 because "...".`
            });
        }
        const open = profile.obligations.filter(o => o.state === 'open' && (o !== fria || !o.due));
        const due = open.filter(o => o.due);
        const upcoming = open.filter(o => !o.due);
        const label = describe(profile);
        if (due.length > 0) {
            findings.push({
                rule: RULES.euObligationsOpen, node: subject, property: 'name',
                data: { system: subject.name, articles: due.map(o => o.article) },
                message: `${label} has ${due.length} open EU AI Act obligation${due.length === 1 ? '' : 's'}: ${list(due)}. Address each with evidence (systems ${subject.name} supports Article <n>) or an implemented statement of applicability entry that supports it, or write not-applicable Article <n> because "...".`
            });
        }
        if (upcoming.length > 0) {
            const byDate = new Map<string, EuObligation[]>();
            for (const o of upcoming) byDate.set(o.appliesFrom, [...byDate.get(o.appliesFrom) ?? [], o]);
            const parts = [...byDate.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, os]) => `from ${date}: ${list(os)}`);
            findings.push({
                rule: RULES.euObligationsUpcoming, node: subject, property: 'name',
                data: { system: subject.name, articles: upcoming.map(o => o.article) },
                message: `${label} has EU AI Act obligations that apply later (today is ${today}): ${parts.join('; ')}.`
            });
        }
    }
    return findings;
}

function list(obligations: readonly EuObligation[]): string {
    return obligations.map(o => `${o.article} (${o.duty}${o.via ? `, as provider by ${o.via}` : ''})`).join(', ');
}

/** "'credit-scoring' (provider and deployer of a high-risk system, Annex III point 5(b))". */
export function describe(profile: EuProfile): string {
    const roles = profile.roles.map(r => OPERATOR_ROLES[r]?.title.toLowerCase() ?? r).join(' and ') || 'no operator role';
    const subject = profile.subject;
    const kind = profile.euClass === 'gpai-systemic' ? 'a general-purpose AI model with systemic risk'
        : profile.euClass === 'gpai' ? 'a general-purpose AI model'
        : profile.euClass === 'high' ? 'a high-risk system'
        : profile.euClass === 'not-high-risk' ? 'an Annex III system that claims the Article 6(3) derogation'
        : 'an AI system';
    const route = profile.annexIII ? `, Annex III point ${profile.annexIII}` : profile.annexI ? `, Annex I item ${profile.annexI.id} (${profile.annexI.title})` : '';
    return `'${subject.name}' (${roles} of ${kind}${route})`;
}
