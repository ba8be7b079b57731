import type { IContainer } from 'kubernetes-models/v1/Container';
import type { ResourceTable } from './resource-table';

/**
 * The container's environment as the kubelet builds it: plain values, `envFrom` Secrets and
 * `secretKeyRef`s, or why it cannot yet (a missing Secret or key: CreateContainerConfigError).
 */
export function resolveContainerEnv(
  table: ResourceTable,
  namespace: string,
  container: IContainer,
): { env: Record<string, string> } | { error: string } {
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    const ref = source.secretRef;
    if (ref?.name === undefined) continue;
    const secret = table.get('secrets', namespace, ref.name);
    if (secret === undefined) {
      if (ref.optional === true) continue;
      return { error: `secret "${ref.name}" not found` };
    }
    for (const [key, value] of Object.entries(secretData(secret.data, secret.stringData))) {
      env[`${source.prefix ?? ''}${key}`] = value;
    }
  }
  for (const variable of container.env ?? []) {
    const ref = variable.valueFrom?.secretKeyRef;
    if (ref === undefined) {
      env[variable.name] = variable.value ?? '';
      continue;
    }
    const secret = table.get('secrets', namespace, ref.name ?? '');
    const value = secret === undefined ? undefined : secretData(secret.data, secret.stringData)[ref.key];
    if (value !== undefined) env[variable.name] = value;
    else if (ref.optional !== true) {
      return {
        error:
          secret === undefined
            ? `secret "${ref.name ?? ''}" not found`
            : `couldn't find key ${ref.key} in Secret ${namespace}/${ref.name ?? ''}`,
      };
    }
  }
  return { env };
}

function secretData(
  data: Record<string, string> | undefined,
  stringData: Record<string, string> | undefined,
): Record<string, string> {
  const decoded = Object.fromEntries(
    Object.entries(data ?? {}).map(([key, value]) => [key, Buffer.from(value, 'base64').toString('utf8')]),
  );
  return { ...decoded, ...stringData };
}
