/**
 * Hover for `.aims` files, in Markdown. On a catalog id (a reference or the entry in a catalog
 * document): what the entry is, our summary, where it comes from, the NIST <-> ISO crosswalk and,
 * for Annex A controls, what this workspace's statement of applicability says about it. On the
 * user's own declarations and references to them: the `/** ... *\/` doc comment and the facts a
 * reader looks for first (ratings and treatment of a risk, EU AI Act category of a system, ...).
 */
import { AstUtils, GrammarAST, type MaybePromise, type AstNode, type DocumentationProvider, type LangiumDocument, type LangiumDocuments, type Reference } from 'langium';
import type { Hover } from 'vscode-languageserver';
import iso22989Roles from '../catalog/data/iso22989-roles.json' with { type: 'json' };
import { OPERATOR_ROLES, type EuAiActModel } from '../model/eu-ai-act.js';
import { AstNodeHoverProvider } from 'langium/lsp';
import {
    isAiSystem, isAudit, isCompetence, isDataset, isEvidence, isImpactAssessment, isManagementReview, isMeasurement,
    isNonconformity, isObjective, isOrganisation, isOrgControl, isPerson, isPolicy, isRisk, isSupplier, isTeam, isTraining,
    type Audit, type Competence, type ManagementReview, type Measurement, type Nonconformity, type Training,
    type AiSystem, type Dataset, type Evidence, type ImpactAssessment, type Objective, type Organisation, type OrgControl,
    type Person, type Policy, type Rating, type Risk, type Supplier, type Team,
    isFramework, isFrameworkGroup, isFrameworkRequirement, type Framework, type FrameworkGroup, type FrameworkRequirement
} from '../language/generated/ast.js';
import { frameworkOf, qualifiedName } from '../references/aims-name-provider.js';
import { catalog, type CatalogEntryKind, type CatalogItem, type CatalogName } from '../catalog/catalog.js';
import { CATALOG_ENTRY_TYPES, CATALOG_KIND_NAMES, catalogItemFor } from './catalog-entries.js';
import { catalogDocumentUri, isCatalogUri } from '../catalog/catalog-document.js';
import type { AimsServices } from '../language/aims-module.js';
import { controlIdOf, type AimsModel } from '../model/aims-model.js';
import { chainText } from '../model/mappings.js';
import type { AimsSettings } from '../workspace/aims-settings.js';

export class AimsHoverProvider extends AstNodeHoverProvider {
    private readonly documentation: DocumentationProvider;
    private readonly model: AimsModel;
    private readonly settings: AimsSettings;
    private readonly documents: LangiumDocuments;
    private readonly euAiAct: EuAiActModel;

