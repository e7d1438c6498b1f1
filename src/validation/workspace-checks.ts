/**
 * Findings whose result depends on more than one file (duplicate names, the completeness of the
 * statement of applicability, controls that treat risks, ...). The domains of `domains/` produce
 * them (their `workspace` producers); this service only caches, distributes and follows up.
 *
 * They are computed once per workspace change (a WorkspaceCache) and handed to each document's
 * validation. A document that did not change but whose workspace findings did (you add the last
 * missing SoA entry in another file) is re-validated in a small follow-up build, so diagnostics
 * never go stale without re-validating the whole workspace on every keystroke.
 */
import { AstUtils, DocumentState, WorkspaceCache, type LangiumDocument, type ValidationAcceptor } from 'langium';
import type { AimsServices } from '../language/aims-module.js';
import type { AimsModel } from '../model/aims-model.js';
import { isCatalogUri } from '../catalog/catalog-document.js';
import { report, type WorkspaceFinding } from './check-kit.js';

export class WorkspaceChecks {
    private readonly services: AimsServices;
    private readonly model: AimsModel;
    private readonly cache: WorkspaceCache<string, Map<string, WorkspaceFinding[]>>;
    /** What each document's last validation reported, to spot stale documents after a build. */
    private readonly reported = new Map<string, string>();

    constructor(services: AimsServices) {
        this.services = services;
        this.model = services.aims.Model;
        this.cache = new WorkspaceCache(services.shared);
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
            const findings = this.services.validation.Domains.producers.flatMap(produce => produce());
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
}

function signature(findings: readonly WorkspaceFinding[]): string {
    return findings.map(f => `${f.rule.code}|${f.node.$cstNode?.offset}|${f.property ?? f.keyword}|${f.index ?? ''}|${f.message}`).join('\n');
}

