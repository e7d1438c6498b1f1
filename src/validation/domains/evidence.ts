/**
 * Evidence: where it is (a path inside the workspace, or a URL), that the file exists, and
 * whether it is still fresh.
 */
import { AstUtils, UriUtils, type ValidationAcceptor } from 'langium';
import type { Evidence } from '../../language/generated/ast.js';
import { RULES } from '../rules.js';
import { linkableUrl, urlScheme } from '../../workspace/link-policy.js';
import { report, type CheckContext, type DomainChecks } from '../check-kit.js';

export function evidence(context: CheckContext): DomainChecks {
    return {
        fast: {
            Evidence: [
                evidenceShouldHaveLocation,
                evidenceUrlMustBeWebAddress,
                (node, accept) => evidenceShouldBeFresh(context, node, accept),
                (node, accept) => evidencePathMustStayInWorkspace(context, node, accept)
            ]
        },
        // Asks the file system, once per file and change.
        slow: {
            Evidence: [(node, accept) => evidenceFileShouldExist(context, node, accept)]
        }
    };
}

function evidenceShouldHaveLocation(evidence: Evidence, accept: ValidationAcceptor): void {
    if (!evidence.path && !evidence.url) {
        report(accept, RULES.evidenceWithoutLocation, `Evidence '${evidence.name}' has neither a path nor a url: add path "..." (relative to the workspace root) or url "...".`, { node: evidence, property: 'name' });
    }
}

/** Only http(s) addresses become links (workspace/link-policy.ts); say why any other is not one. */
function evidenceUrlMustBeWebAddress(evidence: Evidence, accept: ValidationAcceptor): void {
    if (evidence.url === undefined || linkableUrl(evidence.url)) {
        return;
    }
    const scheme = urlScheme(evidence.url);
    const what = scheme ? `uses the scheme '${scheme}:'` : 'is not a web address';
    report(accept, RULES.evidenceUrlScheme, `Evidence URL '${evidence.url}' ${what}: only http:// and https:// addresses are linked in the editor, the report and OSCAL exports. Give its web address, or keep the file in the workspace and use path "...".`, { node: evidence, property: 'url' });
}

function evidenceShouldBeFresh({ model, settings }: CheckContext, evidence: Evidence, accept: ValidationAcceptor): void {
    const window = settings.values.evidenceExpiryWindowDays;
    const today = settings.today();
    const freshness = model.freshness(evidence, today, window);
    if (freshness === 'expired') {
        report(accept, RULES.evidenceExpired, `Evidence '${evidence.name}' expired on ${evidence.expires} (today is ${today}): collect it again and update collected/expires.`, { node: evidence, property: 'expires' });
    } else if (freshness === 'expiring') {
        report(accept, RULES.evidenceExpiring, `Evidence '${evidence.name}' expires on ${evidence.expires}, within ${window} days of ${today}: plan the next collection before then.`, { node: evidence, property: 'expires' });
    }
}

function evidencePathMustStayInWorkspace({ evidencePaths }: CheckContext, evidence: Evidence, accept: ValidationAcceptor): void {
    if (!evidence.path) {
        return;
    }
    const target = evidencePaths.resolve(evidence);
    if (target.absolute) {
        const root = evidencePaths.workspaceRoot(AstUtils.getDocument(evidence).uri);
        const relative = UriUtils.relative(root, target.uri);
        const inRoot = relative !== '..' && !relative.startsWith('../') && !relative.startsWith('/');
        const hint = inRoot
            ? ` Here that is path "${relative}".`
            : ' It also lies outside the workspace: keep evidence in the repository, or link it with url "...".';
        report(accept, RULES.evidencePathOutside, `Evidence path '${evidence.path}' is absolute, so it only works on this machine; write it relative to the workspace root.${hint}`, { node: evidence, property: 'path' });
    } else if (!target.inside) {
        report(accept, RULES.evidencePathOutside, `Evidence path '${evidence.path}' points outside the workspace; keep evidence in the repository (a path relative to the workspace root), or link it with url "...".`, { node: evidence, property: 'path' });
    }
}

async function evidenceFileShouldExist({ evidencePaths, settings }: CheckContext, evidence: Evidence, accept: ValidationAcceptor): Promise<void> {
    if (!evidence.path) {
        return;
    }
    const target = evidencePaths.resolve(evidence);
    // Untrusted workspace or browser: say that the file was not looked for rather than guess.
    const restricted = settings.values.restricted;
    if (target.inside && restricted) {
        report(accept, RULES.evidencePathUnchecked, `Whether '${evidence.path}' exists was not checked: ${restricted}.`, { node: evidence, property: 'path' });
    } else if (target.inside && !(await evidencePaths.exists(target.uri))) {
        report(accept, RULES.evidencePathMissing, `Evidence path '${evidence.path}' does not exist in the workspace: correct the path (it is relative to the workspace root), or commit the evidence file.`, { node: evidence, property: 'path' });
    } else if (target.inside) {
        const outside = evidencePaths.linkedOutside(target.uri, AstUtils.getDocument(evidence).uri);
        if (outside) {
            report(accept, RULES.evidencePathOutside, `Evidence path '${evidence.path}' is a symbolic link to ${outside}, outside the workspace, so it is not evidence the repository holds: copy the file into the workspace, or link it with url "...".`, { node: evidence, property: 'path' });
        }
    }
}
