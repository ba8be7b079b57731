import { z } from 'zod';

/** What actually runs a deployment's model. */
export const ServingBackendSchema = z
  .discriminatedUnion('kind', [
    z.object({
      /** The builtin runtime, in the serving process. */
      kind: z.literal('builtin').describe('The builtin runtime, in the serving process.'),
    }),
    z.object({
      /** An OpenAI-compatible upstream (vLLM, TGI, Ollama, llama.cpp server). */
      kind: z
        .literal('openai-compatible')
        .describe('An OpenAI-compatible upstream (vLLM, TGI, Ollama, llama.cpp server).'),
      /** Base URL of the upstream (no credentials). */
      baseUrl: z.url().describe('Base URL of the upstream (no credentials).'),
      /** Model name sent upstream. */
      upstreamModel: z.string().min(1).describe('Model name sent upstream.'),
    }),
    z.object({
      /** A vLLM Deployment the kubernetes deployer runs for a registered version. */
      kind: z
        .literal('kubernetes')
        .describe('A vLLM Deployment the kubernetes deployer runs for a registered version.'),
      /** Namespace of the Deployment. */
      namespace: z.string().min(1).describe('Namespace of the Deployment.'),
      /** Name of the Deployment. */
      name: z.string().min(1).describe('Name of the Deployment.'),
    }),
  ])
  .describe('What runs the model: builtin, openai-compatible upstream, or kubernetes (vLLM).');

/** How a target takes part in its route's traffic. */
export const TrafficModeSchema = z
  .enum(['primary', 'canary', 'shadow'])
  .describe(
    'How the target takes traffic: primary, canary (weighted share), or shadow (mirrored, answers discarded).',
  );
