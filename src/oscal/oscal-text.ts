/**
 * OSCAL's data types for text: `string` and `markup-line` are one line without leading or
 * trailing space, markup is Markdown, tokens are XML NCNames, URIs must parse. User text from
 * `.aims` files is fitted to these types here, without losing words.
 */
import { linkableUrl, staysInside, urlScheme } from '../workspace/link-policy.js';

/** OSCAL `string`: whitespace runs (including line breaks) become one space; never empty. */
export function oscalString(text: string | undefined, fallback: string): string {
    const clean = (text ?? '').replace(/\s+/gu, ' ').trim();
    return clean === '' ? fallback : clean;
}

/**
 * Escape Markdown so user text stays text: inline markup characters anywhere, and a line start
 * that would make a heading, list item or block quote.
 */
function escapeMarkdown(text: string): string {
    return text
        .replace(/[\\`*_[\]<>~&]/g, ch => `\\${ch}`)
        .replace(/^([#+=-])/gm, '\\$1')
        .replace(/^(\d+)([.)])/gm, '$1\\$2');
}

/** OSCAL `markup-line`: one line of Markdown holding the user's text literally. */
export function markupLine(text: string | undefined, fallback: string): string {
    return escapeMarkdown(oscalString(text, fallback));
}

/** OSCAL `markup-multiline`: paragraphs of Markdown holding the user's text literally. */
export function markupMultiline(text: string | undefined, fallback: string): string {
    const lines = (text ?? '').replace(/\r\n?/g, '\n').split('\n').map(line => line.replace(/\s+/gu, ' ').trim());
    const body = lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
    return body === '' ? fallback : escapeMarkdown(body);
}

/** An OSCAL token (NCName) for an AIMS id: `A.6.2.4` -> `a.6.2.4`, `ACME.1` -> `acme.1`. */
export function oscalToken(id: string): string {
    const token = id.toLowerCase().replace(/[^\p{L}\p{N}._-]+/gu, '-');
    return /^[\p{L}_]/u.test(token) ? token : `_${token}`;
}

/**
 * The address an evidence path or URL can be given as in an OSCAL `uri-reference`, if any: an
 * http or https URL, or a relative path inside the workspace (workspace/link-policy.ts). Anything
 * else (`javascript:`, `file:`, `../outside`) is no link; the exporter keeps it as a remark.
 */
export function uriReference(pathOrUrl: string): string | undefined {
    const text = pathOrUrl.trim();
    if (text === '') return undefined;
    if (urlScheme(text)) {
        return linkableUrl(text);
    }
    if (!staysInside(text)) {
        return undefined;
    }
    // A relative path: percent-encode what a URI may not hold, keep slashes.
    return text.split(/[\\/]/).map(segment => encodeURIComponent(segment.replace(LONE_SURROGATE, '\uFFFD'))).join('/');
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** An e-mail address OSCAL's `email` format accepts (RFC 5321 shape), or undefined. */
export function emailAddress(text: string | undefined): string | undefined {
    const t = text?.trim() ?? '';
    return /^[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/.test(t) ? t : undefined;
}
