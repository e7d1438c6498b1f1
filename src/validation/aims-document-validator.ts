/**
 * Turns parse and link errors into AIMS diagnostics with stable codes, explains ids from other
 * standards, offers did-you-mean suggestions, and applies the user's severity overrides.
 */
import { DefaultDocumentValidator, DocumentValidator, type LangiumDocument, type ParseResult, type ValidationOptions, type LinkingError, type ReferenceInfo } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { CancellationToken } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver-types';
import { catalog, ISO27001_PREFIX, type CatalogEntryKind, type CatalogItem } from '../catalog/catalog.js';
import { didYouMean, sameShape } from '../catalog/did-you-mean.js';
import type { AimsSettings } from '../workspace/aims-settings.js';
import type { AimsServices } from '../language/aims-module.js';
import { RULES, ruleAnchor, ruleByCode, toSeverity, type RuleInfo } from './rules.js';
import { SyntaxErrorMessages } from './syntax-error-messages.js';
import { PARSER_GAVE_UP } from '../parser/aims-parser.js';

/** Langium's categories: syntax and linking (`built-in`), then the registered `fast` and `slow` checks. */
const ALL_VALIDATION_CATEGORIES = ['built-in', 'fast', 'slow'];

/** Reference types whose targets live in the built-in catalogs. */
const CATALOG_TYPES: Record<string, string> = {
    Control: 'Annex A or organisation control',
    AnnexCObjective: 'Annex C objective',
    RiskSource: 'Annex C risk source',
    NistSubcategory: 'NIST AI RMF subcategory',
    AnnexIIIEntry: 'EU AI Act Annex III point or sub-point',
    AnnexILegislation: 'EU AI Act Annex I item',
    EuProvision: 'EU AI Act paragraph or point',
    EuReference: 'EU AI Act article, paragraph or point',
    CatalogEntry: 'catalog entry',
    Referable: 'catalog entry',
    MappingEnd: 'catalog entry, framework requirement or organisation control'
};

const ANY_ENTRY_KINDS: readonly CatalogEntryKind[] = ['annex-a-group', 'annex-a-control', 'clause', 'annex-c-objective', 'risk-source', 'nist-subcategory', 'eu-article', 'eu-provision', 'iso27001-theme', 'iso27001-control'];

/** The catalog entry kinds each catalog reference type accepts. */
const ACCEPTED_KINDS: Record<string, readonly CatalogEntryKind[]> = {
    Control: ['annex-a-control', 'iso27001-control'],
    AnnexCObjective: ['annex-c-objective'],
    RiskSource: ['risk-source'],
    NistSubcategory: ['nist-subcategory'],
    AnnexIIIEntry: ['annex-iii-area', 'annex-iii-subpoint'],
    AnnexILegislation: ['annex-i-item'],
    EuProvision: ['eu-provision'],
    EuReference: ['eu-article', 'eu-provision'],
    CatalogEntry: ANY_ENTRY_KINDS,
    Referable: ANY_ENTRY_KINDS,
    MappingEnd: ANY_ENTRY_KINDS
};

/** What an id is, for "'C.2.5' is an Annex C objective, not ...". */
const KIND_LABELS: Record<CatalogEntryKind, string> = {
    'annex-a-group': 'an Annex A objective (a group of controls)',
    'annex-a-control': 'an Annex A control',
    'clause': 'a clause of ISO/IEC 42001',
    'annex-c-section': 'a section heading of Annex C',
    'annex-c-objective': 'an Annex C objective',
    'risk-source': 'an Annex C risk source',
    'nist-function': 'a NIST AI RMF function',
    'nist-category': 'a NIST AI RMF category',
    'nist-subcategory': 'a NIST AI RMF subcategory',
    'eu-chapter': 'a chapter of the EU AI Act',
    'eu-article': 'an EU AI Act article',
    'eu-provision': 'a paragraph or point of an EU AI Act article',
    'annex-iii-area': 'an EU AI Act Annex III point',
    'annex-iii-subpoint': 'an EU AI Act Annex III sub-point',
    'annex-i-item': 'an item of EU AI Act Annex I (Union harmonisation legislation)',
    'iso27001-theme': 'an ISO/IEC 27001 Annex A theme',
    'iso27001-control': 'an ISO/IEC 27001 Annex A control'
};

