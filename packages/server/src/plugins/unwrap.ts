// Turns a service Result into the value, or throws the coded ApiError the error plugin renders.
import type { Result } from '@scimon/core';
import type { ErrorCode } from '@scimon/contracts';
import { ApiError } from './errors.ts';

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new ApiError(result.error.code as ErrorCode, { ...(result.error.params ?? {}) });
}
