export const APP_NAMES = ['state-projection', 'authorization', 'api', 'ocpp-gateway'] as const;

export type AppName = (typeof APP_NAMES)[number];

/** Where an app answers its health checks: live = the process works, ready = it can serve. */
export interface AppHealth {
  /** The variable that sets the port of the health endpoints. */
  portVariable: 'GATEWAY_PORT' | 'API_PORT' | 'HEALTH_PORT';
  /** Absent when the app has no liveness route of its own: then its port answering is the sign of life. */
  livePath?: string;
  readyPath: string;
}

export const APP_HEALTH: Record<AppName, AppHealth> = {
  'ocpp-gateway': { portVariable: 'GATEWAY_PORT', livePath: '/health', readyPath: '/health/ready' },
  authorization: { portVariable: 'HEALTH_PORT', livePath: '/health', readyPath: '/health/ready' },
  'state-projection': { portVariable: 'HEALTH_PORT', livePath: '/health', readyPath: '/health/ready' },
  // `/api/health` answers 503 while NATS or Postgres is down, so it is readiness only.
  api: { portVariable: 'API_PORT', readyPath: '/api/health' },
};

/** The built entry point of an app, relative to the repository root. */
export function entryPoint(app: AppName): string {
  return `dist/apps/${app}/src/main.js`;
}
