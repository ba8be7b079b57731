/** One field problem in an `Invalid` Status, as the API server reports it. */
export interface StatusCause {
  /** `FieldValueRequired`, `FieldValueInvalid`, `FieldValueNotSupported`, … */
  reason: string;
  message: string;
  /** Dotted path with indexes, e.g. `spec.template.spec.containers[0].image`. */
  field: string;
}

/** The `Status` object a Kubernetes API server answers errors (and deletions) with. */
export interface KubernetesStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  details?: { name?: string; group?: string; kind?: string; uid?: string; causes?: StatusCause[] };
  code: number;
}

/** An error the stand-in answers with a `Status` body and the HTTP code a real server would use. */
export class StandInApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: KubernetesStatus['details'],
  ) {
    super(message);
    this.name = 'StandInApiError';
  }

  static badRequest(message: string): StandInApiError {
    return new StandInApiError(400, 'BadRequest', message);
  }

  static notFound(resource: string, name: string, group = ''): StandInApiError {
    const qualified = group === '' ? resource : `${resource}.${group}`;
    return new StandInApiError(404, 'NotFound', `${qualified} "${name}" not found`, {
      name,
      group,
      kind: resource,
    });
  }

  static alreadyExists(resource: string, name: string, group = ''): StandInApiError {
    const qualified = group === '' ? resource : `${resource}.${group}`;
    return new StandInApiError(409, 'AlreadyExists', `${qualified} "${name}" already exists`, {
      name,
      group,
      kind: resource,
    });
  }

  static invalid(kind: string, group: string, name: string, causes: StatusCause[]): StandInApiError {
    const qualified = group === '' ? kind : `${kind}.${group}`;
    const summary = causes.map((cause) => `${cause.field}: ${cause.message}`).join(', ');
    return new StandInApiError(422, 'Invalid', `${qualified} "${name}" is invalid: [${summary}]`, {
      name,
      group,
      kind,
      causes,
    });
  }

  toStatus(): KubernetesStatus {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      ...(this.details === undefined ? {} : { details: this.details }),
      code: this.code,
    };
  }
}

/** The `Status` a successful deletion answers with. */
export function successStatus(details: KubernetesStatus['details']): KubernetesStatus {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details, code: 200 };
}
