/**
 * Quick fix for `aims/documented-information-missing`: scaffold, at the end of the
 * organisation's file, the declarations that the listed clauses call for.
 */
import type { CodeAction, TextEdit } from 'vscode-languageserver';
import { isOrganisation } from '../../language/generated/ast.js';
import { addDuration } from '../../model/dates.js';
import { RULES } from '../../validation/rules.js';
import { INDENT, type Fix, type FixContext, type QuickFixes } from './fix.js';

export const documentedInformationFixes: QuickFixes = {
    [RULES.documentedInformationMissing.code]: [scaffoldRecords]
};

interface Scaffold {
    /** Clauses one declaration answers. */
    readonly clauses: readonly string[];
    readonly lines: (names: (base: string) => string, owner: string, today: string) => string[];
}

const block = (head: string, fields: string[]) => [`${head} {`, ...fields.map(f => INDENT + f), '}'];

/** What to declare per clause, in the order they are written; each says TODO where it needs facts. */
const SCAFFOLDS: readonly Scaffold[] = [
    { clauses: ['5.2'], lines: (n, owner, today) => block(`policy ${n('ai-policy')} "AI policy"`, [`owner ${owner}`, `approved ${today} by ${owner}`, 'review every 12 months', 'document "TODO: path of the policy"']) },
    { clauses: ['6.2'], lines: (n, owner, today) => block(`objective ${n('ai-objective')} "TODO: an AI objective"`, ['measure "TODO: how it is measured"', 'target "TODO"', `owner ${owner}`, `due ${addDuration(today, 12, 'months') ?? today}`]) },
    { clauses: ['7.2'], lines: (n, owner, today) => {
        const competence = n('ai-governance');
        return [
            ...block(`competence ${competence} "Running the AI management system"`, ['role "AI governance lead"', 'requires "TODO: education, training or experience"', `needed-by ${owner}`]),
            '',
            ...block(`training ${n(`${owner}-training`)} "TODO: course or qualification"`, [`person ${owner}`, `competence ${competence}`, `completed ${today}`])
        ];
    } },
    { clauses: ['9.2.2', '9.2'], lines: (n, owner, today) => {
        const programme = n('internal-audit');
        return [
            ...block(`audit-programme ${programme} "Internal audit programme"`, [`owner ${owner}`, 'cycle 12 months', `starts ${today}`, 'criteria "ISO/IEC 42001:2023 and our AI policy"']),
            '',
            ...block(`audit ${n(`${programme}-1`)} "First internal audit"`, [`programme ${programme}`, 'scope 4, 5, 6, 7, 8, 9, 10', `planned ${addDuration(today, 3, 'months') ?? today}`])
        ];
    } },
    { clauses: ['9.3', '9.3.3'], lines: (n, owner, today) => block(`management-review ${n('management-review-1')} "Management review"`, [
        `planned ${addDuration(today, 3, 'months') ?? today}`, `chair ${owner}`,
        'inputs previous-actions, issues, interested-parties, nonconformities, monitoring, audits, improvement', 'decision "TODO"'
    ]) },
    { clauses: ['10.2'], lines: (n, owner, today) => block(`nonconformity ${n('nc-1')} "TODO: what did not conform"`, ['source other "TODO"', `raised ${today}`, `owner ${owner}`]) },
    { clauses: ['7.5.1', '8.1', '7.5'], lines: (n, owner, today) => block(`evidence ${n('ev-aims-procedures')} "TODO: register of documented information and operating procedures"`, [
        'path "evidence/TODO"', 'kind document', `owner ${owner}`, `collected ${today}`, 'supports 7.5, 7.5.1, 8.1'
    ]) }
];

function scaffoldRecords(fix: Fix, context: FixContext): CodeAction[] {
    const organisation = fix.nodeAt(isOrganisation);
    const missing = Array.isArray(fix.data.missing) ? fix.data.missing.filter((id): id is string => typeof id === 'string') : [];
    if (!organisation || missing.length === 0) {
        return [];
    }
    const owner = context.model.all('Person')[0]?.name ?? 'TODO';
    const today = context.settings.today();
    const edits: TextEdit[] = [];
    const scaffolded: string[] = [];
    if (missing.includes('6.1.1') && organisation.riskAcceptance === undefined) {
        const edit = fix.addField(organisation, `accept risks up to 6 by ${owner}`);
        if (edit) {
            edits.push(edit);
            scaffolded.push('6.1.1');
        }
    }
    const declarations: string[][] = [];
    for (const scaffold of SCAFFOLDS) {
        const answered = scaffold.clauses.filter(c => missing.includes(c));
        if (answered.length > 0) {
            declarations.push(scaffold.lines(context.uniqueName, owner, today));
            scaffolded.push(...answered);
        }
    }
    if (declarations.length > 0) {
        edits.push(fix.appendDeclaration(declarations.flatMap((d, i) => (i === 0 ? d : ['', ...d]))));
    }
    return edits.length > 0
        ? [fix.action(`Scaffold the records for ${scaffolded.join(', ')}`, edits, true)]
        : [];
}
