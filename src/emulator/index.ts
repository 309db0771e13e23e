// The local GitHub: a stateful REST + GraphQL server for e2e tests, benchmarks and the demo.
// See server.ts for the Emulator interface and /work/shared/ARCHITECTURE.md for its purpose.

export { startEmulator } from './server.js'
export type {
  Counts,
  Dispatch,
  Emulator,
  FaultKind,
  Faults,
  Permission,
  ProjectHandle,
  ProjectItemView,
  ProjectSpec,
  RequestLog,
  RestBranch,
  RestComment,
  RestIssue,
  RestLabel,
  RestPull,
  TimelineEvent,
} from './server.js'
