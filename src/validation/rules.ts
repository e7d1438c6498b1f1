/**
 * Every diagnostic the engine can raise, with its stable code (`aims/<rule>`), default severity,
 * domain and help text. The validator, the CLI (text, JSON, SARIF), the quick fixes, severity
 * overrides and the rule table of docs/language.md read this one table.
 *
 * Entries are grouped by domain; the checks of a domain live in `domains/<domain>.ts` and its
 * fixtures in `test/fixtures/validation/<domain>/<rule>/`. Codes stay flat (`aims/<rule>`):
 * users' severity overrides and SARIF baselines depend on them.
 */
import { DiagnosticSeverity } from 'vscode-languageserver-types';

export type RuleSeverity = 'error' | 'warning' | 'info' | 'hint';

/** A rule severity as an LSP diagnostic severity. */
export function toSeverity(severity: RuleSeverity): DiagnosticSeverity {
    switch (severity) {
        case 'error': return DiagnosticSeverity.Error;
        case 'warning': return DiagnosticSeverity.Warning;
        case 'info': return DiagnosticSeverity.Information;
        case 'hint': return DiagnosticSeverity.Hint;
    }
}

/**
 * What a rule is about. `core` holds the rules of the document validator itself (syntax,
 * linking); every other domain has its checks in `src/validation/domains/<domain>.ts`.
 */
export type RuleDomain = 'core' | 'names' | 'fields' | 'dates' | 'soa' | 'risk' | 'evidence' | 'eu-ai-act'
    | 'competence' | 'monitoring' | 'audit' | 'improvement' | 'management-review' | 'documented-information' | 'mapping';

export interface RuleInfo {
    readonly code: string;
    readonly severity: RuleSeverity;
    readonly domain: RuleDomain;
    /** One line: what the rule finds. */
    readonly summary: string;
    /** What to do about it. */
    readonly help: string;
}

function rule(domain: RuleDomain, name: string, severity: RuleSeverity, summary: string, help: string): RuleInfo {
    return { code: `aims/${name}`, severity, domain, summary, help };
}

