/**
 * The AIMS rules that one document can decide on its own, plus the hook that reports this
 * document's share of the workspace-level findings (see workspace-checks.ts). Each check
 * reports through a rule of rules.ts, so codes and severities are stable.
 *
 * Categories: 'fast' checks run on every keystroke; 'slow' ones touch the file system and run
 * on start-up, on save and in the CLI.
 */
import { AstUtils, CstUtils, GrammarAST, URI, UriUtils, WorkspaceCache, isLeafCstNode, type AstNode, type CompositeCstNode, type CstNode, type ValidationAcceptor, type ValidationChecks } from 'langium';
import {
    isControlApplication,
    type AimsAstType, type AiSystem, type ControlApplication, type Evidence, type ImpactAssessment, type Model,
    type Organisation, type OrgControl, type Policy, type Rating, type Risk
} from '../language/generated/ast.js';
import type { AimsServices } from '../language/aims-module.js';
import { isCatalogUri } from '../catalog/catalog-document.js';
import { parseIsoDate } from '../model/dates.js';
import { controlIdOf, reviewBaseDate, type AimsModel } from '../model/aims-model.js';
import type { AimsSettings } from '../workspace/aims-settings.js';
import type { WorkspaceChecks } from './workspace-checks.js';
import { RULES } from './rules.js';
import { report } from './report.js';

export function registerValidationChecks(services: AimsServices): void {
    const registry = services.validation.ValidationRegistry;
    const validator = services.validation.AimsValidator;
    const fast: ValidationChecks<AimsAstType> = {
        Model: validator.checkModel,
        Organisation: unlessBroken(validator.checkOrganisation),
        Policy: unlessBroken(validator.checkPolicy),
        OrgControl: unlessBroken(validator.checkOrgControl),
        AiSystem: unlessBroken(validator.checkAiSystem),
        Risk: unlessBroken(validator.checkRisk),
        ImpactAssessment: unlessBroken(validator.checkImpactAssessment),
        ControlApplication: unlessBroken(validator.checkControlApplication),
        Evidence: unlessBroken(validator.checkEvidence)
    };
    registry.register(fast, validator, 'fast');
    registry.register<AimsAstType>({ Evidence: validator.checkEvidenceFile }, validator, 'slow');
}

/**
 * A declaration with a syntax error inside is only half built by the parser's recovery (a field
 * can be missing or hold the wrong token), so rules about its content would talk nonsense
 * ("reviewed every 12 undefined"). Its syntax error is what the user needs first.
 */
function unlessBroken<N extends AstNode>(check: (node: N, accept: ValidationAcceptor) => void): (node: N, accept: ValidationAcceptor) => void {
    return function (this: AimsValidator, node: N, accept: ValidationAcceptor) {
        if (!hasSyntaxError(node)) {
            check.call(this, node, accept);
        }
    };
}

export function hasSyntaxError(node: AstNode): boolean {
    const { parserErrors, lexerErrors } = AstUtils.getDocument(node).parseResult;
    if (parserErrors.length === 0 && lexerErrors.length === 0) {
        return false;
    }
    let declaration = node;
    while (declaration.$container && declaration.$container.$type !== 'Model') {
        declaration = declaration.$container;
    }
    const cst = declaration.$cstNode;
    if (!cst) {
        return true;
    }
    // Recovery may close the declaration early and skip the broken tokens: everything up to the
    // next declaration belongs to this one.
    const siblings = (declaration.$container as { elements?: AstNode[] } | undefined)?.elements ?? [];
    const next = siblings[siblings.indexOf(declaration) + 1]?.$cstNode?.offset ?? Number.POSITIVE_INFINITY;
    const inside = (offset: number | undefined) => offset !== undefined && !Number.isNaN(offset) && offset >= cst.offset && offset <= Math.max(next, cst.end);
    return parserErrors.some(e => inside(e.token.startOffset) || (Number.isNaN(e.token.startOffset) && inside((e as { previousToken?: { startOffset: number } }).previousToken?.startOffset)))
        || lexerErrors.some(e => inside(e.offset));
}

