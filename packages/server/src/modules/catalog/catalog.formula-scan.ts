/** Functions of the formula language; every other identifier in a formula must be an indicator code. */
export const FORMULA_FUNCTIONS = new Set(['min', 'max', 'abs', 'if', 'lag']);

/** One identifier of a formula: the name and whether it is called (followed by `(`). */
export interface FormulaIdentifier {
  readonly name: string;
  readonly called: boolean;
}

/**
 * Lists the identifiers of a formula by a simple scan (no parsing): enough to check that a formula names only known
 * indicators and functions. Numbers such as `1e3` are skipped.
 */
export function scanFormulaIdentifiers(formula: string): FormulaIdentifier[] {
  const out: FormulaIdentifier[] = [];
  const pattern = /(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)(\s*\()?/g;
  for (const m of formula.matchAll(pattern)) {
    if (m[2] !== undefined) out.push({ name: m[2], called: m[3] !== undefined });
  }
  return out;
}
