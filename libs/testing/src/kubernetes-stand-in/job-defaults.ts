import type { IJob } from 'kubernetes-models/batch/v1/Job';

/** What the API server fills in on create: defaults, the controller-uid selector and pod labels. */
export function withJobDefaults(job: IJob, uid: string): IJob {
  const name = job.metadata?.name ?? '';
  const spec = job.spec;
  if (spec === undefined) return { ...job, metadata: { ...job.metadata, uid } };
  const podSpec = spec.template.spec;
  return {
    ...job,
    metadata: { ...job.metadata, uid },
    spec: {
      ...spec,
      backoffLimit: spec.backoffLimit ?? 6,
      completions: spec.completions ?? 1,
      parallelism: spec.parallelism ?? 1,
      completionMode: spec.completionMode ?? 'NonIndexed',
      suspend: spec.suspend ?? false,
      selector: spec.selector ?? { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
      template: {
        ...spec.template,
        metadata: {
          ...spec.template.metadata,
          labels: {
            ...spec.template.metadata?.labels,
            'batch.kubernetes.io/controller-uid': uid,
            'batch.kubernetes.io/job-name': name,
            'controller-uid': uid,
            'job-name': name,
          },
        },
        ...(podSpec === undefined
          ? {}
          : {
              spec: {
                ...podSpec,
                dnsPolicy: podSpec.dnsPolicy ?? 'ClusterFirst',
                schedulerName: podSpec.schedulerName ?? 'default-scheduler',
                terminationGracePeriodSeconds: podSpec.terminationGracePeriodSeconds ?? 30,
                containers: podSpec.containers.map((container) => ({
                  ...container,
                  imagePullPolicy: container.imagePullPolicy ?? defaultPullPolicy(container.image ?? ''),
                  terminationMessagePath: container.terminationMessagePath ?? '/dev/termination-log',
                  terminationMessagePolicy: container.terminationMessagePolicy ?? 'File',
                })),
              },
            }),
      },
    },
  };
}

function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  if (image.includes('@')) return 'IfNotPresent';
  const tag = image.slice(image.lastIndexOf('/') + 1).split(':')[1];
  return tag === undefined || tag === 'latest' ? 'Always' : 'IfNotPresent';
}
