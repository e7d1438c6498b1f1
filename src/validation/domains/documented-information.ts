/**
 * Documented information (ISO/IEC 42001 7.5): every clause whose catalog entry says it requires
 * documented information has something in the workspace that provides it: the declaration that
 * records it, or evidence that `supports` the clause.
 */
import { catalog } from '../../catalog/catalog.js';
import type { AimsModel } from '../../model/aims-model.js';
import { RULES } from '../rules.js';
import type { CheckContext, DomainChecks, WorkspaceFinding } from '../check-kit.js';

/** Which declaration records what a clause asks for. */
export interface DocumentedInformationProvider {
    /** What to declare, for the message: `an audit-programme`. */
    readonly declaration: string;
    readonly provided: (model: AimsModel) => boolean;
}

const some = (type: Parameters<AimsModel['all']>[0]) => (model: AimsModel) => model.all(type).length > 0;

/**
 * The 22 clauses the catalog flags, and the declaration that answers each. Clauses met only by
 * documents outside the language (7.5.1, 8.1) are provided by evidence that supports them.
 */
export const DOCUMENTED_INFORMATION: Readonly<Record<string, DocumentedInformationProvider>> = {
    '4.3': { declaration: 'the organisation\'s scope "..."', provided: model => !!model.organisation()?.scope?.trim() },
    '4.4': { declaration: 'an organisation and a soa', provided: model => !!model.organisation() && model.all('StatementOfApplicability').length > 0 },
    '5.2': { declaration: 'a policy', provided: some('Policy') },
    '6.1': { declaration: 'a risk', provided: some('Risk') },
    '6.1.1': { declaration: 'the organisation\'s risk criteria (accept risks up to <n> by ...)', provided: model => model.organisation()?.riskAcceptance !== undefined },
    '6.1.2': { declaration: 'a risk with an assessed date and an inherent rating', provided: model => model.all('Risk').some(r => r.assessed && r.inherent) },
    '6.1.3': { declaration: 'a risk treatment and a soa', provided: model => model.all('Risk').some(r => r.treatment) && model.all('StatementOfApplicability').length > 0 },
    '6.1.4': { declaration: 'an impact-assessment', provided: some('ImpactAssessment') },
    '6.2': { declaration: 'an objective', provided: some('Objective') },
    '7.2': { declaration: 'a competence and a training record', provided: model => model.all('Competence').length > 0 && model.all('Training').length > 0 },
    '7.5': { declaration: 'evidence', provided: some('Evidence') },
    '7.5.1': { declaration: 'evidence that supports 7.5.1 (the register of documented information)', provided: () => false },
    '8.1': { declaration: 'evidence that supports 8.1 (operational procedures)', provided: () => false },
    '8.2': { declaration: 'a risk with an assessed date', provided: model => model.all('Risk').some(r => r.assessed) },
    '8.3': { declaration: 'a treated risk with a residual rating', provided: model => model.all('Risk').some(r => r.treatment && r.residual) },
    '8.4': { declaration: 'an impact-assessment with an assessed date', provided: model => model.all('ImpactAssessment').some(ia => ia.assessed) },
    '9.1': { declaration: 'a measurement', provided: some('Measurement') },
    '9.2': { declaration: 'a conducted audit', provided: model => model.all('Audit').some(a => a.conducted) },
    '9.2.2': { declaration: 'an audit-programme', provided: some('AuditProgramme') },
    '9.3': { declaration: 'a held management-review', provided: model => model.all('ManagementReview').some(r => r.held) },
    '9.3.3': { declaration: 'a management-review with decisions or actions', provided: model => model.all('ManagementReview').some(r => r.decisions.length + r.actions.length > 0) },
    '10.2': { declaration: 'a nonconformity', provided: some('Nonconformity') }
};

export function documentedInformation(context: CheckContext): DomainChecks {
    return { workspace: [() => requiredDocumentedInformationShouldExist(context)] };
}

/** Clause ids that require documented information and that nothing in the workspace provides. */
export function missingDocumentedInformation(model: AimsModel): string[] {
    return catalog.ofKind('clause')
        .filter(clause => clause.documentedInformationRequired)
        .map(clause => clause.id)
        .filter(id => !(DOCUMENTED_INFORMATION[id]?.provided(model)) && model.evidenceSupporting(id).length === 0);
}

function requiredDocumentedInformationShouldExist({ model }: CheckContext): WorkspaceFinding[] {
    const organisation = model.organisation();
    if (!organisation) {
        // Without an organisation the files are not a whole AIMS; nothing to complete yet.
        return [];
    }
    const missing = missingDocumentedInformation(model);
    if (missing.length === 0) {
        return [];
    }
    const list = missing.map(id => `${id} (${DOCUMENTED_INFORMATION[id]?.declaration ?? `evidence that supports ${id}`})`).join(', ');
    return [{
        rule: RULES.documentedInformationMissing, node: organisation, property: 'name',
        message: `${missing.length} clause${missing.length === 1 ? '' : 's'} that require${missing.length === 1 ? 's' : ''} documented information ${missing.length === 1 ? 'has' : 'have'} nothing in the workspace that provides it: ${list}. Declare it, or link evidence with supports <clause>.`,
        data: { missing }
    }];
}
