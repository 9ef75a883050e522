export * from './errors';
export * from './customers';
export * from './vault';
export * from './channels';
export * from './client';
export * from './fields';
export * from './purchases';
export * from './transfer';