/** Properties that hold dates, per declaration type. */
const DATE_PROPERTIES: Record<string, readonly string[]> = {
    Policy: ['approved', 'nextReview'],
    Objective: ['due'],
    Risk: ['acceptedOn', 'nextReview'],
    ImpactAssessment: ['assessed', 'nextReview'],
    Evidence: ['collected', 'expires']
};

export class AimsValidator {
    private readonly model: AimsModel;
    private readonly settings: AimsSettings;
    private readonly workspaceChecks: WorkspaceChecks;
    private readonly services: AimsServices;
    /** File existence per URI, forgotten on every workspace change. */
    private readonly existingFiles: WorkspaceCache<string, Promise<boolean>>;

    constructor(services: AimsServices) {
        this.services = services;
        this.model = services.aims.Model;
        this.settings = services.aims.Settings;
        this.workspaceChecks = services.aims.WorkspaceChecks;
        this.existingFiles = new WorkspaceCache(services.shared);
    }

    checkModel(model: Model, accept: ValidationAcceptor): void {
        const document = AstUtils.getDocument(model);
        if (isCatalogUri(document.uri)) {
            return;
        }
        for (const element of model.elements) {
            if (element.$type === 'Catalog') {
                report(accept, RULES.misplacedCatalog, 'Catalogs are built in and cannot be declared in a workspace file: refer to catalog entries by their ids, and declare controls of your own with control <PREFIX>.<n> "title".', { node: element, keyword: 'catalog' });
            } else {
                this.checkDates(element, accept);
                this.checkDuplicateFields(element, accept);
                if (element.$type === 'StatementOfApplicability') {
                    element.entries.forEach(entry => this.checkDuplicateFields(entry, accept));
                }
            }
        }
        this.workspaceChecks.reportFor(document, accept);
    }

    checkOrganisation(org: Organisation, accept: ValidationAcceptor): void {
        for (const property of ['likelihoodScale', 'impactScale'] as const) {
            const scale = org[property];
            if (scale && scale.min >= scale.max) {
                report(accept, RULES.invalidScale, `The ${property === 'likelihoodScale' ? 'likelihood' : 'impact'} scale runs from ${scale.min} to ${scale.max}; its minimum must be below its maximum: write ${property === 'likelihoodScale' ? 'likelihood' : 'impact'} scale <min> to <max>, such as 1 to 5.`, { node: org, property });
            }
        }
        if (!org.scope) {
            report(accept, RULES.missingField, `Organisation '${org.name}' has no scope: state what the AI management system covers (ISO/IEC 42001 4.3).`, { node: org, property: 'name' });
        }
    }

    checkPolicy(policy: Policy, accept: ValidationAcceptor): void {
        if (!policy.owner) {
            report(accept, RULES.missingField, `Policy '${policy.name}' has no owner: add owner <person or team>.`, { node: policy, property: 'name' });
        }
        this.checkReview(policy, accept);
    }

    checkOrgControl(control: OrgControl, accept: ValidationAcceptor): void {
        const prefix = control.name.split('.')[0];
        // Case-insensitive: `a.11` reads as Annex A just as well and would be mistaken for it.
        const annex = prefix.toUpperCase();
        if (annex === 'A' || annex === 'C') {
            report(accept, RULES.reservedControlPrefix, `'${control.name}': the prefix ${prefix} belongs to ISO/IEC 42001 (Annex ${annex}); give organisation controls a prefix of your own, such as ACME.1.`, { node: control, property: 'name' });
        }
    }

    checkAiSystem(system: AiSystem, accept: ValidationAcceptor): void {
        if (system.euCategory === 'prohibited') {
            report(accept, RULES.prohibitedSystem, `'${system.name}' is classed as a prohibited AI practice (EU AI Act Article 5): it may not be placed on the market, put into service or used in the EU. Retire it or change what it does, then reclassify it.`, { node: system, property: 'euCategory' });
        }
        if (system.euCategory === 'high') {
            if (!system.oversight?.trim()) {
                report(accept, RULES.highRiskWithoutOversight, `'${system.name}' is high-risk under the EU AI Act but describes no human oversight: add oversight "..." saying who can monitor, override or stop it (EU AI Act Article 14; ISO/IEC 42001 A.9).`, { node: system, property: 'euCategory' });
            }
            if (!system.annexIII) {
                report(accept, RULES.highRiskWithoutAnnexIII, `'${system.name}' is high-risk: name its EU AI Act Annex III area with annex-iii <point> (1 to 8).`, { node: system, property: 'euCategory' });
            }
        }
    }

