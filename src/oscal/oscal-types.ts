/**
 * The parts of OSCAL 1.2.2's JSON models that the export writes, typed loosely: enough to keep
 * the builders honest; the NIST JSON schemas in the tests are the real check.
 */

export interface OscalProperty {
    name: string;
    value: string;
    ns?: string;
    class?: string;
    remarks?: string;
}

export interface OscalLink {
    href: string;
    rel?: string;
    'media-type'?: string;
    text?: string;
}

export interface OscalRole {
    id: string;
    title: string;
    description?: string;
}

export interface OscalParty {
    uuid: string;
    type: 'person' | 'organization';
    name?: string;
    'short-name'?: string;
    props?: OscalProperty[];
    'email-addresses'?: string[];
    'member-of-organizations'?: string[];
    remarks?: string;
}

export interface OscalResponsibleParty {
    'role-id': string;
    'party-uuids': string[];
}

export interface OscalResponsibleRole {
    'role-id': string;
    'party-uuids'?: string[];
}

export interface OscalMetadata {
    title: string;
    'last-modified': string;
    version: string;
    'oscal-version': string;
    props?: OscalProperty[];
    roles?: OscalRole[];
    parties?: OscalParty[];
    'responsible-parties'?: OscalResponsibleParty[];
    remarks?: string;
}

export interface OscalResource {
    uuid: string;
    title?: string;
    description?: string;
    props?: OscalProperty[];
    citation?: { text: string };
    rlinks?: Array<{ href: string; 'media-type'?: string }>;
    remarks?: string;
}

export interface OscalBackMatter {
    resources: OscalResource[];
}

export interface OscalPart {
    id?: string;
    name: string;
    title?: string;
    prose?: string;
    props?: OscalProperty[];
}

export interface OscalControl {
    id: string;
    class?: string;
    title: string;
    props?: OscalProperty[];
    links?: OscalLink[];
    parts?: OscalPart[];
}

export interface OscalGroup {
    id: string;
    class?: string;
    title: string;
    props?: OscalProperty[];
    parts?: OscalPart[];
    controls?: OscalControl[];
}

export interface OscalCatalog {
    uuid: string;
    metadata: OscalMetadata;
    groups?: OscalGroup[];
    controls?: OscalControl[];
    'back-matter'?: OscalBackMatter;
}

export interface OscalImplementationStatus {
    state: string;
    remarks?: string;
}

export interface OscalComponentRequirement {
    'uuid': string;
    'control-id': string;
    'description': string;
    'props'?: OscalProperty[];
    'links'?: OscalLink[];
    'responsible-roles'?: OscalResponsibleRole[];
    'remarks'?: string;
}

export interface OscalComponentControlImplementation {
    'uuid': string;
    'source': string;
    'description': string;
    'implemented-requirements': OscalComponentRequirement[];
}

export interface OscalDefinedComponent {
    'uuid': string;
    'type': string;
    'title': string;
    'description': string;
    'purpose'?: string;
    'props'?: OscalProperty[];
    'links'?: OscalLink[];
    'responsible-roles'?: OscalResponsibleRole[];
    'control-implementations'?: OscalComponentControlImplementation[];
    'remarks'?: string;
}

export interface OscalComponentDefinition {
    'uuid': string;
    'metadata': OscalMetadata;
    'components'?: OscalDefinedComponent[];
    'back-matter'?: OscalBackMatter;
}

export interface OscalSystemComponent {
    'uuid': string;
    'type': string;
    'title': string;
    'description': string;
    'purpose'?: string;
    'props'?: OscalProperty[];
    'links'?: OscalLink[];
    'status': { state: string; remarks?: string };
    'responsible-roles'?: OscalResponsibleRole[];
    'remarks'?: string;
}

export interface OscalByComponent {
    'component-uuid': string;
    'uuid': string;
    'description': string;
    'implementation-status'?: OscalImplementationStatus;
    'responsible-roles'?: OscalResponsibleRole[];
    'remarks'?: string;
}

export interface OscalSspRequirement {
    'uuid': string;
    'control-id': string;
    'props'?: OscalProperty[];
    'links'?: OscalLink[];
    'responsible-roles'?: OscalResponsibleRole[];
    'by-components'?: OscalByComponent[];
    'remarks'?: string;
}

