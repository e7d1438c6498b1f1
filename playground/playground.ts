/**
 * The AIMS playground: Monaco and the AIMS language server (the web-worker build of the same
 * server VS Code runs) in one static page that works from the built files, offline and without
 * a server. The example workspace is loaded; diagnostics, completion, hover, go to definition
 * (also into the built-in catalogs), references, formatting and quick fixes go over LSP.
 * Built by esbuild.mjs into out/playground/.
 */
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
import 'monaco-editor/esm/vs/editor/edcore.main.js';
import { editorWorkerCode, examples, serverCode } from 'aims-playground:assets';
import grammar from '../syntaxes/aims.tmLanguage.json' with { type: 'json' };
import languageConfiguration from '../language-configuration.json' with { type: 'json' };
import { monarchFromTextMate } from './aims-monarch.js';
import { LspWorker, type Json } from './lsp-worker.js';
import './style.css';

const ROOT = 'file:///workspace';
const LANGUAGE = 'aims';

// Monaco's own worker (word ranges, diffs), from a Blob as the server's, so file:// works.
(self as Json).MonacoEnvironment = {
    getWorker: () => new Worker(URL.createObjectURL(new Blob([editorWorkerCode], { type: 'text/javascript' })))
};

// Monaco cancels its own pending work when the editor switches files, and leaves the rejected
// promise to the host, as VS Code's error handler does: a cancellation is not an error.
self.addEventListener('unhandledrejection', event => {
    if ((event as PromiseRejectionEvent).reason?.name === 'Canceled') event.preventDefault();
});

monaco.languages.register({ id: LANGUAGE, extensions: ['.aims'] });
monaco.languages.setMonarchTokensProvider(LANGUAGE, monarchFromTextMate(grammar as Json));
monaco.languages.setLanguageConfiguration(LANGUAGE, {
    comments: { lineComment: '//', blockComment: ['/*', '*/'] },
    brackets: languageConfiguration.brackets as Json,
    autoClosingPairs: languageConfiguration.autoClosingPairs,
    surroundingPairs: languageConfiguration.surroundingPairs.map(([open, close]) => ({ open, close })),
    wordPattern: new RegExp(languageConfiguration.wordPattern),
    indentationRules: {
        increaseIndentPattern: new RegExp(languageConfiguration.indentationRules.increaseIndentPattern),
        decreaseIndentPattern: new RegExp(languageConfiguration.indentationRules.decreaseIndentPattern)
    }
});

// `?today=2026-11-28` fixes the date the rules compare against (the README's example findings).
const today = new URLSearchParams(location.search).get('today') ?? undefined;
const server = new LspWorker(serverCode, today ? { today } : {});

// ------------------------------------------------------------------ positions

const toLsp = (position: monaco.IPosition) => ({ line: position.lineNumber - 1, character: position.column - 1 });
const toLspRange = (range: monaco.IRange) => ({
    start: { line: range.startLineNumber - 1, character: range.startColumn - 1 },
    end: { line: range.endLineNumber - 1, character: range.endColumn - 1 }
});
const toRange = (range: Json): monaco.IRange => ({
    startLineNumber: range.start.line + 1, startColumn: range.start.character + 1,
    endLineNumber: range.end.line + 1, endColumn: range.end.character + 1
});
const markdown = (contents: Json): monaco.IMarkdownString[] => {
    const list = Array.isArray(contents) ? contents : [contents];
    return list.map((c: Json) => ({ value: typeof c === 'string' ? c : c.language ? `\`\`\`${c.language}\n${c.value}\n\`\`\`` : c.value }));
};

// ------------------------------------------------------------------ documents

const versions = new Map<string, number>();
const diagnostics = new Map<string, Json[]>();

function modelOf(uri: string): monaco.editor.ITextModel | null {
    return monaco.editor.getModel(monaco.Uri.parse(uri));
}

