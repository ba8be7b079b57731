export { startKubernetesStandIn } from './kubernetes-stand-in';
export type {
  KubernetesStandIn,
  KubernetesStandInOptions,
  StandInFault,
  StandInJob,
  StandInKubeConfig,
  StandInPod,
  StandInRequest,
} from './stand-in-types';
export {
  SCRIPT_ANNOTATION,
  type PodExit,
  type PodScript,
  type PodScriptSource,
  type RunningPod,
} from './pod-script';
export type { PropagationPolicy } from './scripted-job-controller';
