/**
 * Folding: Langium's default folds every block of three lines or more and every multi-line
 * `/* *\/` comment. AIMS files also open with, and separate sections by, runs of `//` lines;
 * those fold too.
 */
import { CstUtils, type LangiumDocument } from 'langium';
import { DefaultFoldingRangeProvider, type FoldingRangeAcceptor } from 'langium/lsp';
import { FoldingRangeKind } from 'vscode-languageserver';

export class AimsFoldingRangeProvider extends DefaultFoldingRangeProvider {
    protected override collectFolding(document: LangiumDocument, acceptor: FoldingRangeAcceptor): void {
        super.collectFolding(document, acceptor);
        this.collectLineCommentRuns(document, acceptor);
    }

    /** Two or more `//` comments on consecutive lines, each alone on its line. */
    protected collectLineCommentRuns(document: LangiumDocument, acceptor: FoldingRangeAcceptor): void {
        const root = document.parseResult.value.$cstNode;
        if (!root) {
            return;
        }
        const text = document.textDocument.getText();
        let run: { start: number; end: number } | undefined;
        const flush = () => {
            if (run && run.end > run.start) {
                acceptor({ startLine: run.start, endLine: run.end, kind: FoldingRangeKind.Comment });
            }
            run = undefined;
        };
        for (const leaf of CstUtils.flattenCst(root)) {
            const line = leaf.range.start.line;
            const ownLine = /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', leaf.offset - 1) + 1, leaf.offset));
            if (leaf.hidden && leaf.tokenType.name === 'SL_COMMENT' && ownLine) {
                if (run && line === run.end + 1) {
                    run.end = line;
                } else {
                    flush();
                    run = { start: line, end: line };
                }
            } else {
                flush();
            }
        }
        flush();
    }
}
