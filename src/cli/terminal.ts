/**
 * Colour in the terminal, the way people expect it of a linter: only when stdout is a terminal
 * (not a pipe, a file or CI's log capture), never with `NO_COLOR`, always with `FORCE_COLOR`
 * (as Node itself decides: `FORCE_COLOR` wins, `FORCE_COLOR=0` switches colour off). Only the
 * severity is coloured, so the lines stay `file:line:col ...`, which terminals turn into links.
 */
import { styleText } from 'node:util';
import type { RuleSeverity } from '../validation/rules.js';

export interface ColourEnvironment {
    readonly env: Readonly<Record<string, string | undefined>>;
    /** Whether stdout is a terminal. */
    readonly isTTY: boolean;
}

export function useColour({ env, isTTY }: ColourEnvironment): boolean {
    const force = env.FORCE_COLOR;
    if (force !== undefined) {
        return force !== '0' && force.toLowerCase() !== 'false';
    }
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') {
        return false;
    }
    return isTTY && env.TERM !== 'dumb';
}

type Style = Parameters<typeof styleText>[0];

const SEVERITY_STYLE: Record<RuleSeverity, Style> = {
    error: ['bold', 'red'],
    warning: 'yellow',
    info: 'blue',
    hint: 'gray'
};

/** Paints text, or leaves it as it is when colour is off. */
export interface Paint {
    severity(severity: RuleSeverity, text: string): string;
    dim(text: string): string;
}

export const NO_PAINT: Paint = { severity: (_, text) => text, dim: text => text };

// validateStream: false, since whether to colour is decided above, for stdout, once.
const COLOUR_PAINT: Paint = {
    severity: (severity, text) => styleText(SEVERITY_STYLE[severity], text, { validateStream: false }),
    dim: text => styleText('dim', text, { validateStream: false })
};

export function paint(colour: boolean): Paint {
    return colour ? COLOUR_PAINT : NO_PAINT;
}
