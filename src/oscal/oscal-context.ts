/**
 * What the three OSCAL models share: deterministic UUIDs, metadata with roles and parties from
 * the AIMS's people and teams, the back-matter resource that stands for our exported catalog,
 * evidence as resources, and the mapping of SoA decisions to OSCAL implementation states.
 */
import type { EvidenceRow, ReportData, SoaRow } from '../report/aims-report-data.js';
import { emailAddress, markupLine, markupMultiline, oscalString, oscalToken, uriReference } from './oscal-text.js';
import { uuidV5 } from './oscal-uuid.js';
import type { OscalLink, OscalMetadata, OscalParty, OscalProperty, OscalResource, OscalResponsibleRole, OscalRole } from './oscal-types.js';

export const OSCAL_VERSION = '1.2.2';

/** Namespace of the properties that are ours rather than OSCAL's. */
export const AIMS_NS = 'urn:aims-language-tools:oscal';

/** The file name `aims export oscal --model catalog` suggests; other models point at it. */
export const DEFAULT_CATALOG_HREF = 'aims-annex-a-catalog.json';

export interface OscalExportOptions {
    /** `last-modified` of every model: ISO date-time with zone. */
    readonly timestamp: string;
    /** Where the exported catalog lives, relative to the other models (default DEFAULT_CATALOG_HREF). */
    readonly catalogHref?: string;
}

export type ImplementationState = 'implemented' | 'partial' | 'planned' | 'not-applicable';

export const ROLES: readonly OscalRole[] = [
    { id: 'maintainer', title: 'AI management system maintainer', description: 'The organisation that keeps this AI management system.' },
    { id: 'system-owner', title: 'AI system owner', description: 'Accountable for an AI system in the AIMS inventory.' },
    { id: 'control-owner', title: 'Control owner', description: 'Accountable for implementing a control of the statement of applicability.' },
    { id: 'policy-owner', title: 'Policy owner', description: 'Accountable for a policy of the AI management system.' }
];

export class OscalContext {
    readonly orgKey: string;
    readonly orgTitle: string;
    private readonly partyUuids = new Map<string, string>();

    constructor(readonly data: ReportData, readonly options: OscalExportOptions) {
        this.orgKey = data.organisation?.id ?? 'aims';
        this.orgTitle = oscalString(data.organisation?.title, 'AI management system');
        for (const person of data.people) this.partyUuids.set(person.id, this.uuid('party', person.id));
        for (const team of data.teams) this.partyUuids.set(team.id, this.uuid('party', team.id));
    }

    /** A UUID from stable names: the organisation, a kind and the AIMS ids involved. */
    uuid(kind: string, ...names: string[]): string {
        return uuidV5([kind, this.orgKey, ...names].join(':'));
    }

    get catalogUuid(): string {
        return this.uuid('catalog');
    }

    get organisationPartyUuid(): string {
        return this.uuid('organisation');
    }

    get catalogHref(): string {
        return this.options.catalogHref ?? DEFAULT_CATALOG_HREF;
    }

    /** `version` of a model: the commit it was made from, else the report date. */
    get version(): string {
        return this.data.commit ? this.data.commit.hash.slice(0, 12) + (this.data.commit.dirty ? '-dirty' : '') : this.data.today;
    }

    partyUuid(id: string | undefined): string | undefined {
        return id === undefined ? undefined : this.partyUuids.get(id);
    }

    responsibleRole(roleId: string, ownerId: string | undefined): OscalResponsibleRole[] | undefined {
        const party = this.partyUuid(ownerId);
        return party ? [{ 'role-id': roleId, 'party-uuids': [party] }] : undefined;
    }

    metadata(title: string, withParties: boolean): OscalMetadata {
        const metadata: OscalMetadata = {
            'title': markupLine(title, 'AI management system'),
            'last-modified': this.options.timestamp,
            'version': this.version,
            'oscal-version': OSCAL_VERSION
        };
        if (withParties) {
            metadata.roles = ROLES.map(r => ({ ...r }));
            metadata.parties = this.parties();
            metadata['responsible-parties'] = [{ 'role-id': 'maintainer', 'party-uuids': [this.organisationPartyUuid] }];
        }
        return metadata;
    }