    checkRisk(risk: Risk, accept: ValidationAcceptor): void {
        // Ratings against the scales are a workspace check: the scales live in the organisation's file.
        if (risk.inherent && risk.residual && score(risk.residual) > score(risk.inherent)) {
            report(accept, RULES.residualAboveInherent, `Residual rating ${score(risk.residual)} (${risk.residual.likelihood} x ${risk.residual.impact}) is above the inherent rating ${score(risk.inherent)} (${risk.inherent.likelihood} x ${risk.inherent.impact}); treatment cannot make a risk worse: check the two ratings.`, { node: risk, property: 'residual' });
        }
        if (!risk.treatment) {
            report(accept, RULES.riskWithoutTreatment, `Risk '${risk.name}' has no treatment: choose mitigate, avoid, transfer or accept (ISO/IEC 42001 6.1.3).`, { node: risk, property: 'name' });
        } else if (risk.treatment === 'accept' && !risk.acceptor) {
            report(accept, RULES.acceptWithoutAcceptor, `Risk '${risk.name}' is accepted, but nobody is named as accepting it: add accepted by <person> on <date>.`, { node: risk, property: 'treatment' });
        }
        if (!risk.owner) {
            report(accept, RULES.missingField, `Risk '${risk.name}' has no owner: add owner <person or team>.`, { node: risk, property: 'name' });
        }
        this.checkReview(risk, accept);
    }

    checkImpactAssessment(assessment: ImpactAssessment, accept: ValidationAcceptor): void {
        if (!assessment.system) {
            report(accept, RULES.missingField, `Impact assessment '${assessment.name}' names no system: add system <name>.`, { node: assessment, property: 'name' });
        }
        this.checkReview(assessment, accept);
    }

    checkControlApplication(entry: ControlApplication, accept: ValidationAcceptor): void {
        const id = controlIdOf(entry);
        if (entry.decision === 'excluded' && !entry.justification?.trim()) {
            report(accept, RULES.exclusionWithoutJustification, `${id} is excluded without a justification: add because "..." saying why it does not apply.`, { node: entry, keyword: 'excluded', data: { control: id } });
        } else if (entry.decision === 'undecided') {
            report(accept, RULES.soaUndecided, `${id} awaits a decision: mark it applicable (with status, owner and evidence) or excluded because "...".`, { node: entry, keyword: 'undecided', data: { control: id } });
        } else if (entry.decision === 'applicable' && entry.status === 'implemented' && entry.evidence.length === 0) {
            report(accept, RULES.implementedWithoutEvidence, `${id} is implemented but links no evidence: add evidence <name> to show that it works.`, { node: entry, property: 'status', data: { control: id } });
        }
    }

    checkEvidence(evidence: Evidence, accept: ValidationAcceptor): void {
        if (!evidence.path && !evidence.url) {
            report(accept, RULES.evidenceWithoutLocation, `Evidence '${evidence.name}' has neither a path nor a url: add path "..." (relative to the workspace root) or url "...".`, { node: evidence, property: 'name' });
        }
        const settings = this.settings.values;
        const today = this.settings.today();
        const freshness = this.model.freshness(evidence, today, settings.evidenceExpiryWindowDays);
        if (freshness === 'expired') {
            report(accept, RULES.evidenceExpired, `Evidence '${evidence.name}' expired on ${evidence.expires} (today is ${today}): collect it again and update collected/expires.`, { node: evidence, property: 'expires' });
        } else if (freshness === 'expiring') {
            report(accept, RULES.evidenceExpiring, `Evidence '${evidence.name}' expires on ${evidence.expires}, within ${settings.evidenceExpiryWindowDays} days of ${today}: plan the next collection before then.`, { node: evidence, property: 'expires' });
        }
        if (evidence.path) {
            const target = this.resolveEvidencePath(evidence);
            if (target.absolute) {
                const root = this.workspaceRoot(AstUtils.getDocument(evidence).uri);
                const relative = UriUtils.relative(root, target.uri);
                const inRoot = relative !== '..' && !relative.startsWith('../') && !relative.startsWith('/');
                const hint = inRoot
                    ? ` Here that is path "${relative}".`
                    : ' It also lies outside the workspace: keep evidence in the repository, or link it with url "...".';
                report(accept, RULES.evidencePathOutside, `Evidence path '${evidence.path}' is absolute, so it only works on this machine; write it relative to the workspace root.${hint}`, { node: evidence, property: 'path' });
            } else if (!target.inside) {
                report(accept, RULES.evidencePathOutside, `Evidence path '${evidence.path}' points outside the workspace; keep evidence in the repository (a path relative to the workspace root), or link it with url "...".`, { node: evidence, property: 'path' });
            }
        }
    }

