/**
 * Langium's document builder with one change to what an update validates. On a keystroke,
 * Langium rebuilds the edited document and relinks every document that refers to it, and runs
 * only the 'fast' checks on all of them. Here the relinked documents, whose text did not
 * change, get every category as on start-up; otherwise typing in people.aims would drop the
 * evidence-file findings of evidence.aims (a 'slow' check) until that file is saved.
 * The file system is asked once per evidence file and change (see EvidencePaths).
 */
import { DefaultDocumentBuilder, type BuildOptions, type LangiumDocument, type URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';

/** Every validation category AIMS registers checks in. */
export const ALL_CATEGORIES = ['built-in', 'fast', 'slow'];

export class AimsDocumentBuilder extends DefaultDocumentBuilder {
    /** The URIs whose text changed, while an update runs. */
    private changedInUpdate: ReadonlySet<string> | undefined;

    override async update(changed: URI[], deleted: URI[], cancelToken?: CancellationToken): Promise<void> {
        this.changedInUpdate = new Set(changed.map(uri => uri.toString()));
        try {
            await super.update(changed, deleted, cancelToken);
        } finally {
            this.changedInUpdate = undefined;
        }
    }

    protected override prepareBuild(documents: LangiumDocument[], options: BuildOptions): void {
        super.prepareBuild(documents, options);
        const changed = this.changedInUpdate;
        if (!changed) {
            return;
        }
        for (const document of documents) {
            const state = this.buildState.get(document.uri.toString());
            // Only a validation limited to some categories is widened; `true` has them all already.
            if (state && !state.completed && !changed.has(document.uri.toString()) && typeof state.options.validation === 'object') {
                state.options = { ...state.options, validation: { ...state.options.validation, categories: ALL_CATEGORIES } };
            }
        }
    }
}