    constructor(services: AimsServices) {
        super(services);
        this.euAiAct = services.aims.EuAiAct;
        this.documentation = services.documentation.DocumentationProvider;
        this.model = services.aims.Model;
        this.settings = services.aims.Settings;
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    /**
     * The role keywords mean different things in two standards: `provider` after `roles` or
     * `role` is an ISO/IEC 22989 role, after `operator` an EU AI Act one. Say which.
     */
    protected override getKeywordHoverContent(keyword: GrammarAST.Keyword): MaybePromise<Hover | undefined> {
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name;
        const markdown = rule === 'OperatorRole' ? operatorRoleHover(keyword.value)
            : rule === 'AiRole' ? iso22989RoleHover(keyword.value)
            : undefined;
        return markdown ? { contents: { kind: 'markdown', value: markdown } } : super.getKeywordHoverContent(keyword);
    }

    protected override getAstNodeHoverContent(node: AstNode): string | undefined {
        if (isCatalogUri(AstUtils.getDocument(node).uri)) {
            const item = catalogItemFor(node.$type, (node as { name?: unknown }).name);
            return item ? this.catalogHover(item) : undefined;
        }
        return this.declarationHover(node);
    }

    private catalogHover(item: CatalogItem): string {
        // Annex I and III entries are bare numbers; `**5**` alone would not say what it is.
        const id = item.kind === 'annex-iii-area' || item.kind === 'annex-iii-subpoint' ? `Annex III point ${item.id}`
            : item.kind === 'annex-i-item' ? `Annex I item ${item.id}` : item.id;
        const lines = [`**${esc(id)}**${item.title ? ' ' + esc(item.title) : ''}`, '', `*${CATALOG_KIND_NAMES[item.kind]}*`, ''];
        if (item.summary) {
            lines.push(esc(item.summary), '');
        }
        if (item.quote) {
            // The Official Journal's own words, short and attributed (Commission Decision 2011/833/EU).
            lines.push(`> ${esc(item.quote)}`, '', `(${esc(id)}, Regulation (EU) 2024/1689, OJ L, 2024/1689, 12.7.2024)`, '');
        }
        if (item.context) {
            lines.push(esc(item.context), '');
        }
        if (item.appliesFrom) {
            const today = this.settings.today();
            lines.push(`Applies from ${item.appliesFrom} (Article 113)${item.appliesFrom > today ? `, not yet on ${today}` : ''}.`, '');
        }
        if (item.note) {
            lines.push(esc(item.note), '');
        }
        const source = catalog.sources.find(s => s.name === item.catalog);
        if (source) {
            lines.push(`Source: ${esc(source.source)}`, '');
        }
        if (item.kind === 'annex-a-control' || item.kind === 'clause') {
            const nist = catalog.nistFor(item.id);
            if (nist.length > 0) {
                lines.push(`NIST AI RMF (crosswalk): ${nist.map(id => this.catalogLink('nist', 'nist-subcategory', id)).join(', ')}`, '');
                lines.push(`Crosswalk: ${esc(catalog.crosswalkSource)}.`, '');
            }
        } else if (item.kind === 'nist-subcategory') {
            const iso = catalog.isoFor(item.id);
            const links = iso.map(id => catalog.get('annex-a-control', id)
                ? this.catalogLink('annex-a', 'annex-a-control', id)
                : this.catalogLink('clauses', 'clause', id));
            lines.push(`ISO/IEC 42001 (crosswalk): ${links.length > 0 ? links.join(', ') : 'none'}`, '');
            lines.push(`Crosswalk: ${esc(catalog.crosswalkSource)}.`, '');
        }
        lines.push(...this.mappingLines(item.id));
        if (item.kind === 'nist-subcategory') {
            const coverage = this.model.nistCoverage().find(c => c.subcategory === item.id);
            if (coverage) {
                const best = [...coverage.coveredBy, ...coverage.partlyBy][0];
                lines.push(`Coverage: ${coverage.level.replace('-', ' ')}${best ? ` (${esc(best.control)}: ${esc(chainText(best))})` : ''}`, '');
            }
        }
        if (item.kind === 'annex-a-control') {
            lines.push(`Statement of applicability: ${this.soaDecision(item.id)}`, '');
            // The same evidence the validator and the report count (AimsModel.evidenceFor).
            const evidence = this.model.evidenceFor(item.id);
            lines.push(`Evidence: ${evidence.length > 0 ? evidence.map(ev => ev.name).join(', ') : 'none'}`, '');
        }
        if (item.kind === 'iso27001-control') {
            const evidence = this.model.evidenceSupporting(item.id);
            lines.push(`Evidence: ${evidence.length > 0 ? evidence.map(ev => ev.name).join(', ') : 'none'}`, '');
        }
        if (item.kind === 'annex-a-control' || item.kind === 'clause' || item.kind === 'iso27001-control') {
            const audit = this.model.lastAuditOf(item.id);
            const open = this.model.openNonconformitiesAbout(item.id);
            lines.push(`Last audited: ${audit ? `${audit.conductedUntil ?? audit.conducted} (${audit.name})` : 'not yet'}`, '');
            if (open.length > 0) {
                lines.push(`Open nonconformities: ${open.map(nc => nc.name).join(', ')}`, '');
            }
        }
        return lines.join('\n').trimEnd();
    }

    /** The workspace's `map` declarations of an id, in both directions (the crosswalk is listed above). */
    private mappingLines(id: string): string[] {
        const declared = this.model.mappings().mappingsOf(id).filter(edge => edge.origin === 'declared');
        return declared.length === 0 ? [] : [
            `Mappings: ${declared.map(edge => `${esc(edge.relationship)} ${esc(edge.to)}${edge.strength !== undefined ? ` (strength ${edge.strength})` : ''}`).join(', ')}`, ''
        ];
    }

    private soaDecision(controlId: string): string {
        const entry = this.model.soaEntryFor(controlId);
        if (!entry) {
            return 'no entry yet';
        }
        const parts: string[] = [entry.decision];
        if (entry.decision === 'applicable') {
            parts.push(entry.status ?? 'status not given');
            if (entry.owner) parts.push(`owner ${refName(entry.owner)}`);
        } else if (entry.decision === 'excluded' && entry.justification) {
            parts.push(`because "${esc(entry.justification)}"`);
        }
        const where = AstUtils.getDocument(entry).uri;
        const line = (entry.$cstNode?.range.start.line ?? 0) + 1;
        return `**${parts[0]}**${parts.length > 1 ? ', ' + parts.slice(1).join(', ') : ''} ([${esc(controlIdOf(entry))}](${where.toString()}#L${line}))`;
    }

    /** A Markdown link to a catalog entry's line in its read-only catalog document. */
    private catalogLink(name: CatalogName, kind: CatalogEntryKind, id: string): string {
        const uri = catalogDocumentUri(name);
        const document = this.documents.getDocument(uri);
        const line = document ? entryLine(document, CATALOG_ENTRY_TYPES[kind], id) : undefined;
        return line === undefined ? id : `[${id}](${uri.toString()}#L${line + 1})`;
    }

    private declarationHover(node: AstNode): string | undefined {
        const header = headerOf(node);
        if (!header) {
            return this.documentation.getDocumentation(node);
        }
        const lines = [header];
        const doc = this.documentation.getDocumentation(node);
        if (doc) {
            lines.push('', doc);
        }
        const facts = this.factsOf(node);
        if (facts.length > 0) {
            lines.push('', ...facts.map(f => `- ${f}`));
        }
        return lines.join('\n');
    }

    private factsOf(node: AstNode): string[] {
        if (isRisk(node)) return this.riskFacts(node);
        if (isAiSystem(node)) return this.systemFacts(node);
        if (isEvidence(node)) return this.evidenceFacts(node);
        if (isPerson(node)) return personFacts(node);
        if (isTeam(node)) return teamFacts(node);
        if (isPolicy(node)) return this.policyFacts(node);
        if (isObjective(node)) return objectiveFacts(node);
        if (isDataset(node)) return datasetFacts(node);
        if (isSupplier(node)) return supplierFacts(node);
        if (isImpactAssessment(node)) return this.assessmentFacts(node);
        if (isOrgControl(node)) return this.orgControlFacts(node);
        if (isFramework(node)) return this.frameworkFacts(node);
        if (isFrameworkGroup(node) || isFrameworkRequirement(node)) return this.requirementFacts(node);
        if (isOrganisation(node)) return organisationFacts(node);
        if (isCompetence(node)) return this.competenceFacts(node);
        if (isTraining(node)) return this.trainingFacts(node);
        if (isMeasurement(node)) return measurementFacts(node);
        if (isAudit(node)) return auditFacts(node);
        if (isNonconformity(node)) return nonconformityFacts(node);
        if (isManagementReview(node)) return managementReviewFacts(node);
        return [];
    }

    private competenceFacts(competence: Competence): string[] {
        const today = this.settings.today();
        const records = this.model.all('Training').filter(t => t.competence?.ref === competence);
        const current = records.filter(t => t.completed && t.completed <= today && (!t.expires || t.expires >= today));
        const facts: string[] = [];
        if (competence.role) facts.push(`Role: ${esc(competence.role)}`);
        if (competence.neededBy.length > 0) facts.push(`Needed by: ${competence.neededBy.map(refName).join(', ')}`);
        facts.push(`Held by: ${current.length > 0 ? current.map(t => t.person ? refName(t.person) : t.name).join(', ') : 'nobody with a current record'}`);
        return facts;
    }

    private trainingFacts(training: Training): string[] {
        const today = this.settings.today();
        const facts: string[] = [];
        if (training.person) facts.push(`Person: ${refName(training.person)}`);
        if (training.competence) facts.push(`Competence: ${refName(training.competence)}`);
        facts.push(`Completed: ${training.completed ?? 'not yet'}`);
        facts.push(training.expires ? `Expires: ${training.expires}${training.expires < today ? ` (expired on ${today})` : ''}` : 'Expires: no expiry date');
        return facts;
    }

    private riskFacts(risk: Risk): string[] {
        const facts = [`Inherent: ${rating(risk.inherent)}`, `Residual: ${rating(risk.residual)}`];
        const controls = this.model.controlsTreating(risk);
        const treatment = risk.treatment ?? 'not decided';
        facts.push(`Treatment: ${treatment}${controls.length > 0 ? ` with ${controls.join(', ')}` : ''}`);
        if (risk.systems.length > 0) facts.push(`Systems: ${risk.systems.map(refName).join(', ')}`);
        if (risk.owner) facts.push(`Owner: ${refName(risk.owner)}`);
        const review = this.model.nextReview(risk);
        if (review) facts.push(`Next review: ${review}`);
        return facts;
    }

    private systemFacts(system: AiSystem): string[] {
        const facts: string[] = [];
        if (system.euCategory) {
            const entry = system.annexIII?.ref ?? (system.annexIII ? catalog.get('annex-iii-area', refName(system.annexIII)) : undefined);
            const annex = system.annexIII ? `, Annex III point ${refName(system.annexIII)}${entry ? ` (${esc(entry.title)})` : ''}` : '';
            const annexI = system.annexI ? `, Annex I item ${refName(system.annexI)}${system.annexI.ref ? ` (${esc(system.annexI.ref.title)})` : ''}` : '';
            const under = system.euProvision ? `, under ${refName(system.euProvision)}` : '';
            facts.push(`EU AI Act: ${system.euCategory}${annex}${annexI}${under}`);
        } else {
            facts.push('EU AI Act: category not given');
        }
        if (system.operatorRoles.length > 0) facts.push(`EU AI Act operator: ${system.operatorRoles.join(', ')}`);
        if (system.transparency.length > 0) facts.push(`Transparency: ${system.transparency.map(refName).join(', ')}`);
        const profile = this.euAiAct.profileOf(system, this.settings.today());
        if (profile && profile.obligations.length > 0) {
            const open = profile.obligations.filter(o => o.state === 'open');
            const due = open.filter(o => o.due).length;
            facts.push(`EU AI Act obligations: ${profile.obligations.length - open.length} of ${profile.obligations.length} addressed${due > 0 ? `, ${due} open` : ''}${open.length > due ? `, ${open.length - due} not yet due` : ''}`);
        }
        facts.push(`Owner: ${system.owner ? refName(system.owner) : 'not given'}`);
        facts.push(`Stage: ${system.stage ?? 'not given'}`);
        if (system.role) facts.push(`Role (ISO/IEC 22989): ${system.role}`);
        const assessments = this.model.assessmentsFor(system);
        if (assessments.length > 0) facts.push(`Impact assessments: ${assessments.map(a => a.name).join(', ')}`);
        return facts;
    }

    private evidenceFacts(evidence: Evidence): string[] {
        const facts: string[] = [];
        if (evidence.path) facts.push(`Path: \`${evidence.path}\``);
        if (evidence.url) facts.push(`URL: ${evidence.url}`);
        if (!evidence.path && !evidence.url) facts.push('Location: not given');
        if (evidence.kind) facts.push(`Kind: ${evidence.kind}`);
        if (evidence.collected) facts.push(`Collected: ${evidence.collected}`);
        const today = this.settings.today();
        const freshness = this.model.freshness(evidence, today, this.settings.values.evidenceExpiryWindowDays);
        facts.push(evidence.expires ? `Expires: ${evidence.expires} (${freshness} on ${today})` : 'Expires: no expiry date');
        if (evidence.supports.length > 0) facts.push(`Supports: ${evidence.supports.map(refName).join(', ')}`);
        if (evidence.owner) facts.push(`Owner: ${refName(evidence.owner)}`);
        return facts;
    }

    private policyFacts(policy: Policy): string[] {
        const facts: string[] = [];
        if (policy.owner) facts.push(`Owner: ${refName(policy.owner)}`);
        if (policy.approved) facts.push(`Approved: ${policy.approved}${policy.approver ? ` by ${refName(policy.approver)}` : ''}`);
        const review = this.model.nextReview(policy);
        if (review) facts.push(`Next review: ${review}`);
        return facts;
    }

    private assessmentFacts(ia: ImpactAssessment): string[] {
        const facts: string[] = [];
        if (ia.system) facts.push(`System: ${refName(ia.system)}`);
        if (ia.severity) facts.push(`Severity: ${ia.severity}`);
        if (ia.assessed) facts.push(`Assessed: ${ia.assessed}${ia.assessor ? ` by ${refName(ia.assessor)}` : ''}`);
        const review = this.model.nextReview(ia);
        if (review) facts.push(`Next review: ${review}`);
        return facts;
    }

    private frameworkFacts(framework: Framework): string[] {
        const facts: string[] = [];
        if (framework.summary) facts.push(esc(framework.summary));
        if (framework.version) facts.push(`Version: ${esc(framework.version)}`);
        if (framework.source) facts.push(`Source: ${esc(framework.source)}`);
        const coverage = this.model.frameworkCoverage().find(c => c.framework === framework);
        if (coverage) {
            const n = (level: string) => coverage.requirements.filter(r => r.level === level).length;
            facts.push(`Coverage: ${n('covered')} of ${coverage.requirements.length} requirements covered, ${n('partly-covered')} partly, ${n('not-covered')} not covered`);
        }
        return facts;
    }

    private requirementFacts(node: FrameworkGroup | FrameworkRequirement): string[] {
        const framework = frameworkOf(node);
        const id = framework ? qualifiedName(framework.name, String(node.name)) : String(node.name);
        const facts: string[] = [];
        if (node.summary) facts.push(esc(node.summary));
        if (framework) facts.push(`Framework: ${esc(framework.title)}`);
        facts.push(...this.mappingLines(id).filter(Boolean));
        if (isFrameworkRequirement(node)) {
            const coverage = this.model.coverageOf(id);
            const best = [...coverage.coveredBy, ...coverage.partlyBy][0];
            facts.push(`Coverage: ${coverage.level.replace('-', ' ')}${best ? ` (${esc(best.control)}: ${esc(chainText(best))})` : ''}`);
        }
        const evidence = this.model.evidenceSupporting(id);
        facts.push(`Evidence: ${evidence.length > 0 ? evidence.map(ev => ev.name).join(', ') : 'none'}`);
        return facts;
    }

    private orgControlFacts(control: OrgControl): string[] {
        const facts: string[] = [];
        if (control.summary) facts.push(esc(control.summary));
        if (control.owner) facts.push(`Owner: ${refName(control.owner)}`);
        if (control.nist.length > 0) facts.push(`NIST AI RMF: ${control.nist.map(refName).join(', ')}`);
        facts.push(...this.mappingLines(control.name).filter(Boolean));
        facts.push(`Statement of applicability: ${this.soaDecision(control.name)}`);
        return facts;
    }
}

function personFacts(person: Person): string[] {
    const facts = [`Roles: ${person.roles.length > 0 ? person.roles.map(esc).join('; ') : 'none given'}`];
    if (person.team) facts.push(`Team: ${refName(person.team)}`);
    if (person.email) facts.push(`Email: ${person.email}`);
    return facts;
}

function teamFacts(team: Team): string[] {
    const facts: string[] = [];
    if (team.lead) facts.push(`Lead: ${refName(team.lead)}`);
    if (team.members.length > 0) facts.push(`Members: ${team.members.map(refName).join(', ')}`);
    if (team.roles.length > 0) facts.push(`Roles: ${team.roles.map(esc).join('; ')}`);
    return facts;
}

function objectiveFacts(objective: Objective): string[] {
    const facts: string[] = [];
    if (objective.measure) facts.push(`Measure: ${esc(objective.measure)}`);
    if (objective.target) facts.push(`Target: ${esc(objective.target)}`);
    if (objective.due) facts.push(`Due: ${objective.due}`);
    if (objective.owner) facts.push(`Owner: ${refName(objective.owner)}`);
    return facts;
}

function datasetFacts(dataset: Dataset): string[] {
    const facts: string[] = [];
    if (dataset.source) facts.push(`Source: ${esc(dataset.source)}`);
    if (dataset.personalData) facts.push(`Personal data: ${dataset.personalData}`);
    if (dataset.owner) facts.push(`Owner: ${refName(dataset.owner)}`);
    return facts;
}

function supplierFacts(supplier: Supplier): string[] {
    const facts: string[] = [];
    if (supplier.provides.length > 0) facts.push(`Provides: ${supplier.provides.map(esc).join('; ')}`);
    if (supplier.agreement) facts.push(`Agreement: ${esc(supplier.agreement)}`);
    if (supplier.owner) facts.push(`Owner: ${refName(supplier.owner)}`);
    return facts;
}

function measurementFacts(measurement: Measurement): string[] {
    const facts: string[] = [];
    if (measurement.objective) facts.push(`Objective: ${refName(measurement.objective)}${measurement.objective.ref?.target ? ` (target ${esc(measurement.objective.ref.target)})` : ''}`);
    if (measurement.measured) facts.push(`Measured: ${measurement.measured}`);
    if (measurement.value) facts.push(`Value: ${esc(measurement.value)}`);
    facts.push(`Target met: ${measurement.met ?? 'not stated'}`);
    return facts;
}

function auditFacts(audit: Audit): string[] {
    const facts = [audit.conducted ? `Conducted: ${audit.conducted}${audit.conductedUntil ? ` to ${audit.conductedUntil}` : ''}` : `Planned: ${audit.planned ?? 'no date'}`];
    if (audit.scope.length > 0) facts.push(`Scope: ${audit.scope.map(refName).join(', ')}`);
    if (audit.auditors.length > 0) facts.push(`Auditor: ${audit.auditors.map(refName).join(', ')}`);
    const kinds = ['major-nonconformity', 'minor-nonconformity', 'observation', 'opportunity'].map(kind => [kind, audit.findings.filter(f => f.kind === kind).length] as const).filter(([, n]) => n > 0);
    facts.push(`Findings: ${kinds.length > 0 ? kinds.map(([kind, n]) => `${n} ${kind.replace('-', ' ')}`).join(', ') : 'none'}`);
    return facts;
}

function nonconformityFacts(nc: Nonconformity): string[] {
    const source = nc.sourceKind === 'audit' ? `audit ${nc.audit ? refName(nc.audit) : ''}` : nc.sourceKind === 'monitoring' ? `monitoring ${nc.measurement ? refName(nc.measurement) : ''}` : nc.sourceKind ?? 'not given';
    const facts = [`Status: ${nc.closed ? `closed on ${nc.closed}` : 'open'}${nc.raised ? `, raised ${nc.raised}` : ''}`, `Source: ${esc(source.trim())}`];
    if (nc.about.length > 0) facts.push(`About: ${nc.about.map(refName).join(', ')}`);
    if (nc.owner) facts.push(`Owner: ${refName(nc.owner)}`);
    facts.push(`Corrective actions: ${nc.actions.filter(a => a.done).length} of ${nc.actions.length} done`);
    facts.push(`Root cause: ${nc.rootCause ? 'recorded' : 'not recorded'}; effectiveness: ${nc.effectivenessReviewed ? `reviewed ${nc.effectivenessReviewed}` : 'not reviewed'}`);
    return facts;
}

function managementReviewFacts(review: ManagementReview): string[] {
    const facts = [review.held ? `Held: ${review.held}` : `Planned: ${review.planned ?? 'no date'}`];
    if (review.chair) facts.push(`Chair: ${refName(review.chair)}`);
    if (review.inputs.length > 0) facts.push(`Inputs: ${review.inputs.join(', ')}`);
    facts.push(`Decisions: ${review.decisions.length}; actions: ${review.actions.filter(a => a.done).length} of ${review.actions.length} done`);
    return facts;
}

function organisationFacts(org: Organisation): string[] {
    const facts: string[] = [];
    if (org.scope) facts.push(`Scope: ${esc(org.scope)}`);
    if (org.roles.length > 0) facts.push(`AI roles: ${org.roles.join(', ')}`);
    return facts;
}

const HEADER_KEYWORDS: Record<string, string> = {
    Organisation: 'organisation', InterestedParty: 'party', Person: 'person', Team: 'team', Policy: 'policy',
    Objective: 'objective', AiSystem: 'system', Dataset: 'dataset', Supplier: 'supplier', Risk: 'risk',
    ImpactAssessment: 'impact-assessment', Evidence: 'evidence', OrgControl: 'control',
    Competence: 'competence', Training: 'training', Measurement: 'measurement', AuditProgramme: 'audit-programme',
    Audit: 'audit', Nonconformity: 'nonconformity', ManagementReview: 'management-review',
    Framework: 'framework', FrameworkGroup: 'group', FrameworkRequirement: 'requirement'
};

/** `**risk** \`r-bias\` Unfair declines` */
function headerOf(node: AstNode): string | undefined {
    const keyword = HEADER_KEYWORDS[node.$type];
    const { title } = node as { title?: unknown };
    // A framework's groups and requirements are known by their qualified name (`SOC2:CC6.1`).
    const framework = isFrameworkGroup(node) || isFrameworkRequirement(node) ? frameworkOf(node) : undefined;
    const local = (node as { name?: unknown }).name;
    const name = framework && local !== undefined ? qualifiedName(framework.name, String(local)) : local;
    if (!keyword || typeof name !== 'string') {
        return undefined;
    }
    return `**${keyword}** \`${name}\`${typeof title === 'string' ? ' ' + esc(title) : ''}`;
}

function rating(r: Rating | undefined): string {
    return r ? `likelihood ${r.likelihood} × impact ${r.impact} = ${r.likelihood * r.impact}` : 'not rated';
}

function refName(ref: Reference<AstNode & { name?: unknown }>): string {
    return String(ref.ref?.name ?? ref.$refText);
}

/** Line of each entry per catalog document; catalog documents never change. */
const ENTRY_LINES = new WeakMap<LangiumDocument, Map<string, number>>();

/** The 0-based line of a catalog entry in its document. */
function entryLine(document: LangiumDocument, type: string | undefined, id: string): number | undefined {
    let lines = ENTRY_LINES.get(document);
    if (!lines) {
        lines = new Map();
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            const name = (node as { name?: unknown }).name;
            if (name !== undefined && node.$cstNode) {
                lines.set(`${node.$type}:${String(name)}`, node.$cstNode.range.start.line);
            }
        }
        ENTRY_LINES.set(document, lines);
    }
    return lines.get(`${type}:${id}`);
}

/** Keep titles and free text from being read as Markdown markup. */
function esc(text: string): string {
    return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

function operatorRoleHover(role: string): string | undefined {
    const info = OPERATOR_ROLES[role];
    if (!info) return undefined;
    const definition = info.definition ? `defined in ${info.definition}` : 'which Article 25(3) names without a definition in Article 3';
    return `**${esc(info.title)}** (EU AI Act operator role, ${definition})\n\n${esc(info.summary)}\n\nThe obligations of a system follow from this role and its class (\`aims/eu-obligations-open\`). Not the ISO/IEC 22989 role of \`role\`.`;
}

function iso22989RoleHover(role: string): string | undefined {
    const info = (iso22989Roles.roles as Record<string, { title: string; summary: string }>)[role];
    if (!info) return undefined;
    return `**${esc(info.title)}** (${esc(iso22989Roles.source)})\n\n${esc(info.summary)}\n\nNot an EU AI Act role: declare those per system with \`operator\`.`;
}
