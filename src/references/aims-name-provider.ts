/**
 * Names as the index knows them. A framework's groups and requirements are written with their
 * local id inside the framework (`requirement CC6.1 "..."`) and referred to with the framework's
 * name as prefix (`SOC2:CC6.1`), so that two frameworks may both have a CC6.1 and neither collides
 * with a built-in catalog. Every other declaration is known by its name as written.
 */
import { DefaultNameProvider, type AstNode } from 'langium';
import { isFramework, isFrameworkGroup, isFrameworkRequirement, type Framework } from '../language/generated/ast.js';

export class AimsNameProvider extends DefaultNameProvider {
    override getName(node: AstNode): string | undefined {
        if (isFrameworkGroup(node) || isFrameworkRequirement(node)) {
            const framework = frameworkOf(node);
            return framework && node.name !== undefined ? qualifiedName(framework.name, String(node.name)) : undefined;
        }
        return super.getName(node);
    }
}

export function qualifiedName(framework: string, localId: string): string {
    return `${framework}:${localId}`;
}

export function frameworkOf(node: AstNode): Framework | undefined {
    let current: AstNode | undefined = node.$container;
    while (current && !isFramework(current)) {
        current = current.$container;
    }
    return current;
}

/**
 * The id a reference names, as the index knows it: the target's name (qualified for framework
 * entries, `SOC2:CC6.1`), or the text as written while it does not resolve.
 */
export function referencedId(ref: { ref?: AstNode; $refText: string } | undefined): string {
    if (!ref) {
        return '';
    }
    const target = ref.ref;
    if (target && (isFrameworkGroup(target) || isFrameworkRequirement(target))) {
        const framework = frameworkOf(target);
        return framework ? qualifiedName(framework.name, String(target.name)) : ref.$refText;
    }
    const name = (target as { name?: unknown } | undefined)?.name;
    return name !== undefined ? String(name) : ref.$refText;
}
