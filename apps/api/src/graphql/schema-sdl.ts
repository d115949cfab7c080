import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { loadConfig } from '@voltstream/config';
import { ApiModule } from '../api.module';

const RESOLVER_TYPE = 'graphql:resolver_type';

type ModuleRef = Type | { module: Type; imports?: unknown[]; providers?: unknown[] };

const isClass = (value: unknown): value is Type => typeof value === 'function';

/**
 * The resolvers of every module the API imports, found as Nest finds them: the schema is the one the
 * API serves, not a list kept beside it. Only the module tree is read; nothing is instantiated.
 */
function resolvers(): Type[] {
  const found = new Set<Type>();
  const seen = new Set<unknown>();
  const visit = (ref: ModuleRef): void => {
    if (seen.has(ref)) return;
    seen.add(ref);
    const type = isClass(ref) ? ref : ref.module;
    const imports = [...(Reflect.getMetadata('imports', type) ?? []), ...(isClass(ref) ? [] : (ref.imports ?? []))];
    const providers: unknown[] = [...(Reflect.getMetadata('providers', type) ?? []), ...(isClass(ref) ? [] : (ref.providers ?? []))];
    for (const provider of providers) if (isClass(provider) && Reflect.hasMetadata(RESOLVER_TYPE, provider)) found.add(provider);
    for (const imported of imports) if (imported && (isClass(imported) || 'module' in imported)) visit(imported);
  };
  visit(ApiModule.forRoot(loadConfig({}), 'schema') as ModuleRef);
  return [...found];
}

/** The API's code-first GraphQL schema as SDL, sorted as the API serves it; built without a database or NATS. */
export async function apiSchemaSdl(): Promise<string> {
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    const schema = await app.get(GraphQLSchemaFactory).create(resolvers());
    return `${printSchema(lexicographicSortSchema(schema))}\n`;
  } finally {
    await app.close();
  }
}
