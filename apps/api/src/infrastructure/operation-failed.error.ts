import type { OperationFailure } from '@voltstream/domain';

/** The one error the API's services throw: a domain failure, mapped to HTTP by OperationFailedFilter. */
export class OperationFailedError extends Error {
  constructor(readonly failure: OperationFailure) {
    super(failure.message);
    this.name = 'OperationFailedError';
  }
}

export function notFound(message: string): OperationFailedError {
  return new OperationFailedError({ kind: 'notFound', message });
}
