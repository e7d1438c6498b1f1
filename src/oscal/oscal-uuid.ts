/**
 * Deterministic UUIDs (RFC 4122 version 5: SHA-1 of a namespace and a name), so that exporting
 * the same AIMS twice gives byte-identical OSCAL and a re-export diffs cleanly.
 */
import { createHash } from 'node:crypto';

/** Our namespace: uuid v5 of `urn:aims-language-tools:oscal` in the RFC 4122 URL namespace. */
export const AIMS_OSCAL_NAMESPACE = '749c7d55-c363-5e89-8da1-c2c097203478';

export function uuidV5(name: string, namespace: string = AIMS_OSCAL_NAMESPACE): string {
    const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
    if (ns.length !== 16) {
        throw new Error(`'${namespace}' is not a UUID.`);
    }
    const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
    bytes[6] = (bytes[6] & 0x0f) | 0x50;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
