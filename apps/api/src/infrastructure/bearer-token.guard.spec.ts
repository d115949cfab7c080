import { UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';
import { describe, expect, it } from 'vitest';
import { BearerToken } from './bearer-token';
import { BearerTokenGuard, PublicRoute, type AuthorizedRequest } from './bearer-token.guard';

const TOKEN = 'a-token-of-the-api';

class Resource {
  handle(): boolean {
    return true;
  }
}

@PublicRoute()
class PublicResource {
  handle(): boolean {
    return true;
  }
}

/** The execution context NestJS hands a guard: a REST route gets [req, res], a resolver [root, args, context, info]. */
function contextOf(type: GqlContextType, args: unknown[], resource: new () => { handle(): boolean } = Resource): ExecutionContext {
  return {
    getType: <T extends string>() => type as T,
    getArgs: <T extends unknown[]>() => args as T,
    getArgByIndex: <T>(index: number) => args[index] as T,
    getClass: <T>() => resource as T,
    getHandler: () => resource.prototype.handle,
    switchToHttp: () => ({ getRequest: <T>() => args[0] as T, getResponse: <T>() => args[1] as T, getNext: <T>() => args[2] as T }),
    switchToRpc: () => {
      throw new Error('not RPC');
    },
    switchToWs: () => {
      throw new Error('not WebSocket');
    },
  };
}

const request = (authorization?: string): AuthorizedRequest => ({ headers: { authorization } });
const rest = (authorization?: string) => contextOf('http', [request(authorization), {}]);
const graphql = (req?: AuthorizedRequest) => contextOf('graphql', [undefined, {}, req ? { req } : {}, {}]);

describe('BearerToken', () => {
  const token = new BearerToken(TOKEN);

  it('admits "Bearer <token>", the scheme in any case', () => {
    expect(token.admits(`Bearer ${TOKEN}`)).toBe(true);
    expect(token.admits(`bearer ${TOKEN}`)).toBe(true);
  });

  it('refuses another token, another scheme, no token and what is not a string', () => {
    for (const presented of [`Bearer ${TOKEN}x`, 'Bearer ', `Basic ${TOKEN}`, TOKEN, '', undefined, null, 42, { token: TOKEN }]) {
      expect(token.admits(presented)).toBe(false);
    }
  });
});

describe('BearerTokenGuard', () => {
  const guard = new BearerTokenGuard(new Reflector(), new BearerToken(TOKEN));

  it('reads the token of a REST route from its HTTP request', () => {
    expect(guard.canActivate(rest(`Bearer ${TOKEN}`))).toBe(true);
    expect(() => guard.canActivate(rest('Bearer wrong'))).toThrow(UnauthorizedException);
    expect(() => guard.canActivate(rest())).toThrow(UnauthorizedException);
  });

  it('reads the token of a GraphQL operation from the request its context carries', () => {
    expect(guard.canActivate(graphql(request(`Bearer ${TOKEN}`)))).toBe(true);
    expect(() => guard.canActivate(graphql(request('Bearer wrong')))).toThrow(UnauthorizedException);
    expect(() => guard.canActivate(graphql())).toThrow(UnauthorizedException);
  });

  it('lets a public route through without a token', () => {
    expect(guard.canActivate(contextOf('http', [request(), {}], PublicResource))).toBe(true);
  });
});
