/**
 * Joins the validation domains (`domains/<domain>.ts`) into one set of checks. A new domain is
 * one import and one entry of DOMAINS; its per-document checks get the syntax guard here, and
 * its workspace producers run in workspace-checks.ts.
 */
import { AstUtils, isOperationCancelled, type AstNode, type LangiumDocuments, type ValidationAcceptor, type ValidationCheck, type ValidationChecks } from 'langium';
import type { AimsAstType, Model } from '../language/generated/ast.js';
import type { AimsServices } from '../language/aims-module.js';
import { isCatalogUri } from '../catalog/catalog-document.js';
import { hasSyntaxError, internalErrorMessage, logInternalError, reportInternalError, type Check, type CheckContext, type ChecksSlice, type ValidationDomain, type WorkspaceProducer } from './check-kit.js';
import { RULES } from './rules.js';
import { names } from './domains/names.js';
import { fields } from './domains/fields.js';
import { dates } from './domains/dates.js';
import { soa } from './domains/soa.js';
import { risk } from './domains/risk.js';
import { evidence } from './domains/evidence.js';
import { euAiAct } from './domains/eu-ai-act.js';
import { competence } from './domains/competence.js';
import { monitoring } from './domains/monitoring.js';
import { audit } from './domains/audit.js';
import { improvement } from './domains/improvement.js';
import { managementReview } from './domains/management-review.js';
import { documentedInformation } from './domains/documented-information.js';
import { mapping } from './domains/mapping.js';

/** Every domain, in the order its checks run on a node. */
const DOMAINS: readonly ValidationDomain[] = [
    names, fields, dates, soa, risk, evidence, euAiAct,
    competence, monitoring, audit, improvement, managementReview, documentedInformation, mapping
];

/** The domains built once per language services instance, their checks joined per AST type. */
export class ValidationDomains {
    readonly fast: ChecksSlice;
    readonly slow: ChecksSlice;
    readonly producers: readonly WorkspaceProducer[];

    constructor(services: AimsServices) {
        const context: CheckContext = {
            model: services.aims.Model,
            euAiAct: services.aims.EuAiAct,
            settings: services.aims.Settings,
            evidencePaths: services.aims.EvidencePaths
        };
        const built = DOMAINS.map(domain => domain(context));
        this.fast = join(built.map(d => d.fast));
        this.slow = join(built.map(d => d.slow));
        const documents = services.shared.workspace.LangiumDocuments;
        this.producers = built.flatMap((d, i) => (d.workspace ?? []).map(produce => guardedProducer(produce, `${DOMAINS[i].name} (workspace)`, documents)));
    }
}

export function registerValidationChecks(services: AimsServices): void {
    const registry = services.validation.ValidationRegistry;
    const domains = services.validation.Domains;
    const workspaceChecks = services.aims.WorkspaceChecks;
    const fast = guarded(domains.fast);
    // Each document reports its share of the workspace findings (computed once per change).
    fast.Model = [...fast.Model ?? [], (model, accept) => {
        const document = AstUtils.getDocument(model);
        if (!isCatalogUri(document.uri)) {
            try {
                workspaceChecks.reportFor(document, accept);
            } catch (error) {
                reportInternalError(accept, 'workspace checks', error, model);
            }
        }
    }];
    registry.register(fast as ValidationChecks<AimsAstType>, undefined, 'fast');
    registry.register(guarded(domains.slow) as ValidationChecks<AimsAstType>, undefined, 'slow');
}

/**
 * A workspace check that throws reports one `aims/internal-error` on the first user document
 * instead of failing the build: it has no node of its own.
 */
function guardedProducer(produce: WorkspaceProducer, name: string, documents: LangiumDocuments): WorkspaceProducer {
    return () => {
        try {
            return produce();
        } catch (error) {
            if (isOperationCancelled(error)) {
                throw error;
            }
            logInternalError(name, error);
            const first = documents.all.find(doc => !isCatalogUri(doc.uri));
            return first ? [{ rule: RULES.internalError, node: (first.parseResult.value as Model).elements[0] ?? first.parseResult.value, message: internalErrorMessage(name, error) }] : [];
        }
    };
}

function join(slices: ReadonlyArray<ChecksSlice | undefined>): ChecksSlice {
    const joined: Record<string, Array<Check<AstNode>>> = {};
    for (const slice of slices) {
        for (const [type, checks] of Object.entries(slice ?? {}) as Array<[string, Array<Check<AstNode>>]>) {
            (joined[type] ??= []).push(...checks);
        }
    }
    return joined as ChecksSlice;
}

/**
 * The built-in catalogs are never checked. A declaration with a syntax error inside gets only
 * that syntax error (see hasSyntaxError); checks on the whole Model run regardless, since they
 * look at each declaration's own tokens (dates, fields given twice). A check that throws becomes
 * one `aims/internal-error` on its node (see reportInternalError).
 */
function guarded(slice: ChecksSlice): Record<string, Array<ValidationCheck<AstNode>>> {
    const result: Record<string, Array<ValidationCheck<AstNode>>> = {};
    for (const [type, checks] of Object.entries(slice) as Array<[string, Array<Check<AstNode>>]>) {
        const wholeModel = type === 'Model';
        result[type] = checks.map(check => (node: AstNode, accept: ValidationAcceptor) => {
            if (isCatalogUri(AstUtils.getDocument(node).uri) || (!wholeModel && hasSyntaxError(node))) {
                return;
            }
            const name = check.name || type;
            try {
                const running = check(node, accept);
                return running instanceof Promise ? running.catch(error => reportInternalError(accept, name, error, node)) : running;
            } catch (error) {
                reportInternalError(accept, name, error, node);
            }
        });
    }
    return result;
}
