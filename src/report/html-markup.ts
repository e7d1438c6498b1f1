/**
 * HTML built with a tagged template that escapes every interpolated value unless it is markup
 * made by this same tag. User text from `.aims` files can therefore never become markup in a
 * report, however a renderer forgets to think about it.
 */

/** Markup produced by `html` (or deliberately trusted): inserted as is. */
export class Markup {
    constructor(readonly value: string) {}
    toString(): string {
        return this.value;
    }
}

export type Content = Markup | string | number | boolean | null | undefined | readonly Content[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' };

/** Escape text for element content and for quoted attribute values. */
export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, ch => ENTITIES[ch]);
}

function render(value: Content): string {
    if (value instanceof Markup) return value.value;
    if (Array.isArray(value)) return value.map(render).join('');
    if (value === null || value === undefined || value === false || value === true) return '';
    return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Content[]): Markup {
    let out = strings[0];
    values.forEach((value, i) => {
        out += render(value) + strings[i + 1];
    });
    return new Markup(out);
}

/** Join fragments with a separator (the separator is escaped like any text). */
export function join(items: readonly Content[], separator: Content): Markup {
    const parts: Content[] = [];
    items.forEach((item, i) => {
        if (i > 0) parts.push(separator);
        parts.push(item);
    });
    return new Markup(render(parts));
}