for (const [name, text] of Object.entries(examples)) {
    const uri = `${ROOT}/${name}`;
    const model = monaco.editor.createModel(text, LANGUAGE, monaco.Uri.parse(uri));
    versions.set(uri, 1);
    model.onDidChangeContent(() => {
        const version = (versions.get(uri) ?? 1) + 1;
        versions.set(uri, version);
        server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: model.getValue() }] });
    });
}

/** A built-in catalog page (`aims-catalog:/annex-a.aims`), read-only, fetched from the server on first use. */
async function ensureModel(uri: string): Promise<void> {
    if (modelOf(uri)) return;
    const content = await server.request<{ text: string } | null>('workspace/textDocumentContent', { uri });
    if (content && !modelOf(uri)) monaco.editor.createModel(content.text, LANGUAGE, monaco.Uri.parse(uri));
}

// ------------------------------------------------------------------ the page

const editor = monaco.editor.create(document.getElementById('editor')!, {
    model: null,
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 13,
    scrollBeyondLastLine: false,
    'semanticHighlighting.enabled': false
});
const files = document.getElementById('files')!;
const tab = document.getElementById('tab')!;
const problemList = document.getElementById('problem-list')!;
const problemCount = document.getElementById('problem-count')!;

function openFile(uri: string, selection?: monaco.IRange): void {
    const model = modelOf(uri);
    if (!model) return;
    if (editor.getModel() !== model) editor.setModel(model);
    editor.updateOptions({ readOnly: !uri.startsWith(ROOT) });
    tab.textContent = uri.startsWith(ROOT) ? uri.slice(ROOT.length + 1) : `${uri} (built-in catalog, read-only)`;
    for (const button of files.querySelectorAll('button')) button.setAttribute('aria-current', String(button.dataset.uri === uri));
    if (selection) {
        editor.setSelection(selection);
        editor.revealRangeInCenter(selection);
    }
    editor.focus();
}

// Go to definition and references open other files in the one editor.
monaco.editor.registerEditorOpener({
    openCodeEditor(_source, resource, selectionOrPosition) {
        const range = selectionOrPosition && 'startLineNumber' in selectionOrPosition ? selectionOrPosition
            : selectionOrPosition ? monaco.Range.fromPositions(selectionOrPosition) : undefined;
        openFile(resource.toString(), range);
        return true;
    }
});

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

function renderFiles(): void {
    files.replaceChildren(...Object.keys(examples).map(name => {
        const uri = `${ROOT}/${name}`;
        const found = diagnostics.get(uri) ?? [];
        const errors = found.filter(d => d.severity === 1).length;
        const warnings = found.filter(d => d.severity === 2).length;
        const button = document.createElement('button');
        button.dataset.uri = uri;
        button.setAttribute('aria-current', String(editor.getModel()?.uri.toString() === uri));
        button.append(name);
        if (errors + warnings > 0) {
            const badge = document.createElement('span');
            badge.className = `badge${errors > 0 ? ' error' : ''}`;
            badge.textContent = String(errors + warnings);
            badge.title = `${errors} errors, ${warnings} warnings`;
            button.append(badge);
        }
        button.addEventListener('click', () => openFile(uri));
        return button;
    }));
}

function renderProblems(): void {
    const all = [...diagnostics].flatMap(([uri, list]) => list.map(d => ({ uri, d })))
        .filter(({ d }) => d.severity <= 2)
        .sort((a, b) => a.d.severity - b.d.severity || a.uri.localeCompare(b.uri) || a.d.range.start.line - b.d.range.start.line);
    const errors = all.filter(p => p.d.severity === 1).length;
    problemCount.textContent = `${errors} error${errors === 1 ? '' : 's'}, ${all.length - errors} warning${all.length - errors === 1 ? '' : 's'}`;
    problemList.replaceChildren(...all.map(({ uri, d }) => {
        const item = document.createElement('li');
        const severity = document.createElement('span');
        severity.className = `sev ${SEVERITY[d.severity]}`;
        severity.textContent = SEVERITY[d.severity];
        const where = document.createElement('code');
        where.textContent = `${uri.slice(ROOT.length + 1)}:${d.range.start.line + 1}`;
        item.append(severity, where, ` ${d.message} `, Object.assign(document.createElement('code'), { textContent: String(d.code ?? '') }));
        item.addEventListener('click', () => openFile(uri, toRange(d.range)));
        return item;
    }));
    renderFiles();
}

