/**
 * Risks: rating scales, ratings within them, a treatment for every risk, a control for every
 * mitigated risk, an acceptor for every accepted one, and no excluded control as a treatment.
 */
import type { ValidationAcceptor } from 'langium';
import { isPerson, isTeam, type Organisation, type Rating, type Risk } from '../../language/generated/ast.js';
import { RULES } from '../rules.js';
import { report, where, type CheckContext, type DomainChecks, type WorkspaceFinding } from '../check-kit.js';

export function risk(context: CheckContext): DomainChecks {
    return {
        fast: {
            Organisation: [scalesMustRunUpwards],
            Risk: [residualMustNotExceedInherent, riskShouldHaveTreatment, riskShouldBeRated, riskShouldBeAssessed]
        },
        workspace: [
            () => riskShouldBeWithinAcceptance(context),
            () => systemShouldHaveRisks(context),
            () => treatmentsMustUseApplicableControls(context),
            // Ratings against the scales are a workspace check: the scales live in the organisation's file.
            () => ratingsMustBeWithinScales(context)
        ]
    };
}

function scalesMustRunUpwards(org: Organisation, accept: ValidationAcceptor): void {
    for (const property of ['likelihoodScale', 'impactScale'] as const) {
        const scale = org[property];
        if (scale && scale.min >= scale.max) {
            const dimension = property === 'likelihoodScale' ? 'likelihood' : 'impact';
            report(accept, RULES.invalidScale, `The ${dimension} scale runs from ${scale.min} to ${scale.max}; its minimum must be below its maximum: write ${dimension} scale <min> to <max>, such as 1 to 5.`, { node: org, property });
        }
    }
}

function residualMustNotExceedInherent(risk: Risk, accept: ValidationAcceptor): void {
    if (risk.inherent && risk.residual && score(risk.residual) > score(risk.inherent)) {
        report(accept, RULES.residualAboveInherent, `Residual rating ${score(risk.residual)} (${risk.residual.likelihood} x ${risk.residual.impact}) is above the inherent rating ${score(risk.inherent)} (${risk.inherent.likelihood} x ${risk.inherent.impact}); treatment cannot make a risk worse: check the two ratings.`, { node: risk, property: 'residual' });
    }
}

function riskShouldHaveTreatment(risk: Risk, accept: ValidationAcceptor): void {
    if (!risk.treatment) {
        report(accept, RULES.riskWithoutTreatment, `Risk '${risk.name}' has no treatment: choose mitigate, avoid, transfer or accept (ISO/IEC 42001 6.1.3).`, { node: risk, property: 'name' });
    } else if (risk.treatment === 'accept' && !risk.acceptor) {
        report(accept, RULES.acceptWithoutAcceptor, `Risk '${risk.name}' is accepted, but nobody is named as accepting it: add accepted by <person> on <date>.`, { node: risk, property: 'treatment' });
    }
}

function riskShouldBeRated(risk: Risk, accept: ValidationAcceptor): void {
    if (!risk.inherent) {
        report(accept, RULES.riskWithoutRating, `Risk '${risk.name}' has no rating: add inherent likelihood <n> impact <n> on the organisation's scales (ISO/IEC 42001 6.1.2).`, { node: risk, property: 'name' });
    } else if (!risk.residual && (risk.treatment === 'mitigate' || risk.treatment === 'transfer')) {
        report(accept, RULES.riskWithoutRating, `Risk '${risk.name}' is treated (${risk.treatment}) but has no residual rating: add residual likelihood <n> impact <n> for the risk after treatment.`, { node: risk, property: 'treatment' });
    }
}

function riskShouldBeAssessed(risk: Risk, accept: ValidationAcceptor): void {
    if (!risk.assessed) {
        report(accept, RULES.riskNotAssessed, `Risk '${risk.name}' does not say when it was assessed: add assessed <date> by <person> (ISO/IEC 42001 6.1.2, 8.2).`, { node: risk, property: 'name' });
    }
}

/**
 * 6.1.1: with an acceptance threshold declared, a risk rated above it (after treatment, if
 * rated so) needs more treatment or an acceptance by someone with the authority.
 */
