import type { AnyEventDefinition } from '@llmops/contracts';

/** `dataset-version-created` → `DatasetVersionCreated`. */
export function pascalCase(kebab: string): string {
  return kebab
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** `IngestionDatasetVersionCreatedV1`: unique per event version; JSON Schema title and AsyncAPI message id. */
export function messageName(definition: AnyEventDefinition): string {
  return `${pascalCase(definition.service)}${pascalCase(definition.event)}V${String(definition.version)}`;
}
