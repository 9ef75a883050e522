/**
 * The renderer's one door into the shared contract (types, zod schemas, limits, error codes).
 * Only `electron/contract` is reachable from here: renderer/tsconfig.json and ESLint enforce it.
 */
export * from '../../electron/contract';
export * from '../../electron/contract/i18n';