    /** 'slow': asks the file system whether the evidence file exists. */
    async checkEvidenceFile(evidence: Evidence, accept: ValidationAcceptor): Promise<void> {
        if (!evidence.path || isCatalogUri(AstUtils.getDocument(evidence).uri)) {
            return;
        }
        const target = this.resolveEvidencePath(evidence);
        const restricted = this.settings.values.restricted;
        if (target.inside && restricted) {
            report(accept, RULES.evidencePathUnchecked, `Whether '${evidence.path}' exists was not checked: ${restricted}.`, { node: evidence, property: 'path' });
        } else if (target.inside && !(await this.evidenceFileExists(target.uri))) {
            report(accept, RULES.evidencePathMissing, `Evidence path '${evidence.path}' does not exist in the workspace: correct the path (it is relative to the workspace root), or commit the evidence file.`, { node: evidence, property: 'path' });
        }
    }

    /** Many evidence entries name the same file: ask the file system once per file and change. */
    private evidenceFileExists(uri: URI): Promise<boolean> {
        return this.existingFiles.get(uri.toString(), () => this.services.shared.workspace.FileSystemProvider.exists(uri).catch(() => false));
    }

    /** Evidence paths are relative to the workspace root (the folder holding the AIMS). */
    resolveEvidencePath(evidence: Evidence): { uri: URI; inside: boolean; absolute: boolean } {
        const document = AstUtils.getDocument(evidence);
        const root = this.workspaceRoot(document.uri);
        const path = evidence.path ?? '';
        const absolute = path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path);
        const uri = absolute ? URI.file(path) : UriUtils.resolvePath(root, ...path.split(/[\\/]/));
        const relative = UriUtils.relative(root, uri);
        const inside = !absolute && relative !== '..' && !relative.startsWith('../') && !relative.startsWith('/');
        return { uri, inside, absolute };
    }

    private workspaceRoot(documentUri: URI): URI {
        const configured = this.settings.values.workspaceRoot;
        if (configured) {
            return URI.file(configured);
        }
        const folders = this.services.shared.workspace.WorkspaceManager.workspaceFolders ?? [];
        const containing = folders
            .map(f => URI.parse(f.uri))
            .filter(folder => UriUtils.contains(folder, documentUri))
            .sort((a, b) => b.path.length - a.path.length)[0];
        return containing ?? UriUtils.dirname(documentUri);
    }

    private checkReview(node: Policy | Risk | ImpactAssessment, accept: ValidationAcceptor): void {
        if (node.reviewEvery && !node.nextReview && !reviewBaseDate(node)) {
            // Without a date to count from, the interval never comes due and review-overdue stays silent.
            const every = `${node.reviewEvery.count} ${node.reviewEvery.unit}`;
            const message = node.$type === 'Policy'
                ? `Policy '${node.name}' is reviewed every ${every}, but has no approved date to count from: add approved <date>, or write the next review date (review YYYY-MM-DD).`
                : node.$type === 'Risk'
                    ? `Risk '${node.name}' is reviewed every ${every}, but has no date to count from (only an accepted risk has one: accepted by <person> on <date>): write the next review date instead (review YYYY-MM-DD).`
                    : `Impact assessment '${node.name}' is reviewed every ${every}, but has no assessed date to count from: add assessed <date>, or write the next review date (review YYYY-MM-DD).`;
            report(accept, RULES.missingField, message, { node, keyword: 'review' } as never);
        }
        const due = this.model.nextReview(node);
        const today = this.settings.today();
        if (due && parseIsoDate(due) !== undefined && due < today) {
            const kind = node.$type === 'Policy' ? 'Policy' : node.$type === 'Risk' ? 'Risk' : 'Impact assessment';
            report(accept, RULES.reviewOverdue, `${kind} '${node.name}' was due for review on ${due} (today is ${today}): review it and record the next review date.`, {
                node, ...(node.nextReview ? { property: 'nextReview' } : { keyword: 'review' })
            } as never);
        }
    }

    private checkDates(element: AstNode, accept: ValidationAcceptor): void {
        for (const property of DATE_PROPERTIES[element.$type] ?? []) {
            const value = (element as unknown as Record<string, unknown>)[property];
            if (typeof value === 'string' && parseIsoDate(value) === undefined) {
                report(accept, RULES.invalidDate, `'${value}' is not a calendar date; write YYYY-MM-DD with a real month and day.`, { node: element, property: property as never });
            }
        }
    }

    /** `owner alice` twice in one block: the grammar keeps the last, so say so. */
    private checkDuplicateFields(element: AstNode, accept: ValidationAcceptor): void {
        if (!element.$cstNode) {
            return;
        }
        const seen = new Set<string>();
        for (const cst of ownCstNodes(element)) {
            // Only nodes that assign a property of this element itself, not of nested nodes.
            const owner = cst.grammarSource && GrammarAST.isAssignment(cst.grammarSource.$container) ? cst.grammarSource.$container : undefined;
            if (!owner || owner.operator !== '=' || (cst.astNode !== element && cst.container?.astNode !== element)) {
                continue;
            }
            const field = SAME_FIELD[owner.feature] ?? owner.feature;
            if (seen.has(field)) {
                // Name the field as the author wrote it (`review`, `accepted by`) and mark keyword and value.
                const keywords = leadingKeywords(cst);
                const written = keywords.map(k => k.text).join(' ') || owner.feature;
                report(accept, RULES.duplicateField, `'${written}' is given more than once in ${declarationLabel(element)}; it takes one value and only the last one counts: keep one of them.`, {
                    node: element, range: { start: (keywords[0] ?? cst).range.start, end: cst.range.end }
                });
            }
            seen.add(field);
        }
    }
}

