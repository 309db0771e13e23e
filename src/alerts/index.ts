// Monitoring alerts arriving as repository_dispatch: the schema, the adapters and the parser.
export { parseAlertDispatch } from './parse.js'
export { DEFAULT_EVENT_TYPES, LIMITS, NATIVE_SOURCES, PAYLOAD_KEY, SCHEMA_VERSION } from './schema.js'
export type { GenericAlertInput, NativeSource, NormalizedAlert } from './schema.js'
