/**
 * Risks: rating scales, ratings within them, a treatment for every risk, a control for every
 * mitigated risk, an acceptor for every accepted one, and no excluded control as a treatment.
 */
import type { ValidationAcceptor } from 'langium';
import type { Organisation, Rating, Risk } from '../../language/generated/ast.js';
import { RULES } from '../rules.js';
import { report, where, type CheckContext, type DomainChecks, type WorkspaceFinding } from '../check-kit.js';

export function risk(context: CheckContext): DomainChecks {
    return {
        fast: {
            Organisation: [scalesMustRunUpwards],
            Risk: [residualMustNotExceedInherent, riskShouldHaveTreatment]
        },
        workspace: [
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
