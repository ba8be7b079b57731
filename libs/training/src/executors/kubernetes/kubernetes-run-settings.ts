import { z } from 'zod';

/** A Kubernetes quantity (`500m`, `2`, `16Gi`, `1e3`), as the API server parses them. */
const QUANTITY = /^[+-]?(\d+(\.\d*)?|\.\d+)(([KMGTPE]i)|[numkMGTPE]|([eE][+-]?\d+))?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Environment variables the executor sets itself (the trainer protocol); settings may not override them. */
export const RESERVED_ENV_NAMES: readonly string[] = [
  'LLMOPS_RUN_ID',
  'LLMOPS_RUN_ATTEMPT',
  'LLMOPS_METHOD',
  'LLMOPS_HYPERPARAMETERS',
  'LLMOPS_DATASET_URIS',
  'LLMOPS_BASE_MODEL',
  'LLMOPS_BASE_MODEL_REF',
  'LLMOPS_OUTPUT_URI',
  'LLMOPS_CALLBACK_URL',
  'LLMOPS_RUN_TOKEN',
  'LLMOPS_S3_ENDPOINT',
  'LLMOPS_S3_BUCKET',
  'LLMOPS_S3_REGION',
  'AWS_ENDPOINT_URL',
  'AWS_REGION',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
];

const dnsSubdomain = (what: string) =>
  z
    .string()
    .max(253)
    .regex(DNS_SUBDOMAIN, `${what} must be a lowercase RFC 1123 subdomain (a-z, 0-9, "-", ".")`);

const quantity = z
  .union([
    z.string().regex(QUANTITY, 'must be a Kubernetes quantity such as 500m, 2, 16Gi'),
    z.number().nonnegative(),
  ])
  .transform(String);

const gpuCount = z
  .union([z.int().nonnegative(), z.string().regex(/^\d+$/, 'must be a whole number of GPUs')])
  .transform(String);

const ResourceListSchema = z.strictObject({
  /** CPU cores: `4`, `500m`. */
  cpu: quantity.optional(),
  /** Memory: `32Gi`, `512Mi`. */
  memory: quantity.optional(),
  /** Whole NVIDIA GPUs (device plugin resource); requests and limits must be equal. */
  'nvidia.com/gpu': gpuCount.optional(),
});

const labelKey = z.string().refine((key) => {
  const slash = key.lastIndexOf('/');
  const name = slash === -1 ? key : key.slice(slash + 1);
  const prefix = slash === -1 ? undefined : key.slice(0, slash);
  return (
    LABEL_NAME.test(name) &&
    name.length <= 63 &&
    (prefix === undefined || (DNS_SUBDOMAIN.test(prefix) && prefix.length <= 253))
  );
}, 'must be a label key: [prefix/]name, name ≤ 63 characters');

const TolerationSchema = z
  .strictObject({
    /** Taint key to tolerate; empty with `Exists` tolerates every taint. */
    key: z.string().optional(),
    /** `Equal` (default) matches `value`; `Exists` matches any value. */
    operator: z.enum(['Equal', 'Exists']).default('Equal'),
    /** Taint value, for `Equal`. */
    value: z.string().optional(),
    /** Taint effect to tolerate; absent means all effects. */
    effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']).optional(),
    /** For `NoExecute`: how long the pod stays bound after the taint appears. */
    tolerationSeconds: z.int().optional(),
  })
  .superRefine((toleration, ctx) => {
    if (toleration.operator === 'Exists' && (toleration.value ?? '') !== '') {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'must be empty when operator is Exists' });
    }
    if ((toleration.key ?? '') === '' && toleration.operator !== 'Exists') {
      ctx.addIssue({ code: 'custom', path: ['operator'], message: 'must be Exists when key is empty' });
    }
  });

const SecretKeySelectorSchema = z.strictObject({
  /** Secret in the executor's namespace. */
  name: dnsSubdomain('a Secret name'),
  /** Key inside the Secret. */
  key: z.string().regex(SECRET_KEY, 'must be a Secret key ([-._a-zA-Z0-9]+)'),
});

const EnvVarSchema = z.union([
  z.strictObject({
    /** Variable name. */
    name: z.string().regex(ENV_NAME, 'must be an environment variable name ([A-Za-z_][A-Za-z0-9_]*)'),
    /** Plain value: never put credentials here, use `secretKeyRef`. */
    value: z.string(),
  }),
  z.strictObject({
    /** Variable name. */
    name: z.string().regex(ENV_NAME, 'must be an environment variable name ([A-Za-z_][A-Za-z0-9_]*)'),
    /** Value read by the kubelet from a Secret, so it never appears in the Job. */
    secretKeyRef: SecretKeySelectorSchema,
  }),
]);

/**
 * `settings` of a run spec for the `kubernetes` executor. Unknown fields are errors, so a typo never
 * silently runs a Job without the GPU it asked for.
 */
