import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * What one GraphQL operation may ask for, checked by graphql-armor before anything is resolved;
 * a refusal names the limit and what the operation had (GRAPHQL_VALIDATION_FAILED, HTTP 400).
 * The deepest useful operation, a page of transactions with their meter values, is 4 levels deep
 * (`transactions { items { meterValues { value } } }`) and costs a few hundred.
 */
const armor = new ApolloArmor({
  /** Levels of nested selections, the operation's own fields the first (introspection aside, which graphql-js limits itself). */
  maxDepth: { n: 8, exposeLimits: true },
  /** Aliases: each asks for a field again, so 500 of them made one request of 16 s and 12 MiB. */
  maxAliases: { n: 15, exposeLimits: true },
  /** armor's weighting: 2 an object, 1 a scalar, each level ×1.5. */
  costLimit: { maxCost: 5000, exposeLimits: true },
  maxDirectives: { n: 10, exposeLimits: true },
  // graphql-js's own token limit (below) answers 400; armor's plugin fails the request with 500.
  maxTokens: { enabled: false },
});

/** The parser gives up past this many tokens, so that a huge document is never parsed whole. */
const MAX_TOKENS = 2000;

export function graphqlLimits(): Pick<ApolloDriverConfig, 'plugins' | 'validationRules' | 'allowBatchedHttpRequests' | 'parseOptions'> {
  const { plugins, validationRules, allowBatchedHttpRequests } = armor.protect();
  return { plugins, validationRules, allowBatchedHttpRequests, parseOptions: { maxTokens: MAX_TOKENS } };
}
