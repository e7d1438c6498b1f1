/**
 * Checks whose result depends on more than one file: duplicate names, the completeness of the
 * statement of applicability, controls that treat risks, risk ratings against the organisation's
 * scales, impact assessments of high-risk systems.
 *
 * They are computed once per workspace change (a WorkspaceCache) and handed to each document's
 * validation. A document that did not change but whose workspace findings did (you add the last
 * missing SoA entry in another file) is re-validated in a small follow-up build, so diagnostics
 * never go stale without re-validating the whole workspace on every keystroke.
 */
import { AstUtils, DocumentState, WorkspaceCache, type AstNode, type LangiumDocument, type ValidationAcceptor } from 'langium';
import type { AimsServices } from '../language/aims-module.js';
import { catalog } from '../catalog/catalog.js';
import type { AimsModel } from '../model/aims-model.js';
import { isCatalogUri } from '../catalog/catalog-document.js';
import { RULES, type RuleInfo } from './rules.js';
import { report } from './report.js';
import { DeclaredNames } from './declared-names.js';
import { euAiActFindings } from './eu-ai-act-checks.js';

export interface WorkspaceFinding {
    readonly rule: RuleInfo;
    readonly message: string;
    readonly node: AstNode;
    readonly property?: string;
    readonly index?: number;
    readonly keyword?: string;
    readonly data?: Record<string, unknown>;
}

export class WorkspaceChecks {
    private readonly services: AimsServices;
    private readonly model: AimsModel;
    private readonly cache: WorkspaceCache<string, Map<string, WorkspaceFinding[]>>;
    /** What each document's last validation reported, to spot stale documents after a build. */
    private readonly reported = new Map<string, string>();
    private readonly declaredNames: DeclaredNames;

    constructor(services: AimsServices) {
        this.services = services;
        this.model = services.aims.Model;
        this.cache = new WorkspaceCache(services.shared);
        this.declaredNames = new DeclaredNames(this.model);
    }

    /**
     * Re-validate documents whose workspace findings changed although their text did not.
     * The follow-up runs inside the build that changed the findings, with its cancellation token:
     * queueing a separate write would cancel that build's remaining listeners, and any later write
     * (the next keystroke) would cancel the follow-up and leave documents without diagnostics.
     * A cancelled follow-up leaves the documents below Validated, so the next update rebuilds them.
     */
    listen(): void {
        const builder = this.services.shared.workspace.DocumentBuilder;
        builder.onBuildPhase(DocumentState.Validated, async (_documents, token) => {
            const stale = this.staleDocuments();
            if (stale.length > 0) {
                await builder.build(stale, { validation: true }, token);
            }
        });
        builder.onUpdate((_changed, deleted) => {
            for (const uri of deleted) {
                this.reported.delete(uri.toString());
            }
        });
    }

    private staleDocuments(): LangiumDocument[] {
        const findings = this.all();
        return this.model.userDocuments().filter(doc =>
            doc.state === DocumentState.Validated
            && (this.reported.get(doc.uri.toString()) ?? '') !== signature(findings.get(doc.uri.toString()) ?? []));
    }

    /** Called from the per-document validator: report this document's share of the findings. */
    reportFor(document: LangiumDocument, accept: ValidationAcceptor): void {
        if (isCatalogUri(document.uri)) {
            return;
        }
        const key = document.uri.toString();
        const findings = this.all().get(key) ?? [];
        this.reported.set(key, signature(findings));
        for (const f of findings) {
            report(accept, f.rule, f.message, { node: f.node, property: f.property as never, index: f.index, keyword: f.keyword, data: f.data });
        }
    }

    /** All workspace findings, keyed by document URI. */
    all(): Map<string, WorkspaceFinding[]> {
        return this.cache.get('findings', () => {
            const findings: WorkspaceFinding[] = [
                ...this.duplicateNames(),
                ...this.soaCompleteness(),
                ...this.extraOrganisations(),
                ...this.soaDuplicates(),
                ...this.riskTreatments(),
                ...this.ratingsOutOfScale(),
                ...this.highRiskSystems(),
                ...euAiActFindings(this.services.aims.EuAiAct, this.services.aims.Settings.today())
            ];
            const byDocument = new Map<string, WorkspaceFinding[]>();
            for (const f of findings) {
                const key = AstUtils.getDocument(f.node).uri.toString();
                const list = byDocument.get(key);
                if (list) list.push(f);
                else byDocument.set(key, [f]);
            }
            return byDocument;
        });
    }

    private duplicateNames(): WorkspaceFinding[] {
        const findings: WorkspaceFinding[] = [];
        for (const { name, elements } of this.declaredNames.duplicateNames()) {
            for (const element of elements) {
                const others = elements.filter(e => e !== element).map(where).join(', ');
                findings.push({
                    rule: RULES.duplicateName, node: element, property: 'name',
                    message: `'${name}' is declared ${elements.length} times in the workspace (also ${others}); names are global across all .aims files: rename one of them.`
                });
            }
        }
        return findings;
    }

