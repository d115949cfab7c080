import { HttpStatus } from '@nestjs/common';

/** The one thing a controller sets on the response itself: 201 for a PUT that created. */
export interface ResponseStatus {
  status(code: number): unknown;
}

export function createdOrOk(created: boolean): HttpStatus {
  return created ? HttpStatus.CREATED : HttpStatus.OK;
}
