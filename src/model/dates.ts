/**
 * Calendar dates as the AIMS language writes them (YYYY-MM-DD), compared as whole days in UTC
 * so that "today" never depends on the machine's time zone.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days since 1970-01-01 for a valid `YYYY-MM-DD`, or undefined for a date that does not exist. */
export function parseIsoDate(text: string): number | undefined {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!m) {
        return undefined;
    }
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const ms = Date.UTC(year, month - 1, day);
    const back = new Date(ms);
    if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
        return undefined;
    }
    return ms / DAY_MS;
}

export function formatIsoDate(days: number): string {
    return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

/** Today's date in UTC as `YYYY-MM-DD`. */
export function systemToday(): string {
    return new Date().toISOString().slice(0, 10);
}

export type DurationUnit = 'day' | 'days' | 'week' | 'weeks' | 'month' | 'months' | 'year' | 'years';

/** `date` plus a duration; months and years keep the day of month where the calendar allows. */
export function addDuration(date: string, count: number, unit: string): string | undefined {
    const days = parseIsoDate(date);
    if (days === undefined) {
        return undefined;
    }
    const d = new Date(days * DAY_MS);
    switch (unit.replace(/s$/, '')) {
        case 'day': d.setUTCDate(d.getUTCDate() + count); break;
        case 'week': d.setUTCDate(d.getUTCDate() + 7 * count); break;
        case 'month': d.setUTCMonth(d.getUTCMonth() + count); break;
        case 'year': d.setUTCFullYear(d.getUTCFullYear() + count); break;
        default: return undefined;
    }
    return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier); undefined if either is invalid. */
export function daysBetween(from: string, to: string): number | undefined {
    const a = parseIsoDate(from);
    const b = parseIsoDate(to);
    return a === undefined || b === undefined ? undefined : b - a;
}