/**
 * The CST nodes of `element` in document order, and the first nodes of elements nested in it
 * (whose container belongs to `element`), without walking into nested elements: the nodes
 * checkDuplicateFields looks at, at a fraction of the cost of streaming the whole subtree.
 */
function* ownCstNodes(element: AstNode): Generator<CstNode> {
    const stack: CstNode[] = element.$cstNode ? [element.$cstNode] : [];
    while (stack.length > 0) {
        const node = stack.pop()!;
        yield node;
        if (!isLeafCstNode(node) && node.astNode === element) {
            const children = (node as CompositeCstNode).content;
            for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
        }
    }
}

/** Properties the grammar keeps apart that are one field to the author. */
const SAME_FIELD: Record<string, string> = { reviewEvery: 'review', nextReview: 'review' };

/** The keywords that introduce a field value (`accepted by`, `review every`), in text order. */
function leadingKeywords(value: CstNode): CstNode[] {
    const siblings = value.container?.content ?? [];
    const keywords: CstNode[] = [];
    for (let i = siblings.indexOf(value) - 1; i >= 0; i--) {
        const sibling = siblings[i];
        if (sibling.hidden) {
            continue;
        }
        // Punctuation ('{') and values end the run: they belong to the block or to the previous field.
        if (!GrammarAST.isKeyword(sibling.grammarSource) || !/^[a-z]/.test(sibling.text)) {
            break;
        }
        keywords.unshift(sibling);
    }
    return keywords;
}

/** `person 'alice'`, `the statement of applicability entry for A.2.2`: a declaration as the author wrote it. */
function declarationLabel(element: AstNode): string {
    if (isControlApplication(element)) {
        return `the statement of applicability entry for ${controlIdOf(element)}`;
    }
    const keyword = element.$cstNode ? CstUtils.streamCst(element.$cstNode).find(n => isLeafCstNode(n) && !n.hidden)?.text : undefined;
    const name = (element as { name?: unknown }).name;
    return typeof name === 'string' ? `${keyword ?? element.$type} '${name}'` : keyword ?? element.$type;
}

function score(rating: Rating): number {
    return rating.likelihood * rating.impact;
}
