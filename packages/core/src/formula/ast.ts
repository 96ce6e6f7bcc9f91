/**
 * The formula language's own syntax tree (jsep's tree is converted into this one and then dropped).
 * Every node carries `start`/`end`: zero-based character offsets into the formula source, end exclusive,
 * so every refusal can point at the formula's character position.
 */
export type FormulaNode =
  | { readonly kind: 'number'; readonly value: number; readonly start: number; readonly end: number }
  | { readonly kind: 'boolean'; readonly value: boolean; readonly start: number; readonly end: number }
  | { readonly kind: 'ref'; readonly name: string; readonly start: number; readonly end: number }
  | {
      readonly kind: 'unary';
      readonly op: UnaryOp;
      readonly arg: FormulaNode;
      readonly start: number;
      readonly end: number;
    }
  | {
      readonly kind: 'binary';
      readonly op: BinaryOp;
      readonly left: FormulaNode;
      readonly right: FormulaNode;
      readonly start: number;
      readonly end: number;
    }
  | {
      readonly kind: 'call';
      readonly fn: string;
      readonly args: readonly FormulaNode[];
      readonly start: number;
      readonly end: number;
    };

/** Unary operators: negation and logical not. */
export type UnaryOp = '-' | '!';

/** Binary operators of the language, nothing else. `^` is power (right-associative). */
export type BinaryOp = '+' | '-' | '*' | '/' | '^' | '<' | '<=' | '>' | '>=' | '==' | '!=' | '&&' | '||';

/** The functions of the language. */
export const FORMULA_FUNCTIONS = ['min', 'max', 'abs', 'if', 'lag'] as const;

/** A function name of the language. */
export type FormulaFunction = (typeof FORMULA_FUNCTIONS)[number];

/** Names of every indicator a formula refers to (each once, in order of first appearance). */
export function collectRefs(node: FormulaNode, out: string[] = []): string[] {
  switch (node.kind) {
    case 'ref':
      if (!out.includes(node.name)) out.push(node.name);
      break;
    case 'unary':
      collectRefs(node.arg, out);
      break;
    case 'binary':
      collectRefs(node.left, out);
      collectRefs(node.right, out);
      break;
    case 'call':
      for (const a of node.args) collectRefs(a, out);
      break;
    default:
      break;
  }
  return out;
}

/** Every reference node (with its position) for a given name, for error reporting. */
export function findRef(node: FormulaNode, name: string): FormulaNode | undefined {
  switch (node.kind) {
    case 'ref':
      return node.name === name ? node : undefined;
    case 'unary':
      return findRef(node.arg, name);
    case 'binary':
      return findRef(node.left, name) ?? findRef(node.right, name);
    case 'call':
      for (const a of node.args) {
        const f = findRef(a, name);
        if (f) return f;
      }
      return undefined;
    default:
      return undefined;
  }
}