    /** An AIMS describes one organisation; a second one would silently be ignored. */
    private extraOrganisations(): WorkspaceFinding[] {
        const [first, ...others] = this.model.all('Organisation');
        return others.map(org => ({
            rule: RULES.multipleOrganisations, node: org, property: 'name',
            message: `'${org.name}' is a second organisation in this workspace; the AIMS is about '${first.name}' (${where(first)}). Keep one organisation declaration and move its parties and issues there.`
        }));
    }

    private soaCompleteness(): WorkspaceFinding[] {
        const coverage = this.model.soaCoverage();
        if (coverage.missing.length === 0) {
            return [];
        }
        const soa = this.model.all('StatementOfApplicability')[0];
        const organisation = this.model.organisation();
        const host = soa ?? organisation;
        if (!host) {
            // A loose file without organisation or SoA is not a whole AIMS; nothing to complete.
            return [];
        }
        // Titles help with a few gaps; with many, ids alone keep the message readable (the quick fix adds them all).
        const list = coverage.missing.length <= 10
            ? coverage.missing.map(id => `${id} (${catalog.get('annex-a-control', id)?.title})`).join(', ')
            : coverage.missing.join(', ');
        const where = soa ? 'The statement of applicability' : 'This AIMS has no statement of applicability; it';
        return [{
            rule: RULES.soaIncomplete, node: host,
            ...(soa ? { keyword: 'soa' } : { property: 'name' }),
            message: `${where} lacks ${coverage.missing.length} of ${coverage.total} Annex A controls: ${list}. Each needs an entry: applicable, or excluded because "...".`,
            data: { missing: coverage.missing }
        }];
    }

    private soaDuplicates(): WorkspaceFinding[] {
        const findings: WorkspaceFinding[] = [];
        for (const [id, entries] of this.model.soaByControl()) {
            for (const entry of entries.slice(1)) {
                findings.push({
                    rule: RULES.soaDuplicate, node: entry, property: 'control',
                    message: `${id} already has a statement of applicability entry (${where(entries[0])}); keep one entry per control.`
                });
            }
        }
        return findings;
    }

    private riskTreatments(): WorkspaceFinding[] {
        const findings: WorkspaceFinding[] = [];
        // Looked up once: thousands of risk-to-control links are checked on every change.
        const soaByControl = this.model.soaByControl();
        for (const risk of this.model.all('Risk')) {
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
            if (risk.treatment === 'mitigate' && risk.controls.length === 0 && this.model.controlsTreating(risk).length === 0) {
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

    /** Risk ratings against the organisation's scales, which usually live in another file. */
    private ratingsOutOfScale(): WorkspaceFinding[] {
        const organisation = this.model.organisation();
        const findings: WorkspaceFinding[] = [];
        for (const dimension of ['likelihood', 'impact'] as const) {
            const declared = organisation?.[dimension === 'likelihood' ? 'likelihoodScale' : 'impactScale'];
            if (declared && declared.min >= declared.max) {
                // invalid-scale reports the scale itself; measuring ratings against it would only add noise.
                continue;
            }
            const scale = dimension === 'likelihood' ? this.model.likelihoodScale() : this.model.impactScale();
            const against = declared
                ? `the organisation's ${dimension} scale ${scale.min} to ${scale.max} (${where(declared)})`
                : `the default ${dimension} scale ${scale.min} to ${scale.max}`;
            const remedy = declared
                ? 'or widen the scale'
                : `or declare ${dimension} scale <min> to <max> in the organisation`;
            for (const risk of this.model.all('Risk')) {
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

    private highRiskSystems(): WorkspaceFinding[] {
        return this.model.all('AiSystem')
            .filter(system => system.euCategory === 'high' && this.model.assessmentsFor(system).length === 0)
            .map(system => ({
                rule: RULES.highRiskWithoutImpactAssessment, node: system, property: 'euCategory',
                message: `'${system.name}' is high-risk under the EU AI Act but no impact assessment covers it. Add an impact-assessment with system ${system.name} (ISO/IEC 42001 6.1.4 and A.5).`,
                data: { system: system.name }
            }));
    }
}

/** `people.aims:3` for a node: short enough for a message, precise enough to find. */
export function where(node: AstNode): string {
    const document = AstUtils.getDocument(node);
    const line = (node.$cstNode?.range.start.line ?? 0) + 1;
    const path = document.uri.path;
    return `${path.slice(path.lastIndexOf('/') + 1)}:${line}`;
}

function signature(findings: readonly WorkspaceFinding[]): string {
    return findings.map(f => `${f.rule.code}|${f.node.$cstNode?.offset}|${f.property ?? f.keyword}|${f.index ?? ''}|${f.message}`).join('\n');
}

