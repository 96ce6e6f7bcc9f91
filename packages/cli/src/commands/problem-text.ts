// Renders a coded problem from the services in the CLI's language, with the API's message texts.
import { errorCatalogue, errorMessage, type ErrorCode } from '@scimon/contracts';
import type { Problem } from '@scimon/core';
import type { Lang } from '../lang.ts';

export function describeProblem(p: Problem, lang: Lang): string {
  if (p.code in errorCatalogue) return `${p.code}: ${errorMessage(p.code as ErrorCode, lang, p.params)}`;
  return `${p.code}: ${p.message ?? JSON.stringify(p.params ?? {})}`;
}
