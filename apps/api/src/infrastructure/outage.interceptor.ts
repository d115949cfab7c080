import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { catchError, throwError, type Observable } from 'rxjs';
import { outageOf } from './outage';

/** Answers a request that failed because NATS or Postgres is down with 503 (REST) or SERVICE_UNAVAILABLE (GraphQL), never 500. */
@Injectable()
export class OutageInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((error: unknown) => throwError(() => outageOf(error) ?? error)));
  }
}
