/**
 * The starter workspace that `AIMS: New Workspace` writes: a small, valid AIMS a first-time user
 * can grow. It has an organisation, one person, the AI policy and its evidence, one AI system
 * with one risk, and a statement of applicability that lists every Annex A control of the
 * catalog: the two policy controls decided, the rest `undecided`, so the status bar and the
 * Problems panel show what is left to decide, and `aims/documented-information-missing` lists
 * the clauses still to document. A.2.3 is implemented without evidence on purpose: the
 * walkthrough fixes it with a quick fix.
 */
import { catalog } from '../catalog/catalog.js';

export interface StarterOptions {
    /** The organisation's display name. */
    readonly organisation?: string;
    /** `YYYY-MM-DD`: approval and collection dates; reviews fall a year later. */
    readonly today: string;
}

/** File name to content; evidence files included. */
export function starterWorkspace(options: StarterOptions): Record<string, string> {
    const title = (options.organisation ?? 'Example Organisation').replace(/["\\]/g, '');
    const id = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'organisation';
    const today = options.today;
    const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`.replace(/-02-29$/, '-02-28');
    const controls = catalog.annexAControls.map(c => c.id);
    const undecided = controls.filter(c => c !== 'A.2.2' && c !== 'A.2.3');
    return {
        'organisation.aims': `// The organisation and what its AI management system covers (ISO/IEC 42001 clause 4).
organisation ${id} "${title}" {
    scope "Describe which AI systems, sites and activities the AI management system covers, and what it leaves out."
    roles provider
    likelihood scale 1 to 5
    impact scale 1 to 5
}
`,
        'people.aims': `// People and teams who own policies, systems, risks and controls.
person ai-lead "AI Governance Lead" {
    role "Runs the AI management system"
}
`,
        'policies.aims': `// The AI policy (ISO/IEC 42001 clause 5.2, control A.2.2).
policy ai-policy "AI policy" {
    owner ai-lead
    approved ${today} by ai-lead
    review ${nextYear}
    document "evidence/ai-policy.md"
}
`,
        'systems.aims': `// The AI systems inside the scope, each with its EU AI Act operator role, class and duties.
system assistant "Customer support assistant" {
    purpose "Answers customer questions from the help centre articles."
    owner ai-lead
    stage operation-and-monitoring
    operator deployer
    eu-ai-act minimal
    // It talks to customers, so they must be told they are talking to an AI.
    transparency Article 50(1)
}

risk wrong-answers "The assistant gives wrong answers with confidence" {
    systems assistant
    sources C.3.4
    inherent likelihood 3 impact 3
    treatment mitigate with A.6.2.4
    residual likelihood 2 impact 3
    owner ai-lead
    assessed ${today} by ai-lead
    review ${nextYear}
}
`,
        'soa.aims': `// Statement of applicability: one entry for each Annex A control (ISO/IEC 42001 6.1.3).
// Decide each undecided control: applicable (with status, owner and evidence), or
// excluded because "...".
soa {
    approved ${today} by ai-lead version "1"
    control A.2.2 applicable because "The AI policy is the basis of the AI management system." {
        status implemented
        owner ai-lead
        evidence ev-ai-policy
    }
    // Implemented, but nothing shows it yet: use the quick fix (Ctrl+.) to link evidence.
    control A.2.3 applicable because "The AI policy has to fit the organisation's other policies." {
        status implemented
        owner ai-lead
    }
${undecided.map(c => `    control ${c} undecided`).join('\n')}
}
`,
        'evidence.aims': `// Evidence that the controls work: documents, logs, test reports.
evidence ev-ai-policy "Signed AI policy" {
    path "evidence/ai-policy.md"
    kind document
    owner ai-lead
    collected ${today}
    expires ${nextYear}
    supports 5.2, A.2.2
}
`,
        'evidence/ai-policy.md': `# AI policy

Replace this file with your signed AI policy. The evidence \`ev-ai-policy\` in evidence.aims
points here, and the AIMS tools check that the file exists.
`
    };
}
