export * from './lang';
export * from './format';
export * from './message';
export * from './check';
