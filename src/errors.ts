/** A problem with the user's configuration file: says where it is and what to change. */
export class ConfigError extends Error {
  override name = 'ConfigError'
  constructor(
    message: string,
    readonly problems: readonly ConfigProblem[] = [],
  ) {
    super(message)
  }
}

export interface ConfigProblem {
  file: string
  line: number
  column: number
  message: string
}

/** An event payload or alert that does not have the shape we accept. Nothing is written. */
export class PayloadError extends Error {
  override name = 'PayloadError'
}

/** A GitHub API call failed after the retries. `status` is the HTTP status (0 for network errors). */
export class GitHubApiError extends Error {
  override name = 'GitHubApiError'
  constructor(
    message: string,
    readonly status: number,
    readonly route: string,
  ) {
    super(message)
  }
}

/** The message of anything thrown, without assuming it is an Error. */
export function getErrorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  if (typeof error === 'string') return error
  try {
    return JSON.stringify(error)
  } catch {
    return String(error)
  }
}
