/**
 * Competence (ISO/IEC 42001 7.2, 7.3; A.4.6): every competence a role needs is held by someone
 * with a current training or qualification record, and records that expired say so.
 */
import type { ValidationAcceptor } from 'langium';
import type { Training } from '../../language/generated/ast.js';
import { parseIsoDate } from '../../model/dates.js';
import { RULES } from '../rules.js';
import { report, type CheckContext, type DomainChecks, type WorkspaceFinding } from '../check-kit.js';

export function competence(context: CheckContext): DomainChecks {
    return {
        fast: {
            Training: [(training, accept) => trainingShouldBeCurrent(context, training, accept)]
        },
        workspace: [() => competenceShouldHaveHolder(context)]
    };
}

/** A record counts while it has been completed and has not expired. */
export function isCurrentTraining(training: Training, today: string): boolean {
    return training.completed !== undefined && training.completed <= today
        && (training.expires === undefined || parseIsoDate(training.expires) === undefined || training.expires >= today);
}

function trainingShouldBeCurrent({ settings }: CheckContext, training: Training, accept: ValidationAcceptor): void {
    const today = settings.today();
    if (training.expires && parseIsoDate(training.expires) !== undefined && training.expires < today) {
        const who = training.person ? ` of ${training.person.$refText}` : '';
        report(accept, RULES.trainingExpired, `The training record '${training.name}'${who} expired on ${training.expires} (today is ${today}): renew it and record the new completed and expires dates.`, { node: training, property: 'expires' });
    }
}

function competenceShouldHaveHolder({ model, settings }: CheckContext): WorkspaceFinding[] {
    const today = settings.today();
    const held = new Set(model.all('Training').filter(t => isCurrentTraining(t, today)).map(t => t.competence?.ref));
    return model.all('Competence')
        .filter(competence => !held.has(competence))
        .map(competence => ({
            rule: RULES.competenceWithoutHolder, node: competence, property: 'name',
            message: `Nobody holds the competence '${competence.name}'${competence.role ? ` that the role "${competence.role}" needs` : ''}: no current training record names it. Record someone's training or qualification (training ... { person ... competence ${competence.name} completed <date> }).`
        }));
}
