import { applyDecorators, Controller, Delete, Get, HttpCode, HttpStatus, Put, type Type } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  type ApiResponseOptions,
} from '@nestjs/swagger';

export const UNKNOWN_CHARGE_POINT = 'an unknown charge point';

/** What a PUT leads to: the resource as it is now, and whether this request created it. */
export interface PutOutcome<T> {
  resource: T;
  created: boolean;
}

/** The one thing a controller sets on the response itself. */
export interface ResponseStatus {
  status(code: number): unknown;
}

/** A write stored in the log that the read models do not show within READ_YOUR_WRITES_WAIT_MS. */
const NotYetVisibleResponse = () =>
  ApiAcceptedResponse({ description: 'stored, and takes effect; the read models do not show it yet: GET the Location shortly' });

/** A PUT that creates the resource when absent: 201 then, else 200; 400 for a body the validation refuses. */
export const PutRoute = (path: string, type: Type, descriptions: { created: string; changed: string }) =>
  applyDecorators(
    Put(path),
    ApiOkResponse({ type, description: descriptions.changed }),
    ApiCreatedResponse({ type, description: descriptions.created }),
    NotYetVisibleResponse(),
    ApiBadRequestResponse(),
  );

/** Answers a PutRoute with the resource and the status its outcome calls for. */
export function answerPut<T>(response: ResponseStatus, { resource, created }: PutOutcome<T>): T {
  response.status(created ? HttpStatus.CREATED : HttpStatus.OK);
  return resource;
}

/** A DELETE: 204, or 404 when there is nothing to delete. */
export const DeleteRoute = (path: string, description?: string) =>
  applyDecorators(
    Delete(path),
    HttpCode(HttpStatus.NO_CONTENT),
    ApiNoContentResponse({ description }),
    NotYetVisibleResponse(),
    ApiNotFoundResponse(),
  );

/** A controller of routes below charge-points/:identity, behind the bearer token. */
export const ChargePointController = (tag: string, path = '') =>
  applyDecorators(ApiTags(tag), ApiBearerAuth(), Controller(`charge-points/:identity${path && `/${path}`}`));

/** A GET of what the read models hold for one charge point: 404 for an unknown one. */
export const ChargePointGet = (ok: ApiResponseOptions) =>
  applyDecorators(Get(), ApiOkResponse(ok), ApiNotFoundResponse({ description: UNKNOWN_CHARGE_POINT }));
