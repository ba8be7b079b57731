import { statSync } from 'node:fs';
import {
  BuiltinPredictor,
  OpenAiEndpointPredictor,
  type GenerationSettings,
  type Predictor,
} from '@llmops/eval-suite';
import {
  BUILTIN_BASE_NAMES,
  isBuiltinBaseName,
  loadBuiltinBase,
  loadModelFromDirectory,
  ModelRuntimeError,
  type BaseReference,
  type LoadedModel,
} from '@llmops/model-runtime';
import { CliInputError } from './data-input';

/** What `--model` / `--champion` name: a builtin base, a saved builtin model or an OpenAI-compatible API. */
export type ModelSpec =
  | { readonly kind: 'builtin'; readonly name: string }
  | { readonly kind: 'directory'; readonly path: string }
  | { readonly kind: 'endpoint'; readonly baseUrl: string; readonly model: string };

/** How endpoints are called; the key comes from the environment, never from a flag (shell history). */
export interface EndpointSettings {
  readonly apiKey?: string;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly backoffMs: number;
}

/** Parses `builtin:<base>`, `http(s)://host/v1` (with the served model's name) or a directory path. */
export function parseModelSpec(option: string, value: string, endpointModel: string | undefined): ModelSpec {
  if (value.startsWith('builtin:')) {
    const name = value.slice('builtin:'.length);
    if (!isBuiltinBaseName(name)) {
      throw new CliInputError(
        `${option} ${value}: no builtin base is called "${name}"; known: ${BUILTIN_BASE_NAMES.join(', ')}`,
      );
    }
    return { kind: 'builtin', name };
  }
  if (/^https?:\/\//i.test(value)) {
    if (!URL.canParse(value)) throw new CliInputError(`${option} ${value}: not a valid URL`);
    if (!endpointModel) {
      const flag = option === '--model' ? '--endpoint-model' : '--champion-endpoint-model';
      throw new CliInputError(`${option} ${value}: an endpoint needs ${flag} NAME (the model it serves)`);
    }
    return { kind: 'endpoint', baseUrl: value, model: endpointModel };
  }
  const stat = statSync(value, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) {
    throw new CliInputError(
      `${option} ${value}: ${stat ? 'not a directory' : 'no such directory'} ` +
        '(expected builtin:<base>, a saved model directory, or an http(s)://…/v1 endpoint)',
    );
  }
  return { kind: 'directory', path: value };
}

/** The predictor for a model spec; a builtin base is trained on first use (a few seconds). */
export async function createPredictor(
  spec: ModelSpec,
  generation: GenerationSettings,
  endpoint: EndpointSettings,
): Promise<Predictor> {
  switch (spec.kind) {
    case 'builtin':
      return new BuiltinPredictor(`builtin ${spec.name}`, await loadBuiltinBase(spec.name), generation);
    case 'directory': {
      const model = await loadDirectory(spec.path);
      return new BuiltinPredictor(`builtin ${model.name ?? 'model'} (${spec.path})`, model, generation);
    }
    case 'endpoint':
      return endpointPredictor(spec.baseUrl, spec.model, generation, endpoint);
  }
}

export function endpointPredictor(
  baseUrl: string,
  model: string,
  generation: GenerationSettings,
  endpoint: EndpointSettings,
): Predictor {
  return new OpenAiEndpointPredictor({ baseUrl, model, ...generation, ...endpoint });
}

async function loadDirectory(path: string): Promise<LoadedModel> {
  try {
    return await loadModelFromDirectory(path, { resolveBase });
  } catch (error) {
    const readable =
      error instanceof ModelRuntimeError ||
      error instanceof CliInputError ||
      (error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string');
    if (!readable) throw error;
    throw new CliInputError(`${path}: not a loadable builtin model: ${error.message}`);
  }
}

/** Offline, an adapter's base can only be a builtin one: the registry is not at hand. */
function resolveBase(reference: BaseReference): Promise<LoadedModel> {
  const ref = reference.ref;
  if (ref?.kind === 'builtin' && isBuiltinBaseName(ref.name)) return loadBuiltinBase(ref.name);
  const named = ref ? JSON.stringify(ref) : `weights sha256 ${reference.weightsSha256.slice(0, 12)}…`;
  throw new CliInputError(
    `it is an adapter whose base (${named}) is not a builtin base; ` +
      'evaluate it through the evaluation service, which resolves registry bases',
  );
}
