/**
 * Icons for AIMS declarations in the outline, workspace symbols and completion lists. LSP has
 * no "person" or "risk" kinds, so each type gets the closest generic kind, used consistently.
 */
import { isAstNodeDescription, type AstNode, type AstNodeDescription } from 'langium';
import type { NodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';

const SYMBOL_KINDS: Record<string, SymbolKind> = {
    Organisation: SymbolKind.Namespace,
    InterestedParty: SymbolKind.Property,
    Person: SymbolKind.Object,
    Team: SymbolKind.Struct,
    Policy: SymbolKind.Interface,
    Objective: SymbolKind.Constant,
    AiSystem: SymbolKind.Class,
    GpaiModel: SymbolKind.Class,
    Dataset: SymbolKind.Array,
    Supplier: SymbolKind.Package,
    Risk: SymbolKind.Event,
    ImpactAssessment: SymbolKind.Function,
    StatementOfApplicability: SymbolKind.Module,
    ControlApplication: SymbolKind.EnumMember,
    Evidence: SymbolKind.File,
    OrgControl: SymbolKind.EnumMember,
    Competence: SymbolKind.Interface,
    Training: SymbolKind.Key,
    Measurement: SymbolKind.Number,
    AuditProgramme: SymbolKind.Module,
    Audit: SymbolKind.Event,
    AuditFinding: SymbolKind.Property,
    Nonconformity: SymbolKind.Event,
    ManagementReview: SymbolKind.Method,
    Catalog: SymbolKind.Module,
    AnnexAGroup: SymbolKind.Namespace,
    AnnexAControl: SymbolKind.EnumMember,
    Clause: SymbolKind.Constant,
    AnnexCObjective: SymbolKind.Constant,
    RiskSource: SymbolKind.Constant,
    NistSubcategory: SymbolKind.Constant,
    EuArticle: SymbolKind.Constant,
    EuProvision: SymbolKind.Constant,
    AnnexIIIArea: SymbolKind.Constant,
    AnnexIIISubpoint: SymbolKind.Constant,
    AnnexILegislation: SymbolKind.Constant,
    Iso27001Theme: SymbolKind.Namespace,
    Iso27001Control: SymbolKind.EnumMember,
    Mapping: SymbolKind.Operator,
    Framework: SymbolKind.Module,
    FrameworkGroup: SymbolKind.Namespace,
    FrameworkRequirement: SymbolKind.EnumMember
};

const COMPLETION_KINDS: Record<string, CompletionItemKind> = {
    Organisation: CompletionItemKind.Module,
    InterestedParty: CompletionItemKind.Property,
    Person: CompletionItemKind.Variable,
    Team: CompletionItemKind.Struct,
    Policy: CompletionItemKind.Interface,
    Objective: CompletionItemKind.Constant,
    AiSystem: CompletionItemKind.Class,
    GpaiModel: CompletionItemKind.Class,
    Dataset: CompletionItemKind.Value,
    Supplier: CompletionItemKind.Module,
    Risk: CompletionItemKind.Event,
    ImpactAssessment: CompletionItemKind.Function,
    Evidence: CompletionItemKind.File,
    OrgControl: CompletionItemKind.EnumMember,
    Competence: CompletionItemKind.Interface,
    Training: CompletionItemKind.Reference,
    Measurement: CompletionItemKind.Value,
    AuditProgramme: CompletionItemKind.Module,
    Audit: CompletionItemKind.Event,
    Nonconformity: CompletionItemKind.Event,
    ManagementReview: CompletionItemKind.Method,
    AnnexAGroup: CompletionItemKind.Folder,
    AnnexAControl: CompletionItemKind.EnumMember,
    Clause: CompletionItemKind.Constant,
    AnnexCObjective: CompletionItemKind.Constant,
    RiskSource: CompletionItemKind.Constant,
    NistSubcategory: CompletionItemKind.Constant,
    EuArticle: CompletionItemKind.Constant,
    EuProvision: CompletionItemKind.Constant,
    AnnexIIIArea: CompletionItemKind.Constant,
    AnnexIIISubpoint: CompletionItemKind.Constant,
    AnnexILegislation: CompletionItemKind.Constant,
    Iso27001Theme: CompletionItemKind.Folder,
    Iso27001Control: CompletionItemKind.EnumMember,
    Framework: CompletionItemKind.Module,
    FrameworkGroup: CompletionItemKind.Folder,
    FrameworkRequirement: CompletionItemKind.EnumMember
};

export class AimsNodeKindProvider implements NodeKindProvider {
    getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return SYMBOL_KINDS[typeOf(node)] ?? SymbolKind.Field;
    }

    getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return COMPLETION_KINDS[typeOf(node)] ?? CompletionItemKind.Reference;
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return isAstNodeDescription(node) ? node.type : node.$type;
}
