import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Frozen here (not imported): a migration must mean the same SQL forever. New kinds need a new migration. */
const KINDS = [
  'source',
  'dataset-version',
  'labeling-project',
  'labeling-export',
  'base-model',
  'training-run',
  'model-version',
  'evaluation',
  'approval',
  'deployment',
  'alert',
  'drift-report',
  'feedback',
  'retraining-request',
  'prompt-version',
]
  .map((k) => `'${k}'`)
  .join(', ');

/** The lineage graph, the event → node index, and the deployment history of every route. */
export class CreateLineageTables1764400300000 implements MigrationInterface {
  name = 'CreateLineageTables1764400300000';

  async up(runner: QueryRunner): Promise<void> {
    // A surrogate bigint key keeps edges and their indexes small; (kind, id) is the public identity.
    await runner.query(`CREATE TABLE registry.lineage_nodes (
      node_key bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN (${KINDS})),
      id text NOT NULL,
      label text NOT NULL,
      placeholder boolean NOT NULL,
      attributes jsonb NOT NULL DEFAULT '{}',
      occurred_at timestamptz,
      state_at timestamptz,
      first_seen_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (kind, id)
    )`);
    // Runs started by a plan name the event that fired it; that event may arrive after the run.
    await runner.query(`CREATE INDEX lineage_nodes_trigger_event_idx ON registry.lineage_nodes
      ((attributes->>'triggerEventId')) WHERE kind = 'training-run'`);

    await runner.query(`CREATE TABLE registry.lineage_edges (
      from_node bigint NOT NULL REFERENCES registry.lineage_nodes(node_key),
      to_node bigint NOT NULL REFERENCES registry.lineage_nodes(node_key),
      relation text NOT NULL,
      occurred_at timestamptz,
      attributes jsonb NOT NULL DEFAULT '{}',
      first_seen_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (from_node, to_node, relation)
    )`);
    // The primary key serves downstream steps; this one serves upstream steps.
    await runner.query('CREATE INDEX lineage_edges_to_idx ON registry.lineage_edges (to_node, from_node)');

    await runner.query(`CREATE TABLE registry.lineage_event_nodes (
      event_id uuid PRIMARY KEY,
      node_key bigint NOT NULL REFERENCES registry.lineage_nodes(node_key)
    )`);

    await runner.query(`CREATE TABLE registry.lineage_route_states (
      state_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      route text NOT NULL,
      revision int NOT NULL,
      change text NOT NULL,
      reason text NOT NULL,
      actor jsonb NOT NULL,
      valid_from timestamptz NOT NULL,
      valid_to timestamptz,
      event_id uuid,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (route, valid_from, revision)
    )`);
    await runner.query(`CREATE TABLE registry.lineage_route_targets (
      state_id bigint NOT NULL REFERENCES registry.lineage_route_states(state_id) ON DELETE CASCADE,
      position int NOT NULL,
      deployment_id uuid NOT NULL,
      model_id uuid,
      model_name text,
      model_version_id uuid,
      model_version int,
      prompt_id uuid,
      prompt_name text,
      prompt_version_id uuid,
      prompt_version int,
      backend jsonb NOT NULL,
      mode text NOT NULL,
      weight double precision NOT NULL,
      status text NOT NULL,
      PRIMARY KEY (state_id, position)
    )`);
    await runner.query(
      'CREATE INDEX lineage_route_targets_deployment_idx ON registry.lineage_route_targets (deployment_id)',
    );
    await runner.query(
      'CREATE INDEX lineage_route_targets_model_version_idx ON registry.lineage_route_targets (model_version_id)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE registry.lineage_route_targets');
    await runner.query('DROP TABLE registry.lineage_route_states');
    await runner.query('DROP TABLE registry.lineage_event_nodes');
    await runner.query('DROP TABLE registry.lineage_edges');
    await runner.query('DROP TABLE registry.lineage_nodes');
  }
}
