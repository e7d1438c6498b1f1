/**
 * Code lenses: one line of context above the declarations where it helps most.
 *
 * - SoA entry: `treats 2 risks · evidence 1 (fresh) · NIST: GOVERN 1.2, MAP 3.4 …`
 * - risk: `inherent 20 → residual 8 · mitigate with 2 controls` (or `untreated`)
 * - AI system: `3 open findings (1 error, 2 warnings)`
 * - SoA entries also get `1 open nonconformity · last audited 2026-09-18` once audits or
 *   nonconformities name the control; an audit `3 findings (1 nonconformity) · 1 still open`;
 *   a nonconformity `open · 1 of 2 actions done` or `closed 2026-10-30 · effectiveness reviewed`.
 *
 * Lenses only display; their command id is '' (VS Code draws a lens without a command id as
 * plain text), because no standard LSP command could act on them in every client.
 * Every number comes from AimsModel, the catalog or the document's diagnostics, so a lens never
 * disagrees with the Problems view or the reports.
 */
import { DocumentState, type AstNode, type LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import { CodeLensRefreshRequest, DiagnosticSeverity, type CodeLens, type CodeLensParams, type Range } from 'vscode-languageserver';
import {
    isAiSystem, isAudit, isModel, isNonconformity, isOrgControl, isRisk, isStatementOfApplicability,
    type AiSystem, type Audit, type ControlApplication, type Evidence, type Nonconformity, type Risk
} from '../language/generated/ast.js';
import type { AimsServices } from '../language/aims-module.js';
import { isCatalogUri } from '../catalog/catalog-document.js';
import { catalog } from '../catalog/catalog.js';
import { controlIdOf, type AimsModel, type Freshness } from '../model/aims-model.js';
import type { AimsSettings } from '../workspace/aims-settings.js';

/** How many NIST subcategories a lens names before it abbreviates. */
const NIST_SHOWN = 4;
const FRESHNESS_ORDER: readonly Freshness[] = ['fresh', 'expiring', 'expired', 'undated'];

export class AimsCodeLensProvider implements CodeLensProvider {
    private readonly model: AimsModel;
    private readonly settings: AimsSettings;

    constructor(services: AimsServices) {
        this.model = services.aims.Model;
        this.settings = services.aims.Settings;
        this.refreshAfterValidation(services);
    }

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): CodeLens[] {
        const root = document.parseResult.value;
        if (isCatalogUri(document.uri) || !isModel(root)) {
            return [];
        }
        const lenses: CodeLens[] = [];
        for (const element of root.elements) {
            if (isStatementOfApplicability(element)) {
                lenses.push(...element.entries.map(entry => lens(entry, this.soaEntryTitle(entry))));
            } else if (isRisk(element)) {
                lenses.push(lens(element, this.riskTitle(element)));
            } else if (isAiSystem(element)) {
                lenses.push(lens(element, this.systemTitle(element, document)));
            } else if (isAudit(element)) {
                lenses.push(lens(element, auditTitle(element)));
            } else if (isNonconformity(element)) {
                lenses.push(lens(element, nonconformityTitle(element)));
            }
        }
        return lenses.filter(l => l.range.start.line >= 0);
    }

    soaEntryTitle(entry: ControlApplication): string {
        const id = controlIdOf(entry);
        const risks = this.model.risksTreatedBy(id).length;
        const parts = [`treats ${count(risks, 'risk')}`, this.evidenceSummary(this.model.evidenceFor(id))];
        // What the control does for NIST AI RMF coverage once implemented (src/model/mappings.ts).
        const coverage = this.model.nistCoverage();
        const covers = coverage.filter(c => c.coveredBy.some(chain => chain.control === id)).map(c => c.subcategory);
        const partly = coverage.filter(c => c.partlyBy.some(chain => chain.control === id)).map(c => c.subcategory);
        const control = entry.control?.ref;
        const nist = isOrgControl(control) ? control.nist.map(ref => ref.$refText) : catalog.nistFor(id);
        const list = (ids: readonly string[]) => `${ids.slice(0, NIST_SHOWN).join(', ')}${ids.length > NIST_SHOWN ? ' …' : ''}`;
        if (covers.length + partly.length > 0) {
            parts.push(`NIST: ${[covers.length > 0 ? `covers ${list(covers)}` : '', partly.length > 0 ? `partly ${list(partly)}` : ''].filter(Boolean).join('; ')}`);
        } else if (nist.length > 0) {
            parts.push(`NIST: ${nist.slice(0, NIST_SHOWN).join(', ')}${nist.length > NIST_SHOWN ? ' …' : ''}`);
        }
        const open = this.model.openNonconformitiesAbout(id).length;
        if (open > 0) {
            parts.push(count(open, 'open nonconformity').replace('nonconformitys', 'nonconformities'));
        }
        const audit = this.model.lastAuditOf(id);
        if (audit) {
            parts.push(`last audited ${audit.conductedUntil ?? audit.conducted}`);
        }
        return parts.join(' · ');
    }

    riskTitle(risk: Risk): string {
        const inherent = risk.inherent ? risk.inherent.likelihood * risk.inherent.impact : undefined;
        const residual = risk.residual ? risk.residual.likelihood * risk.residual.impact : undefined;
        const rating = inherent !== undefined && residual !== undefined ? `inherent ${inherent} → residual ${residual}`
            : inherent !== undefined ? `inherent ${inherent}`
            : residual !== undefined ? `residual ${residual}`
            : 'not rated';
        const controls = this.model.controlsTreating(risk).length;
        const treatment = !risk.treatment ? 'untreated'
            : controls > 0 ? `${risk.treatment} with ${count(controls, 'control')}`
            : risk.treatment;
        return `${rating} · ${treatment}`;
    }

    /**
     * Diagnostics of this document inside the system's declaration. Workspace-level findings about
     * a system (no impact assessment, duplicate name) are reported on the system itself, so they
     * are among them.
     */
    systemTitle(system: AiSystem, document: LangiumDocument): string {
        const range = system.$cstNode?.range;
        const findings = (document.diagnostics ?? []).filter(d =>
            range && d.severity !== DiagnosticSeverity.Hint && contains(range, d.range));
        if (findings.length === 0) {
            return 'no open findings';
        }
        const bySeverity = [
            [DiagnosticSeverity.Error, 'error'], [DiagnosticSeverity.Warning, 'warning'], [DiagnosticSeverity.Information, 'info']
        ] as const;
        const breakdown = bySeverity
            .map(([severity, word]) => [findings.filter(d => (d.severity ?? DiagnosticSeverity.Error) === severity).length, word] as const)
            .filter(([n]) => n > 0)
            .map(([n, word]) => word === 'info' ? `${n} info` : count(n, word));
        return `${count(findings.length, 'open finding')} (${breakdown.join(', ')})`;
    }

    private evidenceSummary(evidence: Evidence[]): string {
        if (evidence.length === 0) {
            return 'no evidence';
        }
        const values = this.settings.values;
        const today = this.settings.today();
        const states = evidence.map(e => this.model.freshness(e, today, values.evidenceExpiryWindowDays));
        const present = FRESHNESS_ORDER.filter(f => states.includes(f));
        const detail = present.length === 1
            ? present[0]
            : present.map(f => `${states.filter(s => s === f).length} ${f}`).join(', ');
        return `evidence ${evidence.length} (${detail})`;
    }

    /**
     * Lenses that count diagnostics are computed before validation has finished; ask the client
     * to fetch them again once it has (if it supports `workspace/codeLens/refresh`).
     */
    private refreshAfterValidation(services: AimsServices): void {
        const shared = services.shared;
        let supported = false;
        shared.lsp.LanguageServer.onInitialize(params => {
            supported = params.capabilities.workspace?.codeLens?.refreshSupport === true;
        });
        shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
            const connection = shared.lsp.Connection;
            if (supported && connection) {
                connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
            }
        });
    }
}