server.on('textDocument/publishDiagnostics', ({ uri, diagnostics: list }: Json) => {
    diagnostics.set(uri, list);
    const model = modelOf(uri);
    if (model) {
        monaco.editor.setModelMarkers(model, 'aims', list.map((d: Json): monaco.editor.IMarkerData => ({
            ...toRange(d.range),
            severity: [0, monaco.MarkerSeverity.Error, monaco.MarkerSeverity.Warning, monaco.MarkerSeverity.Info, monaco.MarkerSeverity.Hint][d.severity ?? 1],
            message: d.message,
            source: d.source,
            code: d.codeDescription ? { value: String(d.code), target: monaco.Uri.parse(d.codeDescription.href) } : d.code === undefined ? undefined : String(d.code)
        })));
    }
    renderProblems();
});

// ------------------------------------------------------------------ language features over LSP

const textDocument = (model: monaco.editor.ITextModel) => ({ uri: model.uri.toString() });
const COMPLETION_KINDS = ['Text', 'Method', 'Function', 'Constructor', 'Field', 'Variable', 'Class', 'Interface', 'Module', 'Property', 'Unit',
    'Value', 'Enum', 'Keyword', 'Snippet', 'Color', 'File', 'Reference', 'Folder', 'EnumMember', 'Constant', 'Struct', 'Event', 'Operator', 'TypeParameter'] as const;

function workspaceEdit(edit: Json): monaco.languages.WorkspaceEdit {
    const changes: Array<[string, Json[]]> = edit?.documentChanges
        ? edit.documentChanges.filter((c: Json) => c.edits).map((c: Json) => [c.textDocument.uri, c.edits])
        : Object.entries(edit?.changes ?? {});
    return {
        edits: changes.flatMap(([uri, edits]) => edits.map(e => ({ resource: monaco.Uri.parse(uri), versionId: undefined, textEdit: { range: toRange(e.range), text: e.newText } })))
    };
}

monaco.languages.registerCompletionItemProvider(LANGUAGE, {
    triggerCharacters: ['.', ' ', ':'],
    async provideCompletionItems(model, position, context) {
        const result = await server.request('textDocument/completion', {
            textDocument: textDocument(model), position: toLsp(position), context: { triggerKind: context.triggerKind + 1, triggerCharacter: context.triggerCharacter }
        });
        const items: Json[] = Array.isArray(result) ? result : result?.items ?? [];
        const word = model.getWordUntilPosition(position);
        const wordRange = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
        return {
            incomplete: !Array.isArray(result) && Boolean(result?.isIncomplete),
            suggestions: items.map(item => ({
                label: item.labelDetails ? { label: item.label, detail: item.labelDetails.detail, description: item.labelDetails.description } : item.label,
                kind: monaco.languages.CompletionItemKind[COMPLETION_KINDS[(item.kind ?? 1) - 1] ?? 'Text'],
                detail: item.detail,
                documentation: typeof item.documentation === 'string' ? item.documentation : item.documentation ? { value: item.documentation.value } : undefined,
                sortText: item.sortText,
                filterText: item.filterText,
                insertText: item.textEdit?.newText ?? item.insertText ?? item.label,
                insertTextRules: item.insertTextFormat === 2 ? monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
                range: item.textEdit ? ('range' in item.textEdit ? toRange(item.textEdit.range) : { insert: toRange(item.textEdit.insert), replace: toRange(item.textEdit.replace) }) : wordRange
            }))
        };
    }
});

monaco.languages.registerHoverProvider(LANGUAGE, {
    async provideHover(model, position) {
        const hover = await server.request('textDocument/hover', { textDocument: textDocument(model), position: toLsp(position) });
        return hover ? { contents: markdown(hover.contents), range: hover.range ? toRange(hover.range) : undefined } : null;
    }
});

