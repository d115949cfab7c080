import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { NatsLink } from './nats-link';
import { RegistryFollower } from './registry-follower';
import { StationSessions } from './station-sessions';

/** On the gateway port: `/health` (the process answers), `/health/ready` (take wallboxes now). */
@Controller('health')
export class HealthController {
  constructor(
    private readonly nats: NatsLink,
    private readonly registry: RegistryFollower,
    private readonly sessions: StationSessions,
  ) {}

  @Get()
  live(): { status: string } {
    return { status: 'ok' };
  }

  @Get('ready')
  ready(): { status: string; connections: number } {
    const checks = { nats: this.nats.isConnected, registry: this.registry.isCaughtUp, accepting: this.sessions.isAccepting };
    if (!checks.nats || !checks.registry || !checks.accepting) throw new ServiceUnavailableException({ status: 'not ready', checks });
    return { status: 'ready', connections: this.sessions.count };
  }
}