export interface OscalInformationType {
    uuid: string;
    title: string;
    description: string;
    props?: OscalProperty[];
}

export interface OscalInventoryItem {
    'uuid': string;
    'description': string;
    'props'?: OscalProperty[];
    'implemented-components'?: Array<{ 'component-uuid': string }>;
}

export interface OscalSystemSecurityPlan {
    'uuid': string;
    'metadata': OscalMetadata;
    'import-profile': { href: string; remarks?: string };
    'system-characteristics': {
        'system-ids': Array<{ 'identifier-type'?: string; id: string }>;
        'system-name': string;
        'system-name-short'?: string;
        'description': string;
        'props'?: OscalProperty[];
        'system-information': { 'information-types': OscalInformationType[] };
        'status': { state: string; remarks?: string };
        'authorization-boundary': { description: string };
        'remarks'?: string;
    };
    'system-implementation': {
        'components': OscalSystemComponent[];
        'inventory-items'?: OscalInventoryItem[];
        'remarks'?: string;
    };
    'control-implementation': {
        'description': string;
        'implemented-requirements': OscalSspRequirement[];
    };
    'back-matter'?: OscalBackMatter;
}

export interface OscalObservation {
    'uuid': string;
    'title'?: string;
    'description': string;
    'props'?: OscalProperty[];
    'methods': string[];
    'types'?: string[];
    'origins'?: OscalOrigin[];
    'subjects'?: Array<{ 'subject-uuid': string; 'type': string; 'title'?: string }>;
    'relevant-evidence'?: Array<{ href?: string; description: string }>;
    'collected': string;
    'remarks'?: string;
}

export interface OscalOrigin {
    actors: Array<{ 'type': 'tool' | 'assessment-platform' | 'party'; 'actor-uuid': string; 'role-id'?: string }>;
}

export interface OscalFinding {
    'uuid': string;
    'title': string;
    'description': string;
    'props'?: OscalProperty[];
    'links'?: OscalLink[];
    'origins'?: OscalOrigin[];
    'target': {
        'type': 'statement-id' | 'objective-id';
        'target-id': string;
        'title'?: string;
        'status': { state: 'satisfied' | 'not-satisfied'; reason?: string };
        'remarks'?: string;
    };
    'related-observations'?: Array<{ 'observation-uuid': string }>;
    'remarks'?: string;
}

export interface OscalControlSelection {
    'description'?: string;
    'include-controls': Array<{ 'control-id': string }>;
    'remarks'?: string;
}

export interface OscalResult {
    'uuid': string;
    'title': string;
    'description': string;
    'start': string;
    'end'?: string;
    'props'?: OscalProperty[];
    'links'?: OscalLink[];
    'reviewed-controls': { 'description'?: string; 'control-selections': OscalControlSelection[] };
    'observations'?: OscalObservation[];
    'findings'?: OscalFinding[];
    'remarks'?: string;
}

export interface OscalAssessmentResults {
    'uuid': string;
    'metadata': OscalMetadata;
    'import-ap': { href: string; remarks?: string };
    'results': OscalResult[];
    'back-matter'?: OscalBackMatter;
}

export interface OscalMap {
    'uuid': string;
    'relationship': string;
    'sources': Array<{ 'type': 'control' | 'statement'; 'id-ref': string; 'props'?: OscalProperty[] }>;
    'targets': Array<{ 'type': 'control' | 'statement'; 'id-ref': string; 'props'?: OscalProperty[] }>;
    'props'?: OscalProperty[];
    'remarks'?: string;
}

export interface OscalMapping {
    'uuid': string;
    'source-resource': { type: string; href: string };
    'target-resource': { type: string; href: string };
    'maps': OscalMap[];
    'remarks'?: string;
}

export interface OscalMappingCollection {
    'uuid': string;
    'metadata': OscalMetadata;
    'provenance': {
        'method': 'human' | 'automation' | 'hybrid';
        'matching-rationale': 'syntactic' | 'semantic' | 'functional';
        'status': 'complete' | 'not-complete' | 'draft' | 'deprecated' | 'superseded';
        'mapping-description': string;
    };
    'mappings': OscalMapping[];
    'back-matter'?: OscalBackMatter;
}
