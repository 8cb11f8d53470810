import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/api/root';

/** The alerts router's answers and inputs as the browser sees them (types only). */
type Outputs = inferRouterOutputs<AppRouter>['alerts'];
type Inputs = inferRouterInputs<AppRouter>['alerts'];

export type AlertRule = Outputs['rules']['list'][number];
export type AlertChannel = Outputs['channels']['list'][number];
export type AlertSettings = Outputs['settings']['get'];
export type TestOutcome = Outputs['channels']['sendTest'];

export type RuleCreateInput = Inputs['rules']['create'];
export type RuleConditionInput = RuleCreateInput['condition'];
export type ChannelCreateInput = Inputs['channels']['create'];
export type ChannelUpdateInput = Inputs['channels']['update'];
export type ChannelConfigInput = ChannelCreateInput['config'];
export type AlertSettingsInput = Inputs['settings']['update'];

export type Severity = AlertRule['severity'];
export const SEVERITIES = ['info', 'warning', 'critical'] as const satisfies readonly Severity[];
