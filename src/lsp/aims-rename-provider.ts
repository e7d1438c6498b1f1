/**
 * Rename across all files for the names the user declares. Catalog ids belong to the standards
 * and cannot be renamed; a new name must be one the grammar reads back as the same kind of name
 * (an ID, or a CatalogId for organisation controls), not a keyword, and not taken already.
 */
import { AstUtils, CstUtils, GrammarAST, GrammarUtils, isNamed, type AstNode, type CstNode, type IndexManager, type LangiumDocument } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { ErrorCodes, ResponseError, type Range, type RenameParams, type TextDocumentPositionParams, type WorkspaceEdit } from 'vscode-languageserver';
import { isOrgControl } from '../language/generated/ast.js';
import type { AimsServices } from '../language/aims-module.js';
import { isCatalogUri } from '../catalog/catalog-document.js';
import { where } from '../validation/check-kit.js';

export class AimsRenameProvider extends DefaultRenameProvider {
    private readonly indexManager: IndexManager;
    private readonly keywords: ReadonlySet<string>;
    private readonly idPattern: RegExp;
    private readonly catalogIdPattern: RegExp;

    constructor(services: AimsServices) {
        super(services);
        this.indexManager = services.shared.workspace.IndexManager;
        const grammar = services.Grammar;
        this.keywords = new Set(AstUtils.streamAllContents(grammar).filter(GrammarAST.isKeyword).map(k => k.value));
        this.idPattern = wholeMatch(terminal(grammar, 'ID'));
        this.catalogIdPattern = wholeMatch(terminal(grammar, 'CATALOG_ID'));
    }

    override prepareRename(document: LangiumDocument, params: TextDocumentPositionParams): Range | undefined {
        const leaf = this.leafAt(document, params.position);
        if (!leaf) {
            return undefined;
        }
        this.declarationToRename(document, leaf);
        return super.prepareRename(document, params) as Range | undefined;
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const leaf = this.leafAt(document, params.position);
        const declaration = leaf ? this.declarationToRename(document, leaf) : undefined;
        if (!declaration) {
            return undefined;
        }
        this.checkNewName(declaration, params.newName);
        return super.rename(document, params);
    }

    /** The declaration a rename at `leaf` would rename; throws for catalog ids. */
    private declarationToRename(document: LangiumDocument, leaf: CstNode): AstNode | undefined {
        const declaration = this.isNameNode(leaf) ? leaf.astNode : this.references.findDeclarations(leaf)[0];
        if (!declaration) {
            return undefined;
        }
        if (isCatalogUri(document.uri) || isCatalogUri(AstUtils.getDocument(declaration).uri)) {
            const id = isNamed(declaration) ? declaration.name : leaf.text;
            throw new ResponseError(ErrorCodes.InvalidRequest, `${id} is a catalog id fixed by its standard; catalog ids cannot be renamed.`);
        }
        return declaration;
    }

    private checkNewName(declaration: AstNode, newName: string): void {
        const orgControl = isOrgControl(declaration);
        const pattern = orgControl ? this.catalogIdPattern : this.idPattern;
        if (!pattern.test(newName) || this.keywords.has(newName)) {
            const shape = orgControl
                ? 'an organisation control id such as ACME.1 (letters and digits separated by dots)'
                : 'a name that starts with a letter or _ and continues with letters, digits, _ or -, and is not a keyword';
            throw new ResponseError(ErrorCodes.InvalidParams, `'${newName}' cannot be used: write ${shape}.`);
        }
        if (orgControl && /^[AC]\./.test(newName)) {
            throw new ResponseError(ErrorCodes.InvalidParams, `'${newName}' uses a prefix that belongs to ISO/IEC 42001; give organisation controls a prefix of your own, such as ACME.1.`);
        }
        const current = isNamed(declaration) ? declaration.name : undefined;
        const taken = newName !== current ? this.indexManager.allElements().find(d => d.name === newName) : undefined;
        if (taken) {
            const place = taken.node ? ` (${where(taken.node)})` : '';
            throw new ResponseError(ErrorCodes.InvalidParams, `'${newName}' is already declared${place}; names are global across all .aims files.`);
        }
    }

    private leafAt(document: LangiumDocument, position: TextDocumentPositionParams['position']): CstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        const offset = document.textDocument.offsetAt(position);
        return root ? CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp) : undefined;
    }
}

function terminal(grammar: GrammarAST.Grammar, name: string): RegExp {
    const rule = grammar.rules.find(r => GrammarAST.isTerminalRule(r) && r.name === name);
    if (!rule || !GrammarAST.isTerminalRule(rule)) {
        throw new Error(`The AIMS grammar has no terminal ${name}.`);
    }
    return GrammarUtils.terminalRegex(rule);
}

function wholeMatch(regex: RegExp): RegExp {
    return new RegExp(`^(?:${regex.source})$`, regex.flags.replace(/[gy]/g, ''));
}