export const RULES = {
    // core
    syntaxError: rule('core', 'syntax-error', 'error', 'The text does not follow the AIMS grammar.',
        'Fix the text at the marked position; the message says what the parser expected.'),
    unknownCatalogId: rule('core', 'unknown-catalog-id', 'error', 'A catalog id that no built-in catalog or organisation control declares.',
        'Use an id from the catalog (completion lists them), or declare an organisation control with its own prefix.'),
    foreignCatalogId: rule('core', 'foreign-catalog-id', 'error', 'An id from another standard (ISO/IEC 27001) where an ISO/IEC 42001 id is expected.',
        'ISO/IEC 42001 numbers its Annex A controls A.2.2 to A.10.4; pick the 42001 control that matches your intent, or write 27001:<id> where the ISO/IEC 27001 control is meant (supports, audit scope, about, map, risk treatment and the soa iso27001 block).'),
    unresolvedReference: rule('core', 'unresolved-reference', 'error', 'A name that is not declared anywhere in the workspace.',
        'Declare it, or correct the name; rename keeps declarations and references in step.'),
    suppressionWithoutReason: rule('core', 'suppression-without-reason', 'warning', 'An aims-ignore comment gives no reason, so it suppresses nothing.',
        'Write why the finding is accepted after a colon: // aims-ignore aims/<rule>: <reason>. Auditors read it.'),
    unusedSuppression: rule('core', 'unused-suppression', 'warning', 'An aims-ignore comment suppresses no finding, or names no rule.',
        'Remove it once the finding is fixed, or put it on (or just above) the line of the finding.'),
    internalError: rule('core', 'internal-error', 'error', 'A check of the AIMS tools failed on this declaration: a bug in the tools, not in the file.',
        'Report it with the text that triggers it; every other check still ran. Switch it off with the severity setting if it blocks you.'),
    // names
    duplicateName: rule('names', 'duplicate-name', 'error', 'Two declarations share a name across the workspace.',
        'Names are global across all .aims files; rename one of them.'),
    misplacedCatalog: rule('names', 'misplaced-catalog', 'error', 'A catalog declaration in a user file.',
        'Catalogs are built in; refer to their entries by id instead.'),
    reservedControlPrefix: rule('names', 'reserved-control-prefix', 'error', 'An organisation control uses a prefix that ISO/IEC 42001 owns (A or C).',
        'Give organisation controls a prefix of your own, such as ACME.1.'),
    multipleOrganisations: rule('names', 'multiple-organisations', 'error', 'The workspace declares more than one organisation.',
        'Keep one organisation declaration: the AIMS covers one organisation and its scope.'),
    // fields
    duplicateField: rule('fields', 'duplicate-field', 'warning', 'A field that takes one value is given twice in one declaration; only the last value counts.',
        'Keep one of the two lines.'),
    missingField: rule('fields', 'missing-field', 'warning', 'A declaration lacks a field it needs to be useful.',
        'Add the field named in the message.'),
    // dates
    reviewOverdue: rule('dates', 'review-overdue', 'warning', 'A policy, risk or impact assessment is past its review date.',
        'Review it and record the next review date.'),
    invalidDate: rule('dates', 'invalid-date', 'error', 'A date that does not exist in the calendar.',
        'Write dates as YYYY-MM-DD with a real month and day.'),
    // soa
    soaIncomplete: rule('soa', 'soa-incomplete', 'error', 'Some Annex A controls have no statement of applicability entry (ISO/IEC 42001, and ISO/IEC 27001 when the workspace keeps its SoA).',
        'Add an entry for each missing control: applicable, or excluded because "...".'),
    soaWrongStandard: rule('soa', 'soa-wrong-standard', 'error', 'A statement of applicability entry for a control of the other standard: ISO/IEC 27001 in the ISO/IEC 42001 SoA, or the other way round.',
        'Move the entry to the soa block of its standard: soa { ... } decides ISO/IEC 42001 Annex A, soa iso27001 { ... } ISO/IEC 27001:2022 Annex A.'),
    soaUndecided: rule('soa', 'soa-undecided', 'warning', 'A statement of applicability entry still awaits a decision.',
        'Decide: applicable (with status, owner and evidence), or excluded because "...".'),
    soaDuplicate: rule('soa', 'soa-duplicate', 'error', 'A control has more than one statement of applicability entry.',
        'Keep one entry per control; merge the two.'),
    exclusionWithoutJustification: rule('soa', 'exclusion-without-justification', 'error', 'An excluded control has no justification.',
        'Add because "..." with the reason the control does not apply; auditors ask for it (ISO/IEC 42001 6.1.3).'),
    implementedWithoutEvidence: rule('soa', 'implemented-without-evidence', 'warning', 'An implemented control has no evidence.',
        'Link evidence that shows the control works (evidence name, ...).'),
    soaNotApproved: rule('soa', 'soa-not-approved', 'warning', 'The statement of applicability records no approval.',
        'Add approved <date> by <person> version "..." to a soa block (ISO/IEC 42001 6.1.3).'),
    inclusionWithoutJustification: rule('soa', 'inclusion-without-justification', 'warning', 'An applicable control gives no reason for its inclusion.',
        'Add because "..." after applicable, or name the risk it treats (treats <risk>, or treatment ... with <control>) (ISO/IEC 42001 6.1.3).'),
    implausibleExclusion: rule('soa', 'implausible-exclusion', 'warning', 'An exclusion that the rest of the AIMS contradicts, or whose reason says nothing.',
        'Make the control applicable, or write a justification that answers the contradiction named in the message.'),
    // risk
    excludedControlTreatsRisk: rule('risk', 'excluded-control-treats-risk', 'error', 'A control that the statement of applicability excludes is used to treat a risk.',
        'Make the control applicable, or treat the risk with another control.'),
    riskWithoutTreatment: rule('risk', 'risk-without-treatment', 'warning', 'A risk has no treatment option.',
        'Choose mitigate, avoid, transfer or accept (ISO/IEC 42001 6.1.3).'),
    acceptWithoutAcceptor: rule('risk', 'accept-without-acceptor', 'error', 'An accepted risk names no one who accepted it.',
        'Add accepted by <person> on <date>.'),
    mitigateWithoutControl: rule('risk', 'mitigate-without-control', 'error', 'A mitigated risk names no control that mitigates it.',
        'Add treatment mitigate with <control>, or list the risk under treats in a statement of applicability entry.'),
    residualAboveInherent: rule('risk', 'residual-above-inherent', 'error', 'The residual rating is higher than the inherent rating.',
        'Treatment cannot raise a risk; check the two ratings.'),
    ratingOutOfScale: rule('risk', 'rating-out-of-scale', 'error', 'A likelihood or impact lies outside the declared scale.',
        'Use a value within the organisation\'s likelihood/impact scale (default 1 to 5).'),
    invalidScale: rule('risk', 'invalid-scale', 'error', 'A likelihood or impact scale whose minimum is not below its maximum.',
        'Declare the scale as <min> to <max>, for example 1 to 5.'),
    riskWithoutRating: rule('risk', 'risk-without-rating', 'warning', 'A risk has no inherent rating, or a treated risk has no residual rating.',
        'Add inherent likelihood <n> impact <n>, and residual likelihood <n> impact <n> once it is treated (ISO/IEC 42001 6.1.2).'),
    riskNotAssessed: rule('risk', 'risk-not-assessed', 'warning', 'A risk does not say when it was assessed.',
        'Add assessed <date> by <person> (ISO/IEC 42001 6.1.2, 8.2).'),
    riskAboveAcceptance: rule('risk', 'risk-above-acceptance', 'warning', 'A risk is rated above the organisation\'s acceptance threshold and nobody with the authority accepted it.',
        'Treat it until its residual rating is within the threshold, or record accepted by <person> on <date> by someone the organisation authorises.'),
    acceptorWithoutAuthority: rule('risk', 'acceptor-without-authority', 'warning', 'A risk is accepted by someone the organisation does not authorise to accept risks.',
        'Have it accepted by one of the people named in accept risks up to <n> by ..., or add the acceptor there.'),
    systemWithoutRisk: rule('risk', 'system-without-risk', 'warning', 'An AI system is named by no risk.',
        'Assess the system\'s risks and list it under systems in each risk that concerns it (ISO/IEC 42001 6.1.2).'),
    // evidence
    evidenceExpired: rule('evidence', 'evidence-expired', 'error', 'Evidence is past its expiry date.',
        'Collect fresh evidence and update collected/expires.'),
    evidenceExpiring: rule('evidence', 'evidence-expiring', 'warning', 'Evidence expires within the warning window.',
        'Plan the next collection before the expiry date.'),
    evidencePathMissing: rule('evidence', 'evidence-path-missing', 'warning', 'An evidence path does not exist in the workspace.',
        'Correct the path, or commit the evidence file.'),
    evidencePathUnchecked: rule('evidence', 'evidence-path-unchecked', 'hint', 'An evidence path was not checked because file-system checks are off (untrusted workspace, browser).',
        'Trust the workspace, or run aims validate, to check that the file exists.'),
    evidencePathOutside: rule('evidence', 'evidence-path-outside', 'error', 'An evidence path points outside the workspace (also through a symbolic link).',
        'Keep evidence inside the repository, or link it with url "...".'),
    evidenceUrlScheme: rule('evidence', 'evidence-url-scheme', 'warning', 'An evidence URL that is not an http or https address.',
        'Link evidence with an http:// or https:// address; other schemes (javascript:, file:, command:) are never turned into links.'),
    evidenceWithoutLocation: rule('evidence', 'evidence-without-location', 'warning', 'Evidence has neither a path nor a URL.',
        'Add path "..." or url "...".'),
    // eu-ai-act
    highRiskWithoutImpactAssessment: rule('eu-ai-act', 'high-risk-without-impact-assessment', 'error', 'A high-risk system (EU AI Act) has no impact assessment.',
        'Add an impact-assessment with system <name> (ISO/IEC 42001 6.1.4, A.5); whether the deployer also owes the fundamental rights impact assessment of EU AI Act Article 27 is aims/fria-required.'),
    highRiskWithoutOversight: rule('eu-ai-act', 'high-risk-without-oversight', 'error', 'A high-risk system (EU AI Act) describes no human oversight.',
        'Add oversight "..." describing who can intervene and how (EU AI Act Article 14).'),
    highRiskWithoutRoute: rule('eu-ai-act', 'high-risk-without-route', 'warning', 'A high-risk system names neither its Annex III point nor its Annex I legislation.',
        'Add annex-iii <point or sub-point> (Article 6(2)) or annex-i <item> (Article 6(1)) after eu-ai-act high.'),
    annexIIIWithoutSubpoint: rule('eu-ai-act', 'annex-iii-without-subpoint', 'warning', 'An Annex III point that has lettered sub-points is named without one.',
        'Name the sub-point, such as annex-iii 5(b): who must perform the Article 27 impact assessment depends on it.'),
    euClassificationMismatch: rule('eu-ai-act', 'eu-classification-mismatch', 'error', 'An EU AI Act classification whose route or provision does not fit its class.',
        'prohibited takes under Article 5(1)(a) to (h); high takes annex-iii or annex-i; not-high-risk takes annex-iii and under Article 6(3)(a) to (d); transparency takes Article 50(1) to (4).'),
    euAiActLimited: rule('eu-ai-act', 'eu-ai-act-limited', 'warning', "A system is classed 'limited', which is not a class of the EU AI Act.",
        "Article 50's transparency duties apply alongside any class: write the class (minimal, high, ...) and list the duties with transparency Article 50(1), ... (the quick fix rewrites it)."),
    operatorRoleMissing: rule('eu-ai-act', 'operator-role-missing', 'warning', 'A classified AI system or a general-purpose AI model names no EU AI Act operator role.',
        'Add operator provider, deployer, importer, distributor, authorised-representative or product-manufacturer (Article 3): the obligations follow from the role.'),
    euObligationsOpen: rule('eu-ai-act', 'eu-obligations-open', 'warning', 'EU AI Act obligations that apply to a system or model today are not addressed.',
        'For each article listed, link evidence (systems <name> supports Article <n>) or an implemented statement of applicability entry that supports it, or write not-applicable Article <n> because "..." in the system (the quick fix scaffolds the evidence).'),
    euObligationsUpcoming: rule('eu-ai-act', 'eu-obligations-upcoming', 'info', 'EU AI Act obligations of a system or model that do not apply yet.',
        'Plan them before the date they apply from (Article 113; an amendment may move it) and address them like the others.'),
    friaRequired: rule('eu-ai-act', 'fria-required', 'error', 'A deployer that must perform a fundamental rights impact assessment (EU AI Act Article 27) has none.',
        "Add a fria { ... } block to the system's impact assessment, covering Article 27(1), points (a) to (f), and the notification of Article 27(3)."),
    friaIncomplete: rule('eu-ai-act', 'fria-incomplete', 'warning', 'A fundamental rights impact assessment lacks an element of Article 27(1) or the notification of Article 27(3).',
        'Add the fields the message names: processes, period, affected, harms, oversight, measures, notified <date>.'),
    prohibitedSystem: rule('eu-ai-act', 'prohibited-system', 'error', 'A system is in the EU AI Act\'s prohibited category.',
        'Prohibited practices (Article 5) may not be placed on the market or used in the EU; retire the system or change what it does.'),
    // competence
    competenceWithoutHolder: rule('competence', 'competence-without-holder', 'warning', 'A competence that a role needs is held by nobody with a current training record.',
        'Record the training or qualification of someone in the role (training ... { person ... competence ... completed ... }) (ISO/IEC 42001 7.2).'),
    trainingExpired: rule('competence', 'training-expired', 'warning', 'A training or qualification record is past its expiry date.',
        'Renew the training and record the new completed and expires dates.'),
    // monitoring
    objectiveWithoutResult: rule('monitoring', 'objective-without-result', 'warning', 'An objective is past its due date and no measurement records whether it was met.',
        'Add a measurement with objective <name>, measured <date>, value "..." and met yes/no (ISO/IEC 42001 6.2, 9.1).'),
    missedTargetWithoutAction: rule('monitoring', 'missed-target-without-action', 'warning', 'A measurement missed its target and no nonconformity deals with it.',
        'Raise a nonconformity with source monitoring <measurement>, or correct the measurement (ISO/IEC 42001 9.1, 10.2).'),
    // audit
    auditProgrammeIncomplete: rule('audit', 'audit-programme-incomplete', 'warning', 'The audits of the programme\'s current cycle leave clauses or applicable controls unaudited.',
        'Add the missing clauses and controls to the scope of an audit planned within the cycle (ISO/IEC 42001 9.2.2).'),
    auditorNotIndependent: rule('audit', 'auditor-not-independent', 'error', 'An auditor audits their own work.',
        'Choose an auditor who is not audited and owns nothing in the audit\'s scope (ISO/IEC 42001 9.2.2: objectivity and impartiality).'),
    findingWithoutNonconformity: rule('audit', 'finding-without-nonconformity', 'error', 'A nonconformity found by an audit has no nonconformity record.',
        'Declare a nonconformity with source audit <audit> and link it from the finding: nonconformity <name> (ISO/IEC 42001 10.2).'),
    // improvement
    actionOverdue: rule('improvement', 'action-overdue', 'warning', 'A corrective or review action is past its due date and not done.',
        'Finish it and record done <date>, or agree a new due date.'),
    nonconformityWithoutRootCause: rule('improvement', 'nonconformity-without-root-cause', 'error', 'A closed nonconformity records no root cause.',
        'Add root-cause "..." saying why it happened (ISO/IEC 42001 10.2).'),
    nonconformityWithoutEffectivenessReview: rule('improvement', 'nonconformity-without-effectiveness-review', 'error', 'A closed nonconformity records no review of the corrective actions\' effectiveness.',
        'Add effectiveness reviewed <date> by <person> "..." (ISO/IEC 42001 10.2).'),
    nonconformityOpenTooLong: rule('improvement', 'nonconformity-open-too-long', 'warning', 'A nonconformity is open longer than the organisation allows.',
        'Close it (closed <date>) or escalate it; the limit is nonconformities close within <duration> in the organisation.'),
    // management-review
    managementReviewOverdue: rule('management-review', 'management-review-overdue', 'warning', 'No management review was held within the organisation\'s declared interval.',
        'Hold the management review and record it: management-review <name> "..." { held <date> ... } (ISO/IEC 42001 9.3); the quick fix scaffolds it with the last review\'s chair, participants and open actions.'),
    managementReviewInputsIncomplete: rule('management-review', 'management-review-inputs-incomplete', 'warning', 'A management review did not consider every input the standard lists.',
        'Add the missing inputs, or consider them at the next review (ISO/IEC 42001 9.3.2).'),
    reviewActionNotFollowedUp: rule('management-review', 'review-action-not-followed-up', 'warning', 'An action of an earlier management review is still open although a later review was held.',
        'Record done <date> for the action, or carry it over into the later review\'s actions.'),
    // documented-information
    documentedInformationMissing: rule('documented-information', 'documented-information-missing', 'warning', 'Clauses that require documented information have nothing in the workspace that provides it.',
        'Declare what each listed clause calls for (the message names the declaration), or link evidence with supports <clause>.'),
    // mapping
    mappingToItself: rule('mapping', 'mapping-to-itself', 'error', 'A mapping whose two ends are the same entry.',
        'Map the entry to another control or catalog entry.'),
    mappingConflict: rule('mapping', 'mapping-conflict', 'error', 'The same pair is mapped twice with different relationships.',
        'Keep one mapping per pair: decide which relationship holds (subset-of in one direction is superset-of in the other) and delete the other.'),
    mappingDuplicate: rule('mapping', 'mapping-duplicate', 'warning', 'The same pair is mapped twice with the same relationship.',
        'Delete the repeated mapping.'),
    mappingStrengthOutOfRange: rule('mapping', 'mapping-strength-out-of-range', 'error', 'A mapping strength outside 1 to 10.',
        'Give strength as a whole number from 1 (weak) to 10 (the two ends say the same), as NIST\'s OLIR does.'),
    crosswalkOverrideWithoutRationale: rule('mapping', 'crosswalk-override-without-rationale', 'warning', 'A mapping replaces a built-in one (the NIST AI RMF crosswalk or a control\'s nist list) without saying why.',
        'Add rationale "..." saying why the pair relates this way: an assessor will ask why the published crosswalk was overridden.')
} as const satisfies Record<string, RuleInfo>;

export type RuleKey = keyof typeof RULES;

export const ALL_RULES: readonly RuleInfo[] = Object.values(RULES);

const BY_CODE = new Map(ALL_RULES.map(r => [r.code, r]));

export function ruleByCode(code: string): RuleInfo | undefined {
    return BY_CODE.get(code);
}

/** `aims/evidence-expiring` -> `evidence-expiring`: the rule's name, as `aims.severity` also accepts it. */
export function ruleName(code: string): string {
    return code.replace(/^aims\//, '');
}

/**
 * The anchor of a rule's row in docs/language.md (`#rule-evidence-expiring`), which every
 * diagnostic links to through its LSP `codeDescription`.
 */
export function ruleAnchor(code: string): string {
    return `rule-${ruleName(code)}`;
}
