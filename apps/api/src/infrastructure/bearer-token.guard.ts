import { Injectable, SetMetadata, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { BearerToken } from './bearer-token';

const PUBLIC_ROUTE = 'voltstream:public-route';

/** Marks a route that needs no bearer token: health (SPEC §6), and the URLs wallboxes follow, whose path carries their permission. */
export const PublicRoute = () => SetMetadata(PUBLIC_ROUTE, true);

/** What the token is read from: the HTTP request, or the `req` a GraphQL context carries. */
export interface AuthorizedRequest {
  headers: { authorization?: unknown };
}

/** `Authorization: Bearer <API_TOKEN>` on every REST route not marked public and on every GraphQL operation. */
@Injectable()
export class BearerTokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly token: BearerToken,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()])) return true;
    if (this.token.admits(requestOf(context)?.headers.authorization)) return true;
    throw new UnauthorizedException('a valid bearer token is required');
  }
}

function requestOf(context: ExecutionContext): AuthorizedRequest | undefined {
  if (context.getType<GqlContextType>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req?: AuthorizedRequest }>().req;
  }
  return context.switchToHttp().getRequest<AuthorizedRequest>();
}
