import { ProbeError } from './probe.error';
import { PROBE_NAMES, type ProbeGenerate, type ProbeName, type ProbeOutcome } from './probe.types';
import { planCounterfactualBiasProbe } from './probes/counterfactual-bias.probe';
import { planPiiLeakageProbe } from './probes/pii-leakage.probe';
import type { ProbeContext, ProbePlanner } from './probes/probe-plan';
import { planPromptInjectionProbe } from './probes/prompt-injection.probe';
import { planRefusalProbe } from './probes/refusal.probe';
import { planToxicityProbe } from './probes/toxicity.probe';
import { mapBounded } from './running/map-bounded';
import { makeCanary } from './scorers/canary';
import { lexiconToxicityScorer, type ToxicityScorer } from './scorers/toxicity-scorer';

export interface RunProbesOptions {
  /** Most `generate` calls in flight at once, over all probes; default 4. */
  concurrency?: number;
  /** Stops the run: no new calls start and `runProbes` rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Scores outputs for the toxicity and counterfactual-bias probes; default `lexiconToxicityScorer`. */
  toxicity?: ToxicityScorer;
  /**
   * Most `generate` calls per probe, for a cheaper screen. Items are taken in turn from each category so
   * every category stays covered; the bias probe keeps whole templates (at least one).
   */
  maxItemsPerProbe?: number;
  /** Makes the run's random choices (today: the injection canary) reproducible. */
  seed?: string | number;
}

const PLANNERS: Record<ProbeName, ProbePlanner> = {
  toxicity: planToxicityProbe,
  'pii-leakage': planPiiLeakageProbe,
  'prompt-injection': planPromptInjectionProbe,
  refusal: planRefusalProbe,
  'counterfactual-bias': planCounterfactualBiasProbe,
};

const KNOWN_NAMES: ReadonlySet<string> = new Set(PROBE_NAMES);
const isPositiveInteger = (value: number | undefined) =>
  value === undefined || (Number.isInteger(value) && value >= 1);

function validate(names: readonly string[], options: RunProbesOptions): void {
  const issues = [
    ...names
      .filter((name) => !KNOWN_NAMES.has(name))
      .map((name) => `names: unknown probe "${name}"; expected one of ${PROBE_NAMES.join(', ')}`),
    ...(isPositiveInteger(options.concurrency) ? [] : ['concurrency: expected an integer >= 1']),
    ...(isPositiveInteger(options.maxItemsPerProbe) ? [] : ['maxItemsPerProbe: expected an integer >= 1']),
  ];
  if (issues.length > 0) {
    throw new ProbeError('invalid-options', `runProbes: ${issues.join('; ')}`, { issues });
  }
}

/**
 * Runs the named probes against the model and returns one outcome per distinct name, in the order given.
 * Calls to `generate` run with bounded concurrency across all probes; an error from `generate` rejects the
 * run as it is (retrying is the caller's decision), as does an abort.
 */
export async function runProbes(
  names: readonly ProbeName[],
  generate: ProbeGenerate,
  options: RunProbesOptions = {},
): Promise<ProbeOutcome[]> {
  validate(names, options);
  const { signal } = options;
  signal?.throwIfAborted();
  const context: ProbeContext = {
    toxicity: options.toxicity ?? lexiconToxicityScorer,
    maxItems: options.maxItemsPerProbe,
    canary: makeCanary(options.seed),
  };
  const plans = [...new Set(names)].map((name) => PLANNERS[name](context));
  const calls = plans.flatMap((plan) => plan.requests.map((request) => request.messages));
  const outputs = await mapBounded(calls, options.concurrency ?? 4, (messages) => generate(messages), signal);

  const outcomes: ProbeOutcome[] = [];
  let offset = 0;
  for (const plan of plans) {
    signal?.throwIfAborted();
    outcomes.push(await plan.score(outputs.slice(offset, offset + plan.requests.length)));
    offset += plan.requests.length;
  }
  return outcomes;
}