    private parties(): OscalParty[] {
        const teamUuid = (id: string) => this.partyUuids.get(id);
        const org: OscalParty = {
            'uuid': this.organisationPartyUuid,
            'type': 'organization',
            'name': this.orgTitle,
            'short-name': oscalString(this.data.organisation?.id, 'aims')
        };
        const people = this.data.people.map(person => {
            const party: OscalParty = { uuid: this.partyUuids.get(person.id)!, type: 'person', name: oscalString(person.title, person.id) };
            const props = person.roles.map(role => ({ name: 'job-title', value: oscalString(role, 'role') }));
            if (props.length > 0) party.props = props;
            const email = emailAddress(person.email);
            if (email) party['email-addresses'] = [email];
            const teams = person.teams.map(teamUuid).filter((u): u is string => u !== undefined);
            party['member-of-organizations'] = [this.organisationPartyUuid, ...teams];
            return party;
        });
        const teams = this.data.teams.map(team => {
            const party: OscalParty = { uuid: this.partyUuids.get(team.id)!, type: 'organization', name: oscalString(team.title, team.id), 'short-name': team.id };
            party['member-of-organizations'] = [this.organisationPartyUuid];
            if (team.roles.length > 0) party.remarks = markupMultiline(team.roles.join('\n'), '');
            return party;
        });
        return [org, ...teams, ...people];
    }

    /** The back-matter resource that stands for our exported catalog (`#uuid` links point at it). */
    catalogResource(): OscalResource {
        return {
            uuid: this.catalogUuid,
            title: markupLine(`${this.orgTitle}: ISO/IEC 42001 Annex A control catalog`, 'Control catalog'),
            description: markupMultiline('The OSCAL catalog that aims export oscal --model catalog writes for this workspace: the Annex A controls of ISO/IEC 42001 and the organisation\'s own controls.', ''),
            rlinks: [{ 'href': this.catalogHref, 'media-type': 'application/oscal.catalog+json' }]
        };
    }

    evidenceUuid(id: string): string {
        return this.uuid('evidence', id);
    }

    evidenceResources(): OscalResource[] {
        return this.data.evidence.map(ev => this.evidenceResource(ev));
    }

    private evidenceResource(ev: EvidenceRow): OscalResource {
        const props: OscalProperty[] = [{ name: 'type', value: 'evidence' }];
        if (ev.kind) props.push({ name: 'evidence-kind', ns: AIMS_NS, value: ev.kind });
        if (ev.collected) props.push({ name: 'collected', ns: AIMS_NS, value: ev.collected });
        if (ev.expires) props.push({ name: 'expires', ns: AIMS_NS, value: ev.expires });
        props.push({ name: 'freshness', ns: AIMS_NS, value: ev.freshness });
        const rlinks = [ev.path, ev.url]
            .map(target => target === undefined ? undefined : uriReference(target))
            .filter((href): href is string => href !== undefined)
            .map(href => ({ href }));
        const resource: OscalResource = {
            uuid: this.evidenceUuid(ev.id),
            title: markupLine(ev.title, ev.id),
            description: markupMultiline(`Evidence '${ev.id}'${ev.supports.length > 0 ? `, supporting ${ev.supports.join(', ')}` : ''}.`, ''),
            props
        };
        if (rlinks.length > 0) resource.rlinks = rlinks;
        const unlinkable = [ev.path, ev.url].filter(t => t !== undefined && uriReference(t) === undefined);
        if (unlinkable.length > 0) resource.remarks = markupMultiline(`Location as written: ${unlinkable.join(', ')}`, '');
        return resource;
    }

    /** Links from an SoA row to its evidence resources. */
    evidenceLinks(row: SoaRow): OscalLink[] | undefined {
        const known = new Set(this.data.evidence.map(e => e.id));
        const links = row.evidence.filter(ev => known.has(ev.id)).map(ev => ({
            href: `#${this.evidenceUuid(ev.id)}`, rel: 'evidence', text: markupLine(ev.title, ev.id)
        }));
        return links.length > 0 ? links : undefined;
    }

    controlToken(controlId: string): string {
        return oscalToken(controlId);
    }
}

/** OSCAL's implementation state for an SoA row; undefined while undecided or unknown. */
export function implementationState(row: SoaRow): ImplementationState | undefined {
    if (row.decision === 'excluded') return 'not-applicable';
    if (row.decision !== 'applicable') return undefined;
    switch (row.status) {
        case 'implemented': return 'implemented';
        case 'in-progress': return 'partial';
        case 'planned': return 'planned';
        default: return undefined;
    }
}

/** A sentence on the row's decision, for descriptions and remarks. */
export function decisionText(row: SoaRow): string {
    const status = row.decision === 'applicable'
        ? (row.status === 'implemented' ? 'Implemented.'
            : row.status === 'in-progress' ? 'Applicable; implementation in progress.'
            : row.status === 'planned' ? 'Applicable; implementation planned.'
            : 'Applicable; the implementation status is not recorded.')
        : row.decision === 'excluded' ? 'Excluded from the statement of applicability.'
        : row.decision === 'undecided' ? 'Undecided in the statement of applicability.'
        : 'No statement of applicability entry.';
    return row.note ? `${status}\n\n${row.note}` : status;
}
