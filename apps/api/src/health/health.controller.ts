import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { PublicRoute } from '../infrastructure/bearer-token.guard';
import { DependenciesHealth } from './dependencies.health';

@ApiTags('health')
@PublicRoute()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly dependencies: DependenciesHealth,
  ) {}

  /** Live when it answers at all; ready (200) when NATS and Postgres answer too, else 503. */
  @Get()
  @HealthCheck()
  @ApiOkResponse({ description: 'live and ready' })
  @ApiServiceUnavailableResponse({ description: 'live, but a dependency is down' })
  check(): Promise<HealthCheckResult> {
    return this.health.check([() => this.dependencies.nats(), () => this.dependencies.postgres()]);
  }
}
