/**
 * Monitoring and measurement (ISO/IEC 42001 9.1, 6.2): objectives past their due date have a
 * recorded result, and a missed target leads to a nonconformity.
 */
import { parseIsoDate } from '../../model/dates.js';
import { RULES } from '../rules.js';
import type { CheckContext, DomainChecks, WorkspaceFinding } from '../check-kit.js';

export function monitoring(context: CheckContext): DomainChecks {
    return {
        workspace: [
            () => dueObjectiveShouldHaveResult(context),
            () => missedTargetShouldHaveNonconformity(context)
        ]
    };
}

function dueObjectiveShouldHaveResult({ model, settings }: CheckContext): WorkspaceFinding[] {
    const today = settings.today();
    const measured = new Set(model.all('Measurement').map(m => m.objective?.ref));
    return model.all('Objective')
        .filter(objective => objective.due && parseIsoDate(objective.due) !== undefined && objective.due < today && !measured.has(objective))
        .map(objective => ({
            rule: RULES.objectiveWithoutResult, node: objective, property: 'due',
            message: `Objective '${objective.name}' was due on ${objective.due} (today is ${today}), but no measurement records whether it was met: add a measurement with objective ${objective.name}, measured <date>, value "..." and met yes or no.`
        }));
}

function missedTargetShouldHaveNonconformity({ model }: CheckContext): WorkspaceFinding[] {
    const handled = new Set(model.all('Nonconformity').filter(nc => nc.sourceKind === 'monitoring').map(nc => nc.measurement?.ref));
    return model.all('Measurement')
        .filter(measurement => measurement.met === 'no' && !handled.has(measurement))
        .map(measurement => ({
            rule: RULES.missedTargetWithoutAction, node: measurement, property: 'met',
            message: `Measurement '${measurement.name}' missed the target${measurement.objective ? ` of objective '${measurement.objective.$refText}'` : ''}, and no nonconformity deals with it: raise one with source monitoring ${measurement.name} (ISO/IEC 42001 10.2).`,
            data: { measurement: measurement.name }
        }));
}
