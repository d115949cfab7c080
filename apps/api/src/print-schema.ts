import 'reflect-metadata';
import { apiSchemaSdl } from './graphql/schema-sdl';

/** Prints the API's GraphQL schema (SDL) to stdout: `npm run codegen` writes it where the dashboard's types come from. */
apiSchemaSdl().then(
  (sdl) => process.stdout.write(sdl),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
