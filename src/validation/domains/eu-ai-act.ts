/**
 * The EU AI Act: prohibited practices, and what a high-risk system needs (human oversight, its
 * Annex III area, an impact assessment).
 */
import type { ValidationAcceptor } from 'langium';
import type { AiSystem } from '../../language/generated/ast.js';
import { RULES } from '../rules.js';
import { report, type CheckContext, type DomainChecks, type WorkspaceFinding } from '../check-kit.js';

export function euAiAct(context: CheckContext): DomainChecks {
    return {
        fast: {
            AiSystem: [systemMustNotBeProhibited, highRiskSystemMustHaveOversight, highRiskSystemShouldNameAnnexIII]
        },
        workspace: [() => highRiskSystemMustHaveImpactAssessment(context)]
    };
}

function systemMustNotBeProhibited(system: AiSystem, accept: ValidationAcceptor): void {
    if (system.euCategory === 'prohibited') {
        report(accept, RULES.prohibitedSystem, `'${system.name}' is classed as a prohibited AI practice (EU AI Act Article 5): it may not be placed on the market, put into service or used in the EU. Retire it or change what it does, then reclassify it.`, { node: system, property: 'euCategory' });
    }
}

function highRiskSystemMustHaveOversight(system: AiSystem, accept: ValidationAcceptor): void {
    if (system.euCategory === 'high' && !system.oversight?.trim()) {
        report(accept, RULES.highRiskWithoutOversight, `'${system.name}' is high-risk under the EU AI Act but describes no human oversight: add oversight "..." saying who can monitor, override or stop it (EU AI Act Article 14; ISO/IEC 42001 A.9).`, { node: system, property: 'euCategory' });
    }
}

function highRiskSystemShouldNameAnnexIII(system: AiSystem, accept: ValidationAcceptor): void {
    if (system.euCategory === 'high' && !system.annexIII) {
        report(accept, RULES.highRiskWithoutAnnexIII, `'${system.name}' is high-risk: name its EU AI Act Annex III area with annex-iii <point> (1 to 8).`, { node: system, property: 'euCategory' });
    }
}

function highRiskSystemMustHaveImpactAssessment({ model }: CheckContext): WorkspaceFinding[] {
    return model.all('AiSystem')
        .filter(system => system.euCategory === 'high' && model.assessmentsFor(system).length === 0)
        .map(system => ({
            rule: RULES.highRiskWithoutImpactAssessment, node: system, property: 'euCategory',
            message: `'${system.name}' is high-risk under the EU AI Act but no impact assessment covers it. Add an impact-assessment with system ${system.name} (ISO/IEC 42001 6.1.4 and A.5; EU AI Act Article 27 for deployers).`,
            data: { system: system.name }
        }));
}
