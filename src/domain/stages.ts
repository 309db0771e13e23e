/**
 * The incident stages, in order. Names of labels and board columns can be changed in the config,
 * the stages themselves cannot: the metrics are defined on them (docs/metrics.md).
 */
export const STAGES = ['triage', 'investigating', 'fixing', 'monitoring', 'resolved', 'postmortem', 'closed'] as const
export type Stage = (typeof STAGES)[number]

export const stageIndex = (s: string): number => STAGES.indexOf(s as Stage)
export const isStage = (s: string): s is Stage => STAGES.includes(s as Stage)

/** Active stages: the incident is still hurting or being verified. */
export const isActive = (s: Stage): boolean => stageIndex(s) < stageIndex('resolved')
