import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { correlationIdOf, CORRELATION_RESPONSE_HEADER } from '@voltstream/logging';
import type { Observable } from 'rxjs';

interface HttpRequest {
  headers: Record<string, string | string[] | undefined>;
}
interface HttpResponse {
  setHeader(name: string, value: string): unknown;
}

const ofRequest = new WeakMap<object, string>();
const current = new AsyncLocalStorage<string>();

/**
 * Express middleware, first of all: names every request by the caller's X-Request-Id or
 * X-Correlation-Id (a new id when it gives none) and answers with it in X-Request-Id.
 */
export function nameRequest(request: HttpRequest, response: HttpResponse, next: () => void): void {
  const id = correlationIdOf(request.headers);
  ofRequest.set(request, id);
  response.setHeader(CORRELATION_RESPONSE_HEADER, id);
  next();
}

/**
 * The correlation id of the request being handled (REST route or GraphQL resolver). Outside one
 * it throws: every command the API sends to a wallbox is an operator's, and carries its request's id.
 */
export function currentCorrelationId(): string {
  const id = current.getStore();
  if (id === undefined) throw new Error('no operator request is being handled: a command needs its correlation id');
  return id;
}

/**
 * Runs a route or resolver with its request's correlation id current, so that a command it sends
 * carries it through NATS to the gateway. (A middleware cannot: the body parser after it loses the
 * async context; NestJS runs a handler inside the context of its interceptors.) An operation over
 * GraphQL's WebSocket has no HTTP request to name it: it gets an id of its own.
 */
@Injectable()
export class CorrelationInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.getType<string>() === 'graphql' ? (context.getArgByIndex<{ req?: object } | undefined>(2)?.req) : context.switchToHttp().getRequest<object>();
    const id = (request && ofRequest.get(request)) ?? randomUUID();
    return current.run(id, () => next.handle());
  }
}
