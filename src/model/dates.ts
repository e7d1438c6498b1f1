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

/** `YYYY-MM-DD` for days since 1970-01-01; undefined outside the years 0000 to 9999, which that form cannot write. */
export function formatIsoDate(days: number): string | undefined {
    const date = new Date(days * DAY_MS);
    const year = date.getUTCFullYear();
    return Number.isFinite(date.getTime()) && year >= 0 && year <= 9999 ? date.toISOString().slice(0, 10) : undefined;
}

/** Today's date in UTC as `YYYY-MM-DD`. */
export function systemToday(): string {
    return new Date().toISOString().slice(0, 10);
}

export type DurationUnit = 'day' | 'days' | 'week' | 'weeks' | 'month' | 'months' | 'year' | 'years';

/**
 * `date` plus `count` units. Months and years keep the day of the month where the calendar has it
 * and otherwise fall on the month's last day: 2026-01-31 plus 1 month is 2026-02-28, 2024-02-29
 * plus 1 year is 2025-02-28 (JavaScript's `Date` would roll over into March). Undefined for an
 * invalid date, an unknown unit or a count that is not a whole number.
 */
export function addDuration(date: string, count: number, unit: string | undefined): string | undefined {
    const days = parseIsoDate(date);
    if (days === undefined || unit === undefined || !Number.isSafeInteger(count)) {
        return undefined;
    }
    const d = new Date(days * DAY_MS);
    switch (unit.replace(/s$/, '')) {
        case 'day': return formatIsoDate(days + count);
        case 'week': return formatIsoDate(days + 7 * count);
        case 'month': return addMonths(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), count);
        case 'year': return addMonths(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 12 * count);
        default: return undefined;
    }
}

/** Year, 0-based month and day plus `months`, the day clamped to the target month's length. */
function addMonths(year: number, month: number, day: number, months: number): string | undefined {
    const total = year * 12 + month + months;
    const targetYear = Math.floor(total / 12);
    const targetMonth = total - targetYear * 12;
    // setUTCFullYear, unlike Date.UTC, does not read years 0 to 99 as 1900 to 1999.
    const lastDay = new Date(0);
    lastDay.setUTCFullYear(targetYear, targetMonth + 1, 0);
    const target = new Date(0);
    target.setUTCFullYear(targetYear, targetMonth, Math.min(day, lastDay.getUTCDate()));
    return formatIsoDate(target.getTime() / DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier); undefined if either is invalid. */
export function daysBetween(from: string, to: string): number | undefined {
    const a = parseIsoDate(from);
    const b = parseIsoDate(to);
    return a === undefined || b === undefined ? undefined : b - a;
}
