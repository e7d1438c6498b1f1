/** Quick fixes for linking: replace an unknown id or name by a did-you-mean suggestion. */
import { TextEdit, type CodeAction } from 'vscode-languageserver';
import { catalog } from '../../catalog/catalog.js';
import { RULES } from '../../validation/rules.js';
import type { Fix, QuickFixes } from './fix.js';

export const coreFixes: QuickFixes = {
    [RULES.unknownCatalogId.code]: [replaceWithSuggestion],
    [RULES.unresolvedReference.code]: [replaceWithSuggestion]
};

/** One fix per did-you-mean suggestion. */
function replaceWithSuggestion(fix: Fix): CodeAction[] {
    const suggestions = (fix.data.suggestions ?? []).filter(s => typeof s === 'string' && s.length > 0);
    const written = fix.textAt(fix.diagnostic.range);
    const refText = typeof fix.data.refText === 'string' ? fix.data.refText : undefined;
    // A stale diagnostic (the text has changed since) must not overwrite something else.
    if (refText !== undefined && squashSpaces(written) !== squashSpaces(refText)) {
        return [];
    }
    return suggestions.map(suggestion => {
        const item = catalog.find(suggestion);
        const label = item ? `${suggestion} (${item.title})` : `'${suggestion}'`;
        return fix.action(`Change to ${label}`, [TextEdit.replace(fix.diagnostic.range, suggestion)], suggestions.length === 1);
    });
}

function squashSpaces(text: string): string {
    return text.replace(/\s+/g, ' ').trim();
}
