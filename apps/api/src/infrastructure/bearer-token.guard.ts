import { createHash, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, SetMetadata, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { API_TOKEN } from './tokens';

const PUBLIC_ROUTE = 'voltstream:public-route';

/** Marks a route that needs no token (health only: SPEC §6). */
export const PublicRoute = () => SetMetadata(PUBLIC_ROUTE, true);

/** `Authorization: Bearer <API_TOKEN>` on every route not marked public. */
@Injectable()
export class BearerTokenGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(
    private readonly reflector: Reflector,
    @Inject(API_TOKEN) token: string,
  ) {
    this.expected = digest(token);
  }

  canActivate(context: ExecutionContext): boolean {
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>();
    const presented = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    // Digests have a fixed length, so the comparison takes the same time whatever was presented.
    if (presented && timingSafeEqual(digest(presented), this.expected)) return true;
    throw new UnauthorizedException('a valid bearer token is required');
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
