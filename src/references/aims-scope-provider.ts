/**
 * The global scope: every AIMS name is global, so linking is one lookup by name in the index.
 * Langium's default builds a separate name table for each reference type (owner, system, control,
 * risk source, ...), each over every exported name, after every workspace change: about 40 ms per
 * build of the 5 MB benchmark workspace (npm run bench). Here one table holds all names, a lookup
 * keeps the descriptions of the wanted type, and a keystroke that keeps a file's names as they
 * were only swaps that file's descriptions. The answers are the same as Langium's.
 */
import {
    DefaultScopeProvider, DocumentState, MultiMapScope, stream,
    type AstNodeDescription, type AstReflection, type LangiumCoreServices, type ReferenceInfo, type Scope, type Stream
} from 'langium';

interface NameTable {
    /** Descriptions by name, in index order (the order Langium's scopes use). */
    readonly names: Map<string, AstNodeDescription[]>;
    /** The descriptions each document contributed, by document URI. */
    readonly documents: Map<string, AstNodeDescription[]>;
}

export class AimsScopeProvider extends DefaultScopeProvider {
    private table?: NameTable;
    /** Documents whose exports may have changed since the table was last brought up to date. */
    private readonly touched = new Set<string>();
    private deleted = false;

    constructor(services: LangiumCoreServices) {
        super(services);
        const builder = services.shared.workspace.DocumentBuilder;
        builder.onUpdate((changed, deleted) => {
            for (const uri of changed) this.touched.add(uri.toString());
            if (deleted.length > 0) this.deleted = true;
        });
        builder.onDocumentPhase(DocumentState.IndexedContent, document => {
            this.touched.add(document.uri.toString());
        });
    }

    protected override getGlobalScope(referenceType: string, _context: ReferenceInfo): Scope {
        return this.globalScopeCache.get(referenceType, () => new TypedNameScope(
            this.allNames(), referenceType, this.reflection,
            () => new MultiMapScope(this.indexManager.allElements(referenceType))
        ));
    }

    private allNames(): Map<string, AstNodeDescription[]> {
        if (!this.table || this.deleted || !this.swapTouched(this.table)) {
            this.table = this.buildTable();
        }
        this.touched.clear();
        this.deleted = false;
        return this.table.names;
    }

    private buildTable(): NameTable {
        const names = new Map<string, AstNodeDescription[]>();
        const documents = new Map<string, AstNodeDescription[]>();
        for (const description of this.indexManager.allElements()) {
            add(names, description.name, description);
            add(documents, description.documentUri.toString(), description);
        }
        return { names, documents };
    }

    /**
     * Bring the table up to date by swapping descriptions in place, when every touched document
     * exports the same names and types as before and each of those names is declared once (so its
     * place in the index order cannot matter). Otherwise answer false: the table is rebuilt.
     */
    private swapTouched(table: NameTable): boolean {
        const swaps: Array<[string, AstNodeDescription[], AstNodeDescription[]]> = [];
        for (const uri of this.touched) {
            const before = table.documents.get(uri) ?? [];
            const after = this.indexManager.allElements(undefined, new Set([uri])).toArray();
            if (before.length !== after.length) {
                return false;
            }
            for (let i = 0; i < before.length; i++) {
                if (before[i].name !== after[i].name || before[i].type !== after[i].type || table.names.get(before[i].name)?.length !== 1) {
                    return false;
                }
            }
            swaps.push([uri, before, after]);
        }
        for (const [uri, before, after] of swaps) {
            before.forEach((old, i) => table.names.set(old.name, [after[i]]));
            table.documents.set(uri, after);
        }
        return true;
    }
}

function add(map: Map<string, AstNodeDescription[]>, key: string, description: AstNodeDescription): void {
    const list = map.get(key);
    if (list) list.push(description);
    else map.set(key, [description]);
}

/** The global scope of one reference type, answered from the table of all names. */
class TypedNameScope implements Scope {
    private full?: Scope;

    constructor(
        private readonly names: Map<string, AstNodeDescription[]>,
        private readonly type: string,
        private readonly reflection: AstReflection,
        /** Listing every element (completion, did-you-mean) keeps Langium's own scope and order. */
        private readonly fullScope: () => Scope
    ) {}

    getElement(name: string): AstNodeDescription | undefined {
        return this.names.get(name)?.find(d => this.reflection.isSubtype(d.type, this.type));
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return stream(this.names.get(name) ?? []).filter(d => this.reflection.isSubtype(d.type, this.type));
    }

    getAllElements(): Stream<AstNodeDescription> {
        this.full ??= this.fullScope();
        return this.full.getAllElements();
    }
}
