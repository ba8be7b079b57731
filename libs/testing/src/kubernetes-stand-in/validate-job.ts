import { Job, type IJob } from 'kubernetes-models/batch/v1/Job';
import type { IContainer } from 'kubernetes-models/v1/Container';
import { StandInApiError, type StatusCause } from './stand-in-api-error';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const C_IDENTIFIERISH = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const INTEGER_QUANTITY = /^\d+$/;

interface AjvIssue {
  instancePath: string;
  message?: string;
  keyword: string;
}

/**
 * Checks a Job as `POST .../jobs` would: first the official OpenAPI schema (kubernetes-models), then the
 * API server's own validation rules that a schema cannot express (names, restartPolicy, image,
 * extended resources, tolerations). Throws a 422 `Invalid` Status listing every problem (400 for a
 * field of the wrong JSON type, which the real server already fails to decode).
 */
export function validateJob(job: IJob, name: string): void {
  // Server rules read fields the schema guarantees, so they run once the schema holds.
  const schema = schemaCauses(job);
  const causes = schema.length > 0 ? schema : serverCauses(job);
  if (causes.length > 0) throw StandInApiError.invalid('Job', 'batch', name, causes);
}

function schemaCauses(job: IJob): StatusCause[] {
  try {
    new Job(job).validate();
    return [];
  } catch (error) {
    const issues = (error as { errors?: AjvIssue[] }).errors;
    if (!Array.isArray(issues)) return [cause('FieldValueInvalid', '', String(error))];
    // The real server decodes JSON into typed structs first: a wrong type is a 400, not a 422.
    const mistyped = issues.find((issue) => issue.keyword === 'type');
    if (mistyped) {
      throw StandInApiError.badRequest(
        `Job in version "v1" cannot be handled as a Job: ${fieldOf(mistyped.instancePath)} ${mistyped.message ?? 'has the wrong type'}`,
      );
    }
    return issues
      .filter((issue) => issue.keyword !== 'oneOf') // the branch errors below it say what is wrong
      .map((issue) => cause('FieldValueInvalid', fieldOf(issue.instancePath), issue.message ?? 'invalid'));
  }
}

function serverCauses(job: IJob): StatusCause[] {
  const causes: StatusCause[] = [];
  const name = job.metadata?.name ?? '';
  if (!DNS_LABEL.test(name) || name.length > 63) {
    causes.push(
      cause(
        'FieldValueInvalid',
        'metadata.name',
        `Invalid value: "${name}": a Job name must be a lowercase RFC 1123 label of at most 63 characters`,
      ),
    );
  }
  causes.push(...labelCauses(job.metadata?.labels, 'metadata.labels'));
  causes.push(...labelCauses(job.spec?.template.metadata?.labels, 'spec.template.metadata.labels'));
  const spec = job.spec;
  if (spec === undefined) return causes;
  const pod = spec.template.spec;
  const podPath = 'spec.template.spec';
  if (pod === undefined) {
    causes.push(cause('FieldValueRequired', podPath, 'Required value'));
    return causes;
  }
  if (pod.restartPolicy !== 'Never' && pod.restartPolicy !== 'OnFailure') {
    causes.push(
      cause(
        pod.restartPolicy === undefined ? 'FieldValueRequired' : 'FieldValueNotSupported',
        `${podPath}.restartPolicy`,
        `Unsupported value: "${pod.restartPolicy ?? 'Always'}": supported values: "OnFailure", "Never"`,
      ),
    );
  }
  if (pod.containers.length === 0)
    causes.push(cause('FieldValueRequired', `${podPath}.containers`, 'Required value'));
  const names = new Set<string>();
  pod.containers.forEach((container, index) => {
    const path = `${podPath}.containers[${index}]`;
    if (names.has(container.name))
      causes.push(cause('FieldValueDuplicate', `${path}.name`, 'Duplicate value'));
    names.add(container.name);
    causes.push(...containerCauses(container, path));
  });
  causes.push(...labelCauses(pod.nodeSelector, `${podPath}.nodeSelector`));
  (pod.tolerations ?? []).forEach((toleration, index) => {
    if (toleration.operator === 'Exists' && (toleration.value ?? '') !== '') {
      causes.push(
        cause(
          'FieldValueInvalid',
          `${podPath}.tolerations[${index}].operator`,
          "value must be empty when `operator` is 'Exists'",
        ),
      );
    }
    if ((toleration.key ?? '') === '' && toleration.operator !== 'Exists') {
      causes.push(
        cause(
          'FieldValueInvalid',
          `${podPath}.tolerations[${index}].operator`,
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ),
      );
    }
  });
  if (pod.serviceAccountName !== undefined && !DNS_SUBDOMAIN.test(pod.serviceAccountName)) {
    causes.push(
      cause('FieldValueInvalid', `${podPath}.serviceAccountName`, 'a lowercase RFC 1123 subdomain'),
    );
  }
  return causes;
}