const USER_TYPES: Record<string, string> = {
    Accountable: 'person or team',
    Person: 'person',
    Team: 'team',
    AiSystem: 'AI system',
    Dataset: 'data set',
    Supplier: 'supplier',
    Risk: 'risk',
    Evidence: 'evidence',
    Objective: 'objective',
    Competence: 'competence',
    Measurement: 'measurement',
    AuditProgramme: 'audit programme',
    Audit: 'audit',
    Nonconformity: 'nonconformity'
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
    private readonly syntaxMessages: SyntaxErrorMessages;

    constructor(services: AimsServices) {
        super(services as unknown as LangiumServices);
        this.services = services;
        this.settings = services.aims.Settings;
        this.syntaxMessages = new SyntaxErrorMessages(services.Grammar);
    }

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken = CancellationToken.None): Promise<Diagnostic[]> {
        await this.settings.load();
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        // Severities first, so a rule switched off has nothing left to suppress.
        const categories = options.categories ?? ALL_VALIDATION_CATEGORIES;
        return this.services.aims.Suppressions.apply(document, diagnostics.flatMap(d => this.applySeverity(d)), categories)
            .flatMap(d => this.applySeverity(d));
    }

    /**
     * No source: the code (`aims/evidence-expiring`) already names the tool, and clients show
     * `source(code)`, which would read `aims(aims/evidence-expiring)`.
     */
    protected override getSource(): string | undefined {
        return undefined;
    }

    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const first = diagnostics.length;
        super.processLexingErrors(parseResult, diagnostics, options);
        // Langium adds one diagnostic per lexer error, in this order.
        const errors = [...parseResult.lexerErrors, ...parseResult.lexerReport?.diagnostics ?? []];
        const text = parseResult.value.$cstNode?.root.fullText ?? '';
        diagnostics.slice(first).forEach((d, i) => {
            if (errors[i]) {
                d.message = this.syntaxMessages.lexerError(errors[i], text);
            }
        });
        this.markSyntax(diagnostics);
    }

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        // Same errors and ranges as Langium's, in words an author can act on.
        const text = parseResult.value.$cstNode?.root.fullText ?? '';
        const parserErrors = parseResult.parserErrors.map(error =>
            Object.assign(Object.create(Object.getPrototypeOf(error) as object) as typeof error, error, { message: this.syntaxMessages.parserError(error, text) }));
        super.processParsingErrors({ ...parseResult, parserErrors }, diagnostics, options);
        this.markSyntax(diagnostics);
        this.reportUnclosedText(parseResult, text, diagnostics);
    }

    /**
     * A text without its closing quote swallows the lines up to the next quote; the parser then
     * fails lines further down, where the quotes pair up wrongly. Report it at its opening quote,
     * and let the errors after it say where they probably come from.
     */
    private reportUnclosedText(parseResult: ParseResult, text: string, diagnostics: Diagnostic[]): void {
        const errorOffsets = [
            ...parseResult.parserErrors.map(e => (Number.isFinite(e.token.startOffset) ? e.token.startOffset : text.length)),
            ...parseResult.lexerErrors.map(e => e.offset)
        ];
        // A file the parser did not read (too large, or given up on) is not lexed again either.
        if (errorOffsets.length === 0 || parseResult.parserErrors.some(e => e.name === PARSER_GAVE_UP)) {
            return;
        }
        // The parse result keeps no tokens; lexing again costs little, and only files with errors pay.
        const unclosed = this.syntaxMessages.unclosedText(this.services.parser.Lexer.tokenize(text).tokens, errorOffsets);
        if (!unclosed) {
            return;
        }
        const start = { line: unclosed.line - 1, character: unclosed.character };
        const after = (d: Diagnostic) => d.range.start.line > start.line || (d.range.start.line === start.line && d.range.start.character > start.character);
        const consequences = diagnostics.filter(d => d.code === RULES.syntaxError.code && after(d));
        for (const d of consequences) {
            if (typeof d.message === 'string') {
                d.message += this.syntaxMessages.followsFromUnclosedText(unclosed);
            }
        }
        const at = consequences.length > 0 ? diagnostics.indexOf(consequences[0]) : diagnostics.length;
        diagnostics.splice(at, 0, {
            message: this.syntaxMessages.unclosedTextError(unclosed),
            range: { start, end: { line: start.line, character: start.character + 1 } },
            severity: toSeverity(RULES.syntaxError.severity),
            code: RULES.syntaxError.code,
            source: this.getSource(),
            data: { code: DocumentValidator.ParsingError }
        });
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
        // `supports`, audit scopes and mappings take any catalog entry; their label follows the id's shape.
        const anyEntry = referenceType === 'CatalogEntry' || referenceType === 'Referable' || referenceType === 'MappingEnd';
        const catalogLabel = anyEntry ? catalogLabelByShape(refText) : CATALOG_TYPES[referenceType];
        if (catalogLabel) {
            const foreign = referenceType === 'Control' || anyEntry ? catalog.explainForeignId(refText, anyEntry || referenceType === 'Control') : undefined;
            if (foreign) {
                return { rule: RULES.foreignCatalogId, message: foreign, suggestions: [] };
            }
            if (referenceType === 'AnnexIIIEntry') {
                return unknownAnnexIIIEntry(refText);
            }
            if (anyEntry && refText.includes(':')) {
                const frameworks = this.services.shared.workspace.IndexManager.allElements('Framework').map(d => d.name).toArray();
                return unknownNamespacedId(refText, suggestions, frameworks);
            }
            if (referenceType === 'AnnexILegislation') {
                const items = catalog.ofKind('annex-i-item');
                return {
                    rule: RULES.unknownCatalogId, suggestions: [],
                    message: `EU AI Act Annex I has no item '${refText}': it lists Union harmonisation legislation as items ${items[0].id} to ${items[items.length - 1].id} (Section A 1 to 12, Section B 13 to 20; completion lists them).`
                };
            }
            const other = catalog.find(refText);
            if (other && !ACCEPTED_KINDS[referenceType]?.includes(other.kind)) {
                return wrongKind(refText, other, CATALOG_TYPES[referenceType], ACCEPTED_KINDS[referenceType] ?? []);
            }
            const heading = referenceType === 'Control' || anyEntry ? catalog.annexAHeading(refText) : undefined;
            if (heading) {
                return headingNotControl(heading, CATALOG_TYPES[referenceType], anyEntry);
            }
            if ((referenceType === 'CatalogEntry' || referenceType === 'Referable') && this.services.shared.workspace.IndexManager.allElements('OrgControl').some(d => d.name === refText)) {
                return {
                    rule: RULES.unknownCatalogId, suggestions: [],
                    message: `'${refText}' is an organisation control; supports lists catalog entries only. Link this evidence to the control from its statement of applicability entry instead: control ${refText} applicable { evidence <name> }.`
                };
            }
            if (suggestions.length > 0 && sameShape(refText, suggestions[0])) {
                return {
                    rule: RULES.unknownCatalogId, suggestions,
                    message: `'${refText}' is not written the way the catalog writes ${catalogLabel} ids (capital letters, dots between the numbers).${hint}`
                };
            }
            const malformed = !/^([A-Z][A-Z0-9]*(\.\d+)+|\d+(\.\d+)*|(GOVERN|MAP|MEASURE|MANAGE) \d+\.\d+|Article \d+(\([0-9a-z]+\))*|27001:A\.\d+(\.\d+)?)$/.test(refText);
            const what = malformed ? `'${refText}' is not a well-formed ${catalogLabel} id` : `Unknown ${catalogLabel} '${refText}'`;
            const help = hint || ` Use an id from the catalog (completion lists them)${referenceType === 'Control' ? ', or declare an organisation control with a prefix of your own' : ''}.`;
            return { rule: RULES.unknownCatalogId, message: `${what}.${help}`, suggestions };
        }
        const label = USER_TYPES[referenceType] ?? referenceType;
        return {
            rule: RULES.unresolvedReference,
            message: `No ${label} named '${refText}' is declared in the workspace.${hint || ' Declare it in any .aims file of the workspace, or correct the name.'}`,
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
        const documentation = this.settings.values.rulesDocumentation;
        if (documentation) {
            diagnostic.codeDescription = { href: `${documentation.replace(/#.*$/, '')}#${ruleAnchor(code)}` };
        }
        return [diagnostic];
    }
}

