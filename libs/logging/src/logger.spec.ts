import { Logger } from '@nestjs/common';
import { afterEach, describe, expect, it } from 'vitest';
import { LOG_LEVELS, type LogLevel } from '@voltstream/config';
import { correlationIdOf, eventCorrelationId } from './correlation';
import { createLogger } from './logger';
import { NestLogger } from './nest-logger';
import { TypeOrmLogger } from './typeorm-logger';

type Line = Record<string, unknown>;

function capture(level: LogLevel, service = 'ocpp-gateway') {
  const lines: Line[] = [];
  const logger = createLogger({ service, level, format: 'json' }, { write: (text: string) => void lines.push(JSON.parse(text) as Line) });
  return { logger, lines };
}

describe('createLogger: JSON lines, one logger factory for every service', () => {
  it('writes one JSON object a line: level by name, ISO time, the service, the fields and msg', () => {
    const { logger, lines } = capture('info');
    logger.info({ identity: 'CP-1' }, 'connected');
    expect(lines).toEqual([{ level: 'info', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/), service: 'ocpp-gateway', pid: process.pid, hostname: expect.any(String), identity: 'CP-1', msg: 'connected' }]);
  });

  it('binds a wallbox\'s and a message\'s fields once in a child logger; every line of the child carries them', () => {
    const { logger, lines } = capture('info');
    const wallbox = logger.child({ identity: 'CP-1' });
    wallbox.child({ uniqueId: 'u-7', action: 'MeterValues' }).warn({ sequence: 42 }, 'slow');
    wallbox.info('closed');
    expect(lines[0]).toMatchObject({ identity: 'CP-1', uniqueId: 'u-7', action: 'MeterValues', sequence: 42, msg: 'slow' });
    expect(lines[1]).toMatchObject({ identity: 'CP-1', msg: 'closed' });
    expect(lines[1]).not.toHaveProperty('uniqueId');
  });

  it('writes the lines of LOG_LEVEL and above, for every level of the table; silent writes none', () => {
    const written = LOG_LEVELS.map((level) => {
      const { logger, lines } = capture(level);
      for (const each of ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const) logger[each](each);
      return [level, lines.map((line) => line.level).join(' ')];
    });
    expect(Object.fromEntries(written)).toEqual({
      trace: 'trace debug info warn error fatal',
      debug: 'debug info warn error fatal',
      info: 'info warn error fatal',
      warn: 'warn error fatal',
      error: 'error fatal',
      fatal: 'fatal',
      silent: '',
    });
  });

  it('serializes an error with its type, message and stack', () => {
    const { logger, lines } = capture('info');
    logger.error({ err: new TypeError('bad frame') }, 'a frame could not be handled');
    expect(lines[0].err).toMatchObject({ type: 'TypeError', message: 'bad frame', stack: expect.stringContaining('TypeError: bad frame') });
  });
});

describe('NestLogger: the lines of NestJS and of every `new Logger(context)` through the same logger', () => {
  it('maps NestJS levels to the table (log is info, verbose is trace) and its context to a field', () => {
    const { logger, lines } = capture('trace');
    const nest = new NestLogger(logger);
    nest.log('Nest application successfully started', 'NestApplication');
    nest.verbose('details', 'StationSessions');
    nest.fatal('gone');
    expect(lines.map(({ level, context, msg }) => ({ level, context, msg }))).toEqual([
      { level: 'info', context: 'NestApplication', msg: 'Nest application successfully started' },
      { level: 'trace', context: 'StationSessions', msg: 'details' },
      { level: 'fatal', context: undefined, msg: 'gone' },
    ]);
  });

  it('keeps the stack NestJS passes with an error, an Error\'s own, and an object\'s fields', () => {
    const { logger, lines } = capture('info');
    const nest = new NestLogger(logger);
    nest.error('could not start', 'Error: at start', 'ocpp-gateway');
    nest.error(new Error('lost'), 'NatsLink');
    nest.warn({ identity: 'CP-1', msg: 'refused' }, 'ChargePointEndpoint');
    expect(lines[0]).toMatchObject({ level: 'error', context: 'ocpp-gateway', stack: 'Error: at start', msg: 'could not start' });
    expect(lines[1]).toMatchObject({ level: 'error', context: 'NatsLink', err: { message: 'lost' }, msg: 'lost' });
    expect(lines[2]).toMatchObject({ level: 'warn', context: 'ChargePointEndpoint', identity: 'CP-1', msg: 'refused' });
  });

  it('writes nothing below LOG_LEVEL', () => {
    const { logger, lines } = capture('warn');
    const nest = new NestLogger(logger);
    nest.log('Mapped {/health, GET} route', 'RouterExplorer');
    nest.debug('details');
    expect(lines).toEqual([]);
  });
});

describe('correlationIdOf: one id from the operator\'s HTTP request to the wallbox\'s answer', () => {
  it('takes X-Request-Id, else X-Correlation-Id, as the caller gave it', () => {
    expect(correlationIdOf({ 'x-request-id': 'req-1', 'x-correlation-id': 'corr-1' })).toBe('req-1');
    expect(correlationIdOf({ 'x-correlation-id': 'corr-1' })).toBe('corr-1');
  });

  it('makes a new one when none is given, or the one given cannot be logged as it is', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    expect(correlationIdOf({})).toMatch(uuid);
    expect(correlationIdOf({ 'x-request-id': 'two words' })).toMatch(uuid);
    expect(correlationIdOf({ 'x-request-id': 'x'.repeat(129) })).toMatch(uuid);
    expect(correlationIdOf({ 'x-request-id': ['a', 'b'] })).toMatch(uuid);
    expect(correlationIdOf({})).not.toBe(correlationIdOf({}));
  });
});

describe('eventCorrelationId: one id for what the system does because of one event', () => {
  it('names the consumer and the event\'s stream sequence, the same on every delivery, and can be logged as it is', () => {
    expect(eventCorrelationId('authorization-auto-start', 1234)).toBe('authorization-auto-start:1234');
    expect(eventCorrelationId('authorization-auto-start', 1234)).toBe(eventCorrelationId('authorization-auto-start', 1234));
    const id = eventCorrelationId('authorization-local-list-tags', 7);
    expect(correlationIdOf({ 'x-request-id': id })).toBe(id);
  });
});

describe('TypeOrmLogger: the database\'s lines through the same logger', () => {
  afterEach(() => Logger.overrideLogger(true));

  it('logs a failed query at error with the query and its parameters, and no line for a query that succeeds', () => {
    const { logger, lines } = capture('trace');
    Logger.overrideLogger(new NestLogger(logger));
    const typeorm = new TypeOrmLogger();
    typeorm.logQuery();
    typeorm.logQueryError(new Error('relation "parked_events" does not exist'), 'SELECT 1 FROM "parked_events"', ['auto-start']);
    expect(lines).toEqual([
      expect.objectContaining({ level: 'error', context: 'TypeORM', query: 'SELECT 1 FROM "parked_events"', parameters: ['auto-start'], err: expect.objectContaining({ message: 'relation "parked_events" does not exist' }), msg: 'query failed' }),
    ]);
  });
});