export const KubernetesRunSettingsSchema = z.strictObject({
  /** Trainer container image, e.g. `ghcr.io/acme/trainer:1.4` (pin `@sha256:` for reproducible runs). */
  image: z.string().trim().min(1, 'is required: the trainer image'),
  /** Replaces the image's ENTRYPOINT; absent keeps it. */
  command: z.array(z.string()).optional(),
  /** Replaces the image's CMD; absent keeps it. */
  args: z.array(z.string()).optional(),
  /** Container resources. A GPU count given only as a request is also set as the limit (Kubernetes requires both, equal). */
  resources: z
    .strictObject({
      /** What the scheduler reserves. */
      requests: ResourceListSchema.optional(),
      /** What the container may use at most. */
      limits: ResourceListSchema.optional(),
    })
    .superRefine((resources, ctx) => {
      const requested = resources.requests?.['nvidia.com/gpu'];
      const limited = resources.limits?.['nvidia.com/gpu'];
      if (requested !== undefined && limited !== undefined && requested !== limited) {
        ctx.addIssue({
          code: 'custom',
          path: ['limits', 'nvidia.com/gpu'],
          message: `must equal the GPU request (${requested}): GPUs cannot be overcommitted`,
        });
      }
    })
    .optional(),
  /** Node labels the pod must run on, e.g. `{ "nvidia.com/gpu.product": "NVIDIA-H100-80GB-HBM3" }`. */
  nodeSelector: z.record(labelKey, z.string().max(63).regex(LABEL_VALUE, 'must be a label value')).optional(),
  /** Taints the pod tolerates, e.g. `[{ "key": "nvidia.com/gpu", "operator": "Exists", "effect": "NoSchedule" }]`. */
  tolerations: z.array(TolerationSchema).optional(),
  /**
   * Object-store credentials for the trainer, from a Secret: exposed as AWS_ACCESS_KEY_ID and
   * AWS_SECRET_ACCESS_KEY through `secretKeyRef` (never copied into the Job). Absent: the executor's
   * default, else none (e.g. workload identity).
   */
  s3Credentials: z
    .strictObject({
      /** Secret in the executor's namespace, e.g. `llmops-secrets`. */
      secretName: dnsSubdomain('a Secret name'),
      /** Key holding the access key id. */
      accessKeyIdKey: z.string().regex(SECRET_KEY).default('S3_ACCESS_KEY'),
      /** Key holding the secret access key. */
      secretAccessKeyKey: z.string().regex(SECRET_KEY).default('S3_SECRET_KEY'),
    })
    .optional(),
  /** Service account of the trainer pod (for workload identity); its API token is never mounted. */
  serviceAccountName: dnsSubdomain('a service account name').optional(),
  /** Names of Secrets holding registry credentials for a private `image`. */
  imagePullSecrets: z.array(dnsSubdomain('a Secret name')).optional(),
  /**
   * Seconds Kubernetes keeps the finished Job (and its pod logs) before deleting it: the window in which
   * a restarted training service can still reattach and collect the outcome. Default one day.
   */
  ttlSecondsAfterFinished: z
    .int()
    .min(60, 'must be at least 60: the executor reads the outcome and logs after the Job finishes')
    .default(86_400),
  /** Pod retries before the Job fails. Default 0: a retried trainer starts over in the same output prefix. */
  backoffLimit: z.int().min(0).max(10).default(0),
  /** Wall-clock limit of the Job in seconds (pending time included); then it fails with DeadlineExceeded. */
  activeDeadlineSeconds: z.int().min(1).optional(),
  /** Extra environment variables (plain values or Secret references); protocol variables are reserved. */
  env: z
    .array(EnvVarSchema)
    .superRefine((env, ctx) => {
      const seen = new Set<string>();
      env.forEach((variable, index) => {
        if (RESERVED_ENV_NAMES.includes(variable.name)) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'name'],
            message: `${variable.name} is set by the executor (trainer protocol)`,
          });
        }
        if (seen.has(variable.name)) {
          ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `${variable.name} is given twice` });
        }
        seen.add(variable.name);
      });
    })
    .optional(),
});

/** Settings as a run spec gives them. */
export type KubernetesRunSettingsInput = z.input<typeof KubernetesRunSettingsSchema>;
/** Validated settings, defaults filled in. */
export type KubernetesRunSettings = z.output<typeof KubernetesRunSettingsSchema>;

/** One problem with run settings: a dotted path (`resources.limits.nvidia.com/gpu`, `env.2.name`) and why. */
export interface SettingsIssue {
  path: string;
  message: string;
}

/**
 * Validates `settings` over `defaults` (the executor's configured defaults, overridden field by field)
 * and returns the settings or every problem.
 */
export function parseKubernetesRunSettings(
  settings: unknown,
  defaults: Partial<KubernetesRunSettingsInput> = {},
): { ok: true; settings: KubernetesRunSettings } | { ok: false; issues: SettingsIssue[] } {
  if (
    settings !== undefined &&
    (typeof settings !== 'object' || settings === null || Array.isArray(settings))
  ) {
    return { ok: false, issues: [{ path: '(root)', message: 'settings must be an object' }] };
  }
  const parsed = KubernetesRunSettingsSchema.safeParse({ ...defaults, ...settings });
  if (parsed.success) return { ok: true, settings: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.flatMap((issue) => {
      const path = issue.path.map(String).join('.');
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => ({
          path: path === '' ? key : `${path}.${key}`,
          message: 'not a setting of the kubernetes executor',
        }));
      }
      return [{ path: path === '' ? '(root)' : path, message: issue.message }];
    }),
  };
}
