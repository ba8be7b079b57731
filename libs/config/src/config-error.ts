/** One invalid or missing environment variable, named as the operator must set it. */
export interface ConfigIssue {
  variable: string;
  message: string;
}

/**
 * Thrown once at boot with every bad variable at the same time, so an operator fixes the whole
 * environment in one pass instead of restarting once per mistake.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly issues: readonly ConfigIssue[]) {
    super(
      ['Invalid configuration:', ...issues.map((issue) => `- ${issue.variable}: ${issue.message}`)].join(
        '\n',
      ),
    );
  }
}
