/**
 * The shapes of names and ids as the grammar's terminals read them (aims.langium), for code that
 * writes .aims text and must know whether a value can stand bare: the importers of OSCAL
 * catalogs and spreadsheets.
 */

/** A declaration name: the ID terminal (`alice`, `credit-scoring`, `NWL-MRS`). */
export const NAME = /^[_a-zA-Z][\w-]*$/;

/** A control id: the CATALOG_ID terminal (`A.6.2.4`, `ACME.1`). */
export const CONTROL_ID = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+$/;