/** `27001:A.5.99`, `SOC2:CC6.1` with no such framework: say which namespaced ids exist. */
function unknownNamespacedId(refText: string, suggestions: string[], frameworks: readonly string[]): { rule: RuleInfo; message: string; suggestions: string[] } {
    const prefix = refText.slice(0, refText.indexOf(':') + 1);
    const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map(s => `'${s}'`).join(' or ')}?` : '';
    if (prefix === ISO27001_PREFIX) {
        const ranges = catalog.ofKind('iso27001-theme').map(theme => {
            const controls = catalog.items.filter(i => i.parent === theme.id);
            return `${controls[0].id.slice(prefix.length)} to ${controls[controls.length - 1].id.slice(prefix.length)}`;
        });
        return {
            rule: RULES.unknownCatalogId, suggestions,
            message: `ISO/IEC 27001:2022 Annex A has no control '${refText.slice(prefix.length)}': its controls are ${ranges.join(', ')}.${hint}`
        };
    }
    const framework = prefix.slice(0, -1);
    if (frameworks.includes(framework)) {
        const own = suggestions.filter(s => s.startsWith(prefix));
        return {
            rule: RULES.unknownCatalogId, suggestions: own,
            message: `Framework '${framework}' has no requirement or group '${refText.slice(prefix.length)}'.${own.length > 0 ? ` Did you mean ${own.map(s => `'${s}'`).join(' or ')}?` : ' Declare it in the framework, or correct the id.'}`
        };
    }
    return {
        rule: RULES.unknownCatalogId, suggestions,
        message: `'${refText}' names the catalog '${framework}', which is neither built in (ISO/IEC 27001 Annex A is ${ISO27001_PREFIX}A.x.y) nor a framework declared in the workspace (framework ${framework} "..." { requirement ... }).${hint}`
    };
}

/** `annex-iii 5(e)`, `annex-iii 9`: name the points and sub-points that exist. */
function unknownAnnexIIIEntry(refText: string): { rule: RuleInfo; message: string; suggestions: string[] } {
    const points = catalog.ofKind('annex-iii-area').map(a => a.id);
    const point = /^(\d+)\(/.exec(refText)?.[1];
    const subpoints = point ? catalog.ofKind('annex-iii-subpoint').filter(s => s.parent === point).map(s => s.id) : [];
    if (point && points.includes(point)) {
        const area = catalog.get('annex-iii-area', point)!;
        return {
            rule: RULES.unknownCatalogId, suggestions: subpoints,
            message: subpoints.length > 0
                ? `EU AI Act Annex III point ${point} (${area.title}) has no sub-point '${refText}': its sub-points are ${subpoints.join(', ')}.`
                : `EU AI Act Annex III point ${point} (${area.title}) has no lettered sub-points: write annex-iii ${point}.`
        };
    }
    return {
        rule: RULES.unknownCatalogId, suggestions: [],
        message: `EU AI Act Annex III has no point '${refText}': its high-risk areas are points ${points[0]} to ${points[points.length - 1]}, most with lettered sub-points such as 5(b) (completion lists them with their titles).`
    };
}

/** " Use an Annex C objective (C.2.1 to C.2.11)." for a reference that accepts one kind of entry. */
function acceptedHint(accepted: readonly CatalogEntryKind[]): string {
    // A control reference takes either Annex A; name the 42001 one, which is what is usually meant.
    const kind = accepted.includes('annex-a-control') ? 'annex-a-control' : accepted.length === 1 ? accepted[0] : undefined;
    if (!kind) {
        return '';
    }
    const ids = catalog.ofKind(kind).map(item => item.id);
    const what = KIND_LABELS[kind];
    const others = kind === 'annex-a-control' ? ' or an organisation control of your own' : '';
    return ` Use ${what} (${ids[0]} to ${ids[ids.length - 1]})${others}.`;
}

/** What a `supports` id looks like it means, so that the message names the right catalog. */
function catalogLabelByShape(id: string): string {
    if (/^(GOVERN|MAP|MEASURE|MANAGE)\s/.test(id)) return 'NIST AI RMF subcategory';
    if (/^Article\s/.test(id)) return 'EU AI Act article';
    if (/^\d/.test(id)) return 'ISO/IEC 42001 clause';
    if (/^A\./.test(id)) return 'Annex A control';
    if (/^C\./.test(id)) return 'Annex C entry';
    if (id.startsWith(ISO27001_PREFIX)) return 'ISO/IEC 27001 Annex A control';
    return 'catalog entry';
}

/** An id that exists, but in another catalog or at another level than the reference accepts. */
function wrongKind(id: string, item: CatalogItem, expected: string, accepted: readonly CatalogEntryKind[]): { rule: RuleInfo; message: string; suggestions: string[] } {
    const children = catalog.items.filter(child => child.parent === item.id && child.kind !== 'annex-iii-area' && child.kind !== 'annex-iii-subpoint').map(child => child.id);
    const article = /^[aeiou]/i.test(expected) ? 'an' : 'a';
    const pick = children.length > 0 ? ` Name one of its ${item.kind === 'annex-a-group' ? 'controls' : 'entries'}: ${children.join(', ')}.` : acceptedHint(accepted);
    return {
        rule: RULES.unknownCatalogId,
        message: `'${id}' (${item.title}) is ${KIND_LABELS[item.kind]}, not ${article} ${expected}.${pick}`,
        suggestions: children
    };
}

/**
 * A.6.1 or A.6.2: a heading under objective A.6 that groups controls like an objective does, but
 * is no catalog entry. Name its controls, and (where groups are accepted) the objective itself.
 */
function headingNotControl(heading: NonNullable<ReturnType<typeof catalog.annexAHeading>>, expected: string, objectiveAccepted: boolean): { rule: RuleInfo; message: string; suggestions: string[] } {
    const controls = heading.controls.map(c => c.id);
    const article = /^[aeiou]/i.test(expected) ? 'an' : 'a';
    const pick = objectiveAccepted ? `${controls.join(', ')}, or the objective ${heading.objective.id}` : controls.join(', ');
    const control = catalog.iso27001Control(heading.id);
    // Authors who know ISO/IEC 27001 may have meant its control with the same id.
    const foreign = control ? ` (ISO/IEC 27001:2022 uses '${heading.id}' for one of its ${catalog.iso27001Theme(heading.id)}, ${control.title}: write ${control.id} to mean it.)` : '';
    return {
        rule: RULES.unknownCatalogId,
        message: `'${heading.id}' is an ISO/IEC 42001 objective heading under ${heading.objective.id} (${heading.objective.title}), not ${article} ${expected}. Name one of its controls: ${pick}.${foreign}`,
        suggestions: objectiveAccepted ? [...controls, heading.objective.id] : controls
    };
}
