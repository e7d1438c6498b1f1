/**
 * Names and declarations: names are global across the workspace, catalogs are built in, the
 * prefixes A and C belong to ISO/IEC 42001, and an AIMS describes one organisation.
 */
import type { ValidationAcceptor } from 'langium';
import type { Framework, Model, OrgControl } from '../../language/generated/ast.js';
import { RULES } from '../rules.js';
import { report, where, type CheckContext, type DomainChecks, type WorkspaceFinding } from '../check-kit.js';
import { DeclaredNames } from '../declared-names.js';

export function names(context: CheckContext): DomainChecks {
    const declaredNames = new DeclaredNames(context.model);
    return {
        fast: {
            Model: [catalogMustNotBeDeclared],
            OrgControl: [orgControlMustNotUseReservedPrefix],
            Framework: [frameworkIdsMustBeUnique]
        },
        workspace: [
            () => namesMustBeUnique(declaredNames),
            () => workspaceMustDeclareOneOrganisation(context)
        ]
    };
}

function catalogMustNotBeDeclared(model: Model, accept: ValidationAcceptor): void {
    for (const element of model.elements) {
        if (element.$type === 'Catalog') {
            report(accept, RULES.misplacedCatalog, 'Catalogs are built in and cannot be declared in a workspace file: refer to catalog entries by their ids, and declare controls of your own with control <PREFIX>.<n> "title".', { node: element, keyword: 'catalog' });
        }
    }
}

function orgControlMustNotUseReservedPrefix(control: OrgControl, accept: ValidationAcceptor): void {
    const prefix = control.name.split('.')[0];
    // Case-insensitive: `a.11` reads as Annex A just as well and would be mistaken for it.
    const annex = prefix.toUpperCase();
    if (annex === 'A' || annex === 'C') {
        report(accept, RULES.reservedControlPrefix, `'${control.name}': the prefix ${prefix} belongs to ISO/IEC 42001 (Annex ${annex}); give organisation controls a prefix of your own, such as ACME.1.`, { node: control, property: 'name' });
    }
}

function namesMustBeUnique(declaredNames: DeclaredNames): WorkspaceFinding[] {
    const findings: WorkspaceFinding[] = [];
    for (const { name, elements } of declaredNames.duplicateNames()) {
        for (const element of elements) {
            const others = elements.filter(e => e !== element).map(where).join(', ');
            findings.push({
                rule: RULES.duplicateName, node: element, property: 'name',
                message: `'${name}' is declared ${elements.length} times in the workspace (also ${others}); names are global across all .aims files: rename one of them.`
            });
        }
    }
    return findings;
}

/** An AIMS describes one organisation; a second one would silently be ignored. */
function workspaceMustDeclareOneOrganisation({ model }: CheckContext): WorkspaceFinding[] {
    const [first, ...others] = model.all('Organisation');
    return others.map(org => ({
        rule: RULES.multipleOrganisations, node: org, property: 'name',
        message: `'${org.name}' is a second organisation in this workspace; the AIMS is about '${first.name}' (${where(first)}). Keep one organisation declaration and move its parties and issues there.`
    }));
}

/** Within a framework every group and requirement id is used once: `SOC2:CC6.1` names one thing. */
function frameworkIdsMustBeUnique(framework: Framework, accept: ValidationAcceptor): void {
    const entries = [...framework.groups.flatMap(g => [g, ...g.requirements]), ...framework.requirements];
    const seen = new Map<string, number>();
    for (const entry of entries) {
        const id = String(entry.name);
        seen.set(id, (seen.get(id) ?? 0) + 1);
    }
    for (const entry of entries) {
        const count = seen.get(String(entry.name)) ?? 0;
        if (count > 1) {
            report(accept, RULES.duplicateName, `'${framework.name}:${String(entry.name)}' is declared ${count} times in framework '${framework.name}': give each group and requirement its own id.`, { node: entry, property: 'name' });
        }
    }
}