function riskShouldBeWithinAcceptance({ model }: CheckContext): WorkspaceFinding[] {
    const organisation = model.organisation();
    const threshold = organisation?.riskAcceptance;
    if (!organisation || threshold === undefined) {
        return [];
    }
    const authority = new Set(organisation.acceptanceAuthority.map(ref => ref.ref).filter(a => a !== undefined));
    const authorised = (risk: Risk): boolean => {
        const acceptor = risk.acceptor?.ref;
        if (!acceptor || authority.size === 0) {
            return acceptor !== undefined;
        }
        return authority.has(acceptor) || [...authority].some(a => isTeam(a) && isPerson(acceptor)
            && (a.lead?.ref === acceptor || a.members.some(m => m.ref === acceptor) || acceptor.team?.ref === a));
    };
    const who = organisation.acceptanceAuthority.map(ref => ref.$refText).join(', ');
    const findings: WorkspaceFinding[] = [];
    for (const risk of model.all('Risk')) {
        if (risk.acceptor?.ref && authority.size > 0 && !authorised(risk)) {
            findings.push({
                rule: RULES.acceptorWithoutAuthority, node: risk, property: 'acceptor',
                message: `Risk '${risk.name}' is accepted by ${risk.acceptor.$refText}, but the organisation lets only ${who} accept risks (${where(organisation)}): have one of them accept it, or add ${risk.acceptor.$refText} to accept risks up to ${threshold} by ...`
            });
        }
        const rating = risk.residual ?? risk.inherent;
        if (!rating || score(rating) <= threshold || authorised(risk)) {
            continue;
        }
        const which = risk.residual ? 'residual' : 'inherent';
        findings.push({
            rule: RULES.riskAboveAcceptance, node: risk, property: which,
            message: `Risk '${risk.name}' has ${which === 'inherent' ? 'an' : 'a'} ${which} rating of ${score(rating)} (${rating.likelihood} x ${rating.impact}), above the organisation's acceptance threshold of ${threshold}: treat it further, or record accepted by <person> on <date>${who ? ` by one of ${who}` : ''}.`
        });
    }
    return findings;
}

/** Every AI system in scope has its risks assessed (6.1.2): a system no risk names is a gap. */
function systemShouldHaveRisks({ model }: CheckContext): WorkspaceFinding[] {
    if (!model.organisation()) {
        // Loose files are not a whole AIMS yet: the risk register may simply live elsewhere.
        return [];
    }
    const named = new Set(model.all('Risk').flatMap(risk => risk.systems.map(ref => ref.ref)));
    return model.all('AiSystem')
        .filter(system => !named.has(system))
        .map(system => ({
            rule: RULES.systemWithoutRisk, node: system, property: 'name',
            message: `No risk names the AI system '${system.name}': assess its risks and list it under systems in each risk that concerns it (ISO/IEC 42001 6.1.2, 8.2).`
        }));
}

function treatmentsMustUseApplicableControls({ model }: CheckContext): WorkspaceFinding[] {
    const findings: WorkspaceFinding[] = [];
    // Looked up once: thousands of risk-to-control links are checked on every change.
    const soaByControl = model.soaByControl();
    for (const risk of model.all('Risk')) {
        risk.controls.forEach((ref, index) => {
            const id = ref.ref?.name;
            const entry = id ? soaByControl.get(id)?.[0] : undefined;
            if (id && entry?.decision === 'excluded') {
                findings.push({
                    rule: RULES.excludedControlTreatsRisk, node: risk, property: 'controls', index,
                    message: `${id} treats risk '${risk.name}', but the statement of applicability excludes it (${where(entry)}). Make it applicable or treat the risk with another control.`
                });
            }
        });
        // A risk that names a control is treated; only the others need the SoA lookup.
        if (risk.treatment === 'mitigate' && risk.controls.length === 0 && model.controlsTreating(risk).length === 0) {
            findings.push({
                rule: RULES.mitigateWithoutControl, node: risk, property: 'treatment',
                message: `Risk '${risk.name}' is to be mitigated, but no control treats it. Add 'with <control>' or list the risk under 'treats' in a statement of applicability entry.`
            });
        }
    }
    // SoA entries need not be checked from their side: only applicable entries have a body
    // (the grammar), so an excluded entry can never list risks under `treats`.
    return findings;
}

function ratingsMustBeWithinScales({ model }: CheckContext): WorkspaceFinding[] {
    const organisation = model.organisation();
    const findings: WorkspaceFinding[] = [];
    for (const dimension of ['likelihood', 'impact'] as const) {
        const declared = organisation?.[dimension === 'likelihood' ? 'likelihoodScale' : 'impactScale'];
        if (declared && declared.min >= declared.max) {
            // invalid-scale reports the scale itself; measuring ratings against it would only add noise.
            continue;
        }
        const scale = dimension === 'likelihood' ? model.likelihoodScale() : model.impactScale();
        const against = declared
            ? `the organisation's ${dimension} scale ${scale.min} to ${scale.max} (${where(declared)})`
            : `the default ${dimension} scale ${scale.min} to ${scale.max}`;
        const remedy = declared
            ? 'or widen the scale'
            : `or declare ${dimension} scale <min> to <max> in the organisation`;
        for (const risk of model.all('Risk')) {
            for (const property of ['inherent', 'residual'] as const) {
                const value = risk[property]?.[dimension];
                if (risk[property] && value !== undefined && (value < scale.min || value > scale.max)) {
                    findings.push({
                        rule: RULES.ratingOutOfScale, node: risk[property], property: dimension,
                        message: `The ${property} ${dimension} ${value} of risk '${risk.name}' is outside ${against}: use a value from ${scale.min} to ${scale.max}, ${remedy}.`
                    });
                }
            }
        }
    }
    return findings;
}

function score(rating: Rating): number {
    return rating.likelihood * rating.impact;
}
