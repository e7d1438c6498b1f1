/**
 * The page a rule code links to. The server puts a `codeDescription` on every diagnostic; the
 * extension asks it to link to `<vscode-scheme>://<extension id>/rules#rule-<name>`, so a click on
 * the code in the Problems panel or a hover lands here, inside the editor, even on a machine
 * without network. The page is rendered from src/validation/rules.ts, the list the server reads.
 */
import * as vscode from 'vscode';
import { ALL_RULES, ruleAnchor, ruleByCode, type RuleInfo } from '../src/validation/rules.js';
import type { MarkdownPages } from './markdown-pages.js';

export const RULES_PATH = '/rules';

/** The link target the server appends `#rule-<name>` to. */
export function rulesDocumentationUri(context: vscode.ExtensionContext): string {
    return `${vscode.env.uriScheme}://${context.extension.id}${RULES_PATH}`;
}

export function registerRulePages(pages: MarkdownPages): vscode.Disposable {
    const show = (code: string) => {
        const rule = ruleByCode(code.startsWith('aims/') ? code : `aims/${code}`);
        if (!rule) {
            void vscode.window.showWarningMessage(`AIMS has no rule '${code}'.`);
            return;
        }
        void pages.open(`${rule.code}.md`, rulePage(rule));
    };
    return vscode.Disposable.from(
        vscode.commands.registerCommand('aims.showRule', (code: unknown) => typeof code === 'string' && show(code)),
        vscode.window.registerUriHandler({
            handleUri(uri: vscode.Uri) {
                const rule = ALL_RULES.find(r => ruleAnchor(r.code) === uri.fragment);
                if (uri.path === RULES_PATH && rule) show(rule.code);
            }
        })
    );
}

function rulePage(rule: RuleInfo): string {
    return [
        `# ${rule.code}`,
        '',
        rule.summary,
        '',
        '## What to do',
        '',
        rule.help,
        '',
        '## Severity',
        '',
        `\`${rule.severity}\` by default. Change it, or switch the rule off, with the \`aims.severity\` setting, `
            + `for example \`"aims.severity": { "${rule.code}": "off" }\`, or on the command line with \`aims validate --severity ${rule.code.replace(/^aims\//, '')}=off\`.`,
        '',
        'The language reference (docs/language.md, in the extension and the repository) lists every rule.'
    ].join('\n');
}
