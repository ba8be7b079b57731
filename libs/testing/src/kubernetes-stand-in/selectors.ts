import { StandInApiError } from './stand-in-api-error';

/** A parsed `labelSelector` or `fieldSelector`: true when an object's labels (or fields) match. */
export type Selector = (values: Readonly<Record<string, string>>) => boolean;

const SET_TERM = /^([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)$/;

/**
 * Parses a label selector as the API server does for the forms clients send: `k=v`, `k==v`, `k!=v`,
 * `k`, `!k`, `k in (a,b)`, `k notin (a,b)`, comma-separated and all required.
 */
export function parseLabelSelector(selector: string | null): Selector {
  if (selector === null || selector.trim() === '') return () => true;
  const terms = splitTerms(selector).map((term) => parseTerm(term, selector));
  return (labels) => terms.every((term) => term(labels));
}

/** Field selectors: only `metadata.name` and `metadata.namespace` with `=`, `==` or `!=`, like for Jobs. */
export function parseFieldSelector(selector: string | null): Selector {
  if (selector === null || selector.trim() === '') return () => true;
  const terms = selector.split(',').map((raw) => {
    const term = raw.trim();
    const match = /^([a-zA-Z.]+)\s*(!=|==|=)\s*(.*)$/.exec(term);
    const field = match?.[1];
    if (!match || (field !== 'metadata.name' && field !== 'metadata.namespace')) {
      throw StandInApiError.badRequest(`"${term}" is not a supported field selector: ${selector}`);
    }
    const negate = match[2] === '!=';
    const value = match[3] ?? '';
    return (fields: Readonly<Record<string, string>>) => (fields[field] === value) !== negate;
  });
  return (fields) => terms.every((term) => term(fields));
}

function splitTerms(selector: string): string[] {
  // Commas inside `in (a,b)` do not separate terms.
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      terms.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  terms.push(current.trim());
  return terms;
}

function parseTerm(term: string, selector: string): Selector {
  const set = SET_TERM.exec(term);
  if (set) {
    const key = set[1] ?? '';
    const values = new Set((set[3] ?? '').split(',').map((value) => value.trim()));
    return set[2] === 'in'
      ? (labels) => labels[key] !== undefined && values.has(labels[key])
      : (labels) => labels[key] === undefined || !values.has(labels[key]);
  }
  const comparison = /^([^\s!=]+)\s*(!=|==|=)\s*([^\s=!]*)$/.exec(term);
  if (comparison) {
    const key = comparison[1] ?? '';
    const value = comparison[3] ?? '';
    return comparison[2] === '!=' ? (labels) => labels[key] !== value : (labels) => labels[key] === value;
  }
  const exists = /^(!?)([^\s!=(),]+)$/.exec(term);
  if (exists) {
    const key = exists[2] ?? '';
    return exists[1] === '!' ? (labels) => labels[key] === undefined : (labels) => labels[key] !== undefined;
  }
  throw StandInApiError.badRequest(`unable to parse requirement "${term}" of label selector "${selector}"`);
}

/** The `labelSelector` and `fieldSelector` of a request as one test on objects. */
export function objectMatcher(
  url: URL,
): (object: {
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string> };
}) => boolean {
  const labels = parseLabelSelector(url.searchParams.get('labelSelector'));
  const fields = parseFieldSelector(url.searchParams.get('fieldSelector'));
  return (object) =>
    labels(object.metadata?.labels ?? {}) &&
    fields({
      'metadata.name': object.metadata?.name ?? '',
      'metadata.namespace': object.metadata?.namespace ?? '',
    });
}