async function locations(result: Json): Promise<monaco.languages.Location[]> {
    const list: Json[] = !result ? [] : Array.isArray(result) ? result : [result];
    const found = list.map(l => ({ uri: l.targetUri ?? l.uri, range: l.targetSelectionRange ?? l.range }));
    await Promise.all(found.map(l => ensureModel(l.uri)));
    return found.map(l => ({ uri: monaco.Uri.parse(l.uri), range: toRange(l.range) }));
}

monaco.languages.registerDefinitionProvider(LANGUAGE, {
    async provideDefinition(model, position) {
        return locations(await server.request('textDocument/definition', { textDocument: textDocument(model), position: toLsp(position) }));
    }
});

monaco.languages.registerReferenceProvider(LANGUAGE, {
    async provideReferences(model, position, context) {
        return locations(await server.request('textDocument/references', { textDocument: textDocument(model), position: toLsp(position), context }));
    }
});

monaco.languages.registerDocumentFormattingEditProvider(LANGUAGE, {
    async provideDocumentFormattingEdits(model, options) {
        const edits: Json[] | null = await server.request('textDocument/formatting', { textDocument: textDocument(model), options });
        return (edits ?? []).map(e => ({ range: toRange(e.range), text: e.newText }));
    }
});

monaco.languages.registerCodeActionProvider(LANGUAGE, {
    async provideCodeActions(model, range, context) {
        const uri = model.uri.toString();
        // The server's own diagnostics (with their data) for the markers asked about.
        const asked = (diagnostics.get(uri) ?? []).filter(d => context.markers.some(m => {
            const r = toRange(d.range);
            return m.startLineNumber === r.startLineNumber && m.startColumn === r.startColumn && m.message === d.message;
        }));
        const result: Json = await server.request('textDocument/codeAction', {
            textDocument: { uri }, range: toLspRange(range), context: { diagnostics: asked, only: context.only ? [context.only] : undefined }
        });
        const actions = (Array.isArray(result) ? result as Json[] : []).filter(a => a.edit).map((a): monaco.languages.CodeAction => ({
            title: a.title, kind: a.kind, isPreferred: a.isPreferred,
            diagnostics: context.markers.filter(m => (a.diagnostics ?? []).some((d: Json) => d.message === m.message)),
            edit: workspaceEdit(a.edit)
        }));
        return { actions, dispose: () => undefined };
    }
}, { providedCodeActionKinds: ['quickfix'] });

// ------------------------------------------------------------------ start

async function start(): Promise<void> {
    await server.request('initialize', {
        processId: null,
        // Rule codes link to the rule table of the language reference, in a clone of the repository.
        initializationOptions: { rulesDocumentation: new URL('../../docs/language.md', location.href).href },
        rootUri: ROOT,
        workspaceFolders: [{ uri: ROOT, name: 'example' }],
        capabilities: {
            workspace: { configuration: true, workspaceFolders: true },
            textDocument: {
                synchronization: { dynamicRegistration: false },
                publishDiagnostics: { relatedInformation: false, codeDescriptionSupport: true, dataSupport: true },
                completion: { completionItem: { snippetSupport: true, labelDetailsSupport: true, documentationFormat: ['markdown', 'plaintext'] }, contextSupport: true },
                hover: { contentFormat: ['markdown', 'plaintext'] },
                definition: { linkSupport: true },
                codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } }, isPreferredSupport: true, dataSupport: true }
            }
        }
    });
    server.notify('initialized', {});
    for (const model of monaco.editor.getModels().filter(m => m.uri.toString().startsWith(ROOT))) {
        const uri = model.uri.toString();
        server.notify('textDocument/didOpen', { textDocument: { uri, languageId: LANGUAGE, version: versions.get(uri) ?? 1, text: model.getValue() } });
    }
    renderFiles();
    openFile(`${ROOT}/${Object.keys(examples).includes('soa.aims') ? 'soa.aims' : Object.keys(examples)[0]}`);
}

const ready = start();
// For the end-to-end test and for curious readers in the console.
(self as Json).aimsPlayground = { monaco, editor, openFile, ready, diagnostics };
