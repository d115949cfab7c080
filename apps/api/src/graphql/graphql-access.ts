import { Injectable, Module, UnauthorizedException } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { BearerTokenGuard } from '../infrastructure/bearer-token.guard';
import { unauthenticated } from './graphql-errors';

export interface HttpRequest {
  headers: Record<string, string | string[] | undefined>;
}

/** The REST API's bearer-token check, applied to what a GraphQL client presents on either transport. */
@Injectable()
export class GraphqlAccess {
  constructor(private readonly restGuard: BearerTokenGuard) {}

  /** @param authorization the `Authorization` header, or the `authorization` connection parameter */
  admits(authorization: unknown): boolean {
    const request = { headers: { authorization: typeof authorization === 'string' ? authorization : undefined } };
    try {
      return this.restGuard.canActivate(new ExecutionContextHost([request], GraphqlAccess, this.admits));
    } catch (error) {
      if (error instanceof UnauthorizedException) return false;
      throw error;
    }
  }

  /** Apollo's context of one HTTP request: a request without the token is refused whole, with 401. */
  httpContext(req: HttpRequest): { req: HttpRequest } {
    if (!this.admits(req.headers.authorization)) throw unauthenticated();
    return { req };
  }
}

@Module({
  providers: [BearerTokenGuard, GraphqlAccess],
  exports: [GraphqlAccess],
})
export class GraphqlAccessModule {}
