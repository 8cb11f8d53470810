/** The alert rule engine: pure conditions, evaluation, crossing state, quiet hours, defaults. */
export * from './alert-message';
export * from './conditions';
export * from './defaults';
export * from './evaluate';
export * from './inputs';
export * from './needs-bars';
export * from './quiet-hours';
export * from './severity';
export * from './state';
