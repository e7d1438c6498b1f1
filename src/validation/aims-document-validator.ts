/**
 * Turns parse and link errors into AIMS diagnostics with stable codes, explains ids from other
 * standards, offers did-you-mean suggestions, and applies the user's severity overrides.
 */
import { DefaultDocumentValidator, DocumentValidator, type LangiumDocument, type ParseResult, type ValidationOptions, type LinkingError, type ReferenceInfo } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { CancellationToken } from 'vscode-languageserver';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { catalog } from '../catalog/catalog.js';
import { didYouMean } from '../catalog/did-you-mean.js';
import type { AimsSettings } from '../workspace/aims-settings.js';
import type { AimsServices } from '../language/aims-module.js';
import { RULES, ruleByCode, type RuleInfo, type RuleSeverity } from './rules.js';

/** Reference types whose targets live in the built-in catalogs. */
const CATALOG_TYPES: Record<string, string> = {
    Control: 'Annex A or organisation control',
    AnnexCObjective: 'Annex C objective',
    RiskSource: 'Annex C risk source',
    NistSubcategory: 'NIST AI RMF subcategory',
    AnnexIIIArea: 'EU AI Act Annex III point',
    CatalogEntry: 'catalog entry'
};

const USER_TYPES: Record<string, string> = {
    Accountable: 'person or team',
    Person: 'person',
    Team: 'team',
    AiSystem: 'AI system',
    Dataset: 'data set',
    Supplier: 'supplier',
    Risk: 'risk',
    Evidence: 'evidence'
};

/** Data attached to every AIMS diagnostic, read by quick fixes and the CLI. */
export interface AimsDiagnosticData {
    code: string;
    /** Replacement candidates for an unknown id or name, best first. */
    suggestions?: string[];
    [key: string]: unknown;
}

export class AimsDocumentValidator extends DefaultDocumentValidator {
    private readonly settings: AimsSettings;
    private readonly services: AimsServices;

    constructor(services: AimsServices) {
        super(services as unknown as LangiumServices);
        this.services = services;
        this.settings = services.aims.Settings;
    }

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken = CancellationToken.None): Promise<Diagnostic[]> {
        await this.settings.load();
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        return diagnostics.flatMap(d => this.applySeverity(d));
    }

    protected override getSource(): string {
        return 'aims';
    }

    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        super.processLexingErrors(parseResult, diagnostics, options);
        this.markSyntax(diagnostics);
    }

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        super.processParsingErrors(parseResult, diagnostics, options);
        this.markSyntax(diagnostics);
    }

    private markSyntax(diagnostics: Diagnostic[]): void {
        for (const d of diagnostics) {
            const langiumCode = (d.data as { code?: string } | undefined)?.code;
            if (d.code === undefined && (langiumCode === DocumentValidator.LexingError || langiumCode === DocumentValidator.ParsingError)) {
                d.code = RULES.syntaxError.code;
            }
        }
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        for (const reference of document.references) {
            const error = reference.error;
            if (!error || !reference.$refNode) {
                continue;
            }
            const { rule, message, suggestions } = this.describeLinkingError(error);
            diagnostics.push({
                message,
                range: reference.$refNode.range,
                severity: toSeverity(rule.severity),
                code: rule.code,
                source: this.getSource(),
                data: {
                    code: rule.code,
                    suggestions,
                    refText: reference.$refText,
                    containerType: error.info.container.$type,
                    property: error.info.property
                } satisfies AimsDiagnosticData
            });
        }
    }

    private describeLinkingError(error: LinkingError): { rule: RuleInfo; message: string; suggestions: string[] } {
        const refText = error.info.reference.$refText;
        const referenceType = this.services.shared.AstReflection.getReferenceType(error.info);
        const candidates = this.candidateNames(error.info);
        const suggestions = didYouMean(refText, candidates);
        const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map(s => `'${s}'`).join(' or ')}?` : '';
        const catalogLabel = CATALOG_TYPES[referenceType];
        if (catalogLabel) {
            const foreign = referenceType === 'Control' || referenceType === 'CatalogEntry' ? catalog.explainForeignId(refText) : undefined;
            if (foreign) {
                return { rule: RULES.foreignCatalogId, message: foreign, suggestions: [] };
            }
            const malformed = !/^([A-Z][A-Z0-9]*(\.\d+)+|\d+(\.\d+)*|(GOVERN|MAP|MEASURE|MANAGE) \d+\.\d+|Article \d+)$/.test(refText);
            const what = malformed ? `'${refText}' is not a well-formed ${catalogLabel} id` : `Unknown ${catalogLabel} '${refText}'`;
            return { rule: RULES.unknownCatalogId, message: `${what}.${hint}`, suggestions };
        }
        const label = USER_TYPES[referenceType] ?? referenceType;
        return {
            rule: RULES.unresolvedReference,
            message: `No ${label} named '${refText}' is declared in the workspace.${hint}`,
            suggestions
        };
    }

    private candidateNames(info: ReferenceInfo): string[] {
        try {
            return this.services.references.ScopeProvider.getScope(info).getAllElements().map(d => d.name).distinct().toArray();
        } catch {
            return [];
        }
    }

    private applySeverity(diagnostic: Diagnostic): Diagnostic[] {
        const code = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
        const rule = code ? ruleByCode(code) : undefined;
        if (!code || !rule) {
            return [diagnostic];
        }
        const severity = this.settings.severityFor(code, rule.severity);
        if (severity === 'off') {
            return [];
        }
        diagnostic.severity = toSeverity(severity);
        return [diagnostic];
    }
}

export function toSeverity(severity: RuleSeverity): DiagnosticSeverity {
    switch (severity) {
        case 'error': return DiagnosticSeverity.Error;
        case 'warning': return DiagnosticSeverity.Warning;
        case 'info': return DiagnosticSeverity.Information;
        case 'hint': return DiagnosticSeverity.Hint;
    }
}
