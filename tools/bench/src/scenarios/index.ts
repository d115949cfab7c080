import type { ScenarioName } from '../cli';
import type { Scenario } from '../context';
import { authorize } from './authorize';
import { dashboard } from './dashboard';
import { connections } from './connections';
import { projection } from './projection';
import { storm } from './storm';
import { throughput } from './throughput';

export const SCENARIOS: Record<ScenarioName, Scenario> = { connections, throughput, authorize, projection, storm, dashboard };
