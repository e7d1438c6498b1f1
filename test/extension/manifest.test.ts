/**
 * The extension manifest (package.json `contributes`) against the code it describes: rule codes in
 * settings come from rules.ts, every command the client registers is contributed (with an icon)
 * and every contributed one registered, menus name real commands under `when` clauses, every file
 * the manifest points at exists and ships in the .vsix, and the problem matcher reads the CLI.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../src/validation/rules.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const contributes = manifest.contributes;

interface Command { command: string; title: string; icon?: string; category?: string }
interface MenuItem { command: string; when?: string; group?: string }

const commands: Command[] = contributes.commands;
const clientSources = readdirSync(join(ROOT, 'client')).filter(f => f.endsWith('.ts')).map(f => readFileSync(join(ROOT, 'client', f), 'utf8')).join('\n');
const registered = [...clientSources.matchAll(/registerCommand\('([\w.]+)'/g)].map(m => m[1]);

/** What the .vsix (and the npm package) holds: package.json `files`, names or `dir/*.ext` patterns. */
const shipped: string[] = manifest.files;

function ships(path: string): boolean {
    const name = path.replace(/^\.\//, '');
    return shipped.some(entry => entry === name
        || (entry.includes('*') && new RegExp(`^${entry.replace(/[.]/g, '\\.').replace('*', '[^/]+')}$`).test(name)));
}

describe('package.json: settings', () => {
    it('offers every rule code of rules.ts for aims.severity (generated: test/workspace/rule-lists.test.ts)', () => {
        const severity = contributes.configuration.properties['aims.severity'];
        expect(Object.keys(severity.properties).filter(k => k.startsWith('aims/'))).toEqual(ALL_RULES.map(r => r.code));
    });

    it('shows whole inlay-hint titles in .aims files unless the user asks for a length', () => {
        expect(contributes.configuration.properties['aims.inlayHintTitleLength'].default).toBe(0);
        expect(contributes.configurationDefaults['[aims]']['editor.inlayHints.maximumLength']).toBe(0);
    });
});

describe('package.json: commands and menus', () => {
    it('contributes exactly the commands the client registers, each with a category and an icon', () => {
        expect(commands.map(c => c.command).sort()).toEqual([...new Set(registered)].sort());
        for (const command of commands) {
            expect(command.category, command.command).toBe('AIMS');
            expect(command.icon, command.command).toMatch(/^\$\([a-z-]+\)$/);
        }
    });

    it('puts the report and the SoA coverage in the editor title of .aims files', () => {
        const title: MenuItem[] = contributes.menus['editor/title'];
        expect(title.map(m => [m.command, m.when, m.group?.split('@')[0]])).toEqual([
            ['aims.openReport', 'resourceLangId == aims', 'navigation'],
            ['aims.showSoaCoverage', 'resourceLangId == aims', 'navigation']
        ]);
    });

    it('hides the workspace commands from the palette outside AIMS workspaces, but never "New Workspace"', () => {
        const palette: MenuItem[] = contributes.menus.commandPalette;
        const when = new Map(palette.map(m => [m.command, m.when]));
        for (const command of ['aims.showSoaCoverage', 'aims.showNistCoverage', 'aims.openReport', 'aims.restartServer']) {
            expect(when.get(command), command).toBe('aims.workspace');
        }
        expect(when.has('aims.newWorkspace')).toBe(false);
        // The context key is set by the client once it runs.
        expect(clientSources).toContain(`'setContext', 'aims.workspace', found`);
    });

    it('names only contributed commands in menus', () => {
        const known = new Set(commands.map(c => c.command));
        for (const [menu, items] of Object.entries(contributes.menus as Record<string, MenuItem[]>)) {
            for (const item of items) expect(known.has(item.command), `${menu}: ${item.command}`).toBe(true);
        }
    });
});

describe('package.json: files', () => {
    const referenced = [
        manifest.main, manifest.icon,
        ...contributes.languages.flatMap((l: { icon?: { light: string; dark: string }; configuration: string }) => [l.configuration, l.icon?.light, l.icon?.dark]),
        ...contributes.grammars.map((g: { path: string }) => g.path),
        ...contributes.snippets.map((s: { path: string }) => s.path)
    ].filter(Boolean);

    it('gives .aims files an icon of their own, for light and dark themes', () => {
        const icon = contributes.languages[0].icon;
        expect(icon.light).toMatch(/\.svg$/);
        expect(icon.dark).toMatch(/\.svg$/);
    });

    it.each(referenced)('%s exists and ships in the .vsix', path => {
        expect(existsSync(join(ROOT, path))).toBe(true);
        expect(ships(path)).toBe(true);
    });

    it('ships the CLI that the aims task runs and the language reference that rule pages come from', () => {
        expect(ships('out/cli/main.cjs')).toBe(true);
        expect(ships('docs/language.md')).toBe(true);
    });
});

describe('package.json: workspace trust, tasks and problem matcher', () => {
    it('declares limited support for untrusted workspaces and says what is off', () => {
        expect(manifest.capabilities.untrustedWorkspaces.supported).toBe('limited');
        expect(manifest.capabilities.untrustedWorkspaces.description).toMatch(/git.*evidence files/);
    });

    it('defines the aims task type and a problem matcher that reads `aims validate` text output', () => {
        expect(contributes.taskDefinitions[0].type).toBe('aims');
        const [matcher] = contributes.problemMatchers;
        expect(matcher.name).toBe('aims');
        const line = 'policies.aims:22:5 warning aims/review-overdue Policy \'genai-use\' was due for review on 2026-10-20.';
        const match = new RegExp(matcher.pattern.regexp).exec(line)!;
        const { file, line: row, column, severity, code, message } = matcher.pattern;
        expect([match[file], match[row], match[column], match[severity], match[code], match[message]]).toEqual(
            ['policies.aims', '22', '5', 'warning', 'aims/review-overdue', 'Policy \'genai-use\' was due for review on 2026-10-20.']);
    });
});

describe('package.json: walkthrough', () => {
    const [walkthrough] = contributes.walkthroughs;
    const steps: Array<{ id: string; description: string; media: { markdown: string }; completionEvents: string[] }> = walkthrough.steps;

    it('guides from a new workspace through the SoA status bar and a quick fix to the report', () => {
        expect(steps.map(s => s.id)).toEqual(['createWorkspace', 'soaStatusBar', 'quickFix', 'report', 'validateInCi']);
        expect(steps[0].description).toContain('(command:aims.newWorkspace)');
        expect(steps[3].description).toContain('(command:aims.openReport)');
    });

    it('links only commands that exist, and completes each step on an event', () => {
        const ours = new Set(commands.map(c => c.command));
        for (const step of steps) {
            for (const [, command] of step.description.matchAll(/\(command:(aims\.[\w]+)/g)) expect(ours.has(command), `${step.id}: ${command}`).toBe(true);
            expect(step.completionEvents.length, step.id).toBeGreaterThan(0);
        }
    });

    it.each(steps.map(s => s.media.markdown))('%s exists and ships in the .vsix', path => {
        expect(existsSync(join(ROOT, path))).toBe(true);
        expect(ships(path)).toBe(true);
    });
});

describe('README: the page the marketplace and the Extensions view show', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const links = [...readme.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)].map(m => m[1]).filter(href => !/^[a-z]+:/i.test(href) && !href.startsWith('#'));

    it('links and shows only files that ship with the extension (there is no repository to link to)', () => {
        expect(links.length).toBeGreaterThan(0);
        for (const href of links) {
            const path = href.replace(/#.*$/, '');
            expect(existsSync(join(ROOT, path)), href).toBe(true);
            expect(ships(path), href).toBe(true);
        }
    });

    it('has screenshots, each small', () => {
        const images = links.filter(href => /\.(png|jpe?g)$/.test(href));
        expect(images.length).toBeGreaterThanOrEqual(3);
        for (const image of images) expect(statSync(join(ROOT, image)).size, image).toBeLessThan(120_000);
    });
});