function auditTitle(audit: Audit): string {
    const findings = audit.findings.length;
    const nonconformities = audit.findings.filter(f => f.kind?.endsWith('-nonconformity'));
    const open = nonconformities.filter(f => !f.nonconformity?.ref?.closed).length;
    const when = audit.conducted ? `conducted ${audit.conductedUntil ?? audit.conducted}` : audit.planned ? `planned ${audit.planned}` : 'no date';
    const detail = nonconformities.length > 0 ? ` (${nonconformities.length} nonconformit${nonconformities.length === 1 ? 'y' : 'ies'}, ${open} still open)` : '';
    return `${when} · ${count(findings, 'finding')}${detail}`;
}

function nonconformityTitle(nc: Nonconformity): string {
    const done = nc.actions.filter(a => a.done).length;
    if (nc.closed) {
        return `closed ${nc.closed} · ${nc.effectivenessReviewed ? `effectiveness reviewed ${nc.effectivenessReviewed}` : 'effectiveness not reviewed'}`;
    }
    const actions = nc.actions.length === 0 ? 'no corrective actions yet' : `${done} of ${count(nc.actions.length, 'action')} done`;
    return `open${nc.raised ? ` since ${nc.raised}` : ''} · ${actions}`;
}

function lens(node: AstNode, title: string): CodeLens {
    const start = node.$cstNode?.range.start ?? { line: -1, character: 0 };
    return { range: { start, end: start }, command: { title, command: '' } };
}

function count(n: number, word: string): string {
    return n === 0 ? `no ${word}s` : `${n} ${word}${n === 1 ? '' : 's'}`;
}

function contains(outer: Range, inner: Range): boolean {
    const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    return before(outer.start, inner.start) && before(inner.end, outer.end);
}
