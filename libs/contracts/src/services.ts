/** The seven services of llmops, in lifecycle order. Each owns one topic namespace: `llmops.<service>.*`. */
export const SERVICE_NAMES = [
  'ingestion',
  'labeling',
  'training',
  'evaluation',
  'registry',
  'serving',
  'monitoring',
] as const;

/** One of {@link SERVICE_NAMES}. */
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** True when `value` names one of the seven services. */
export function isServiceName(value: string): value is ServiceName {
  return (SERVICE_NAMES as readonly string[]).includes(value);
}