function containerCauses(container: IContainer, path: string): StatusCause[] {
  const causes: StatusCause[] = [];
  if (!DNS_LABEL.test(container.name)) {
    causes.push(cause('FieldValueInvalid', `${path}.name`, `Invalid value: "${container.name}"`));
  }
  if ((container.image ?? '').trim() === '')
    causes.push(cause('FieldValueRequired', `${path}.image`, 'Required value'));
  (container.env ?? []).forEach((variable, index) => {
    if (!C_IDENTIFIERISH.test(variable.name)) {
      causes.push(
        cause('FieldValueInvalid', `${path}.env[${index}].name`, `Invalid value: "${variable.name}"`),
      );
    }
    if (variable.value !== undefined && variable.value !== '' && variable.valueFrom !== undefined) {
      causes.push(
        cause(
          'FieldValueInvalid',
          `${path}.env[${index}].valueFrom`,
          'may not be specified when `value` is not empty',
        ),
      );
    }
  });
  const requests = container.resources?.requests ?? {};
  const limits = container.resources?.limits ?? {};
  for (const resource of new Set([...Object.keys(requests), ...Object.keys(limits)])) {
    if (!isExtendedResource(resource)) continue;
    const request = requests[resource];
    const limit = limits[resource];
    const at = `${path}.resources`;
    if (limit === undefined) {
      causes.push(
        cause(
          'FieldValueRequired',
          `${at}.limits[${resource}]`,
          'Limit must be set for non overcommitable resources',
        ),
      );
    } else if (request !== undefined && String(request) !== String(limit)) {
      causes.push(
        cause(
          'FieldValueInvalid',
          `${at}.requests[${resource}]`,
          'must be equal to ' + `${resource} limit of ${String(limit)}`,
        ),
      );
    }
    for (const [kind, value] of [
      ['requests', request],
      ['limits', limit],
    ] as const) {
      if (value !== undefined && !INTEGER_QUANTITY.test(String(value))) {
        causes.push(cause('FieldValueInvalid', `${at}.${kind}[${resource}]`, 'must be an integer'));
      }
    }
  }
  return causes;
}

function labelCauses(labels: Record<string, string> | undefined, path: string): StatusCause[] {
  const causes: StatusCause[] = [];
  for (const [key, value] of Object.entries(labels ?? {})) {
    const slash = key.lastIndexOf('/');
    const prefix = slash === -1 ? undefined : key.slice(0, slash);
    const name = slash === -1 ? key : key.slice(slash + 1);
    const keyOk =
      LABEL_NAME.test(name) &&
      name.length <= 63 &&
      (prefix === undefined || (DNS_SUBDOMAIN.test(prefix) && prefix.length <= 253));
    if (!keyOk)
      causes.push(cause('FieldValueInvalid', path, `Invalid value: "${key}": not a valid label key`));
    if (!LABEL_VALUE.test(value) || value.length > 63) {
      causes.push(
        cause('FieldValueInvalid', `${path}[${key}]`, `Invalid value: "${value}": not a valid label value`),
      );
    }
  }
  return causes;
}

/** Resources outside the `kubernetes.io` domain (e.g. `nvidia.com/gpu`) cannot be overcommitted. */
function isExtendedResource(resource: string): boolean {
  const slash = resource.indexOf('/');
  if (slash === -1) return false;
  const domain = resource.slice(0, slash);
  return domain !== 'kubernetes.io' && !domain.endsWith('.kubernetes.io');
}

/** `/spec/template/spec/containers/0/image` → `spec.template.spec.containers[0].image`. */
function fieldOf(instancePath: string): string {
  return instancePath
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce(
      (path, segment) =>
        /^\d+$/.test(segment) ? `${path}[${segment}]` : path === '' ? segment : `${path}.${segment}`,
      '',
    );
}

function cause(reason: string, field: string, message: string): StatusCause {
  return { reason, field, message };
}
