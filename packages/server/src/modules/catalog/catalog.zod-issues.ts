import { BAD_CODE_MESSAGE } from '@scimon/contracts/catalog/index';
import type { CatalogueProblem } from '@scimon/contracts/catalog/index';
import type { z } from 'zod';
import { problemAt, type SourceLocation } from './catalog.problem.ts';

/** Turns the issues of a failed zod parse of one item into catalogue problems located at the offending field. */
export function problemsFromZodIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  at: SourceLocation,
): CatalogueProblem[] {
  return issues.map((issue) => {
    const path = issue.path.map(String);
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const field = keys.length > 0 ? [...path, keys[0] ?? ''].join('.') : path.join('.');
    if (issue.message === BAD_CODE_MESSAGE) {
      const value = valueAt(input, issue.path);
      return problemAt(
        at,
        field,
        'E_CATALOG_BAD_CODE',
        `code ${JSON.stringify(value)} does not match the required pattern`,
        `代码 ${JSON.stringify(value)} 不符合规定格式`,
      );
    }
    if (path[path.length - 1] === 'stage' && issue.code === 'invalid_value') {
      const value = valueAt(input, issue.path);
      return problemAt(
        at,
        field,
        'E_CATALOG_UNKNOWN_STAGE',
        `unknown stage ${JSON.stringify(value)}`,
        `未知阶段 ${JSON.stringify(value)}`,
      );
    }
    if (issue.code === 'unrecognized_keys') {
      return problemAt(
        at,
        field,
        'E_CATALOG_INVALID_FIELD',
        `unknown field(s): ${keys.join(', ')}`,
        `未知字段: ${keys.join(', ')}`,
      );
    }
    return problemAt(
      at,
      field,
      'E_CATALOG_INVALID_FIELD',
      `invalid value: ${issue.message}`,
      `字段值无效: ${issue.message}`,
    );
  });
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = input;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}
