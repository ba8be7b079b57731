import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Recipes, sources, ingestion jobs and the buffer of records that arrive on the Kafka input topic. */
export class CreateCuration1764300002000 implements MigrationInterface {
  name = 'CreateCuration1764300002000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ingestion.recipes (
      id uuid PRIMARY KEY,
      name text NOT NULL UNIQUE,
      description text NOT NULL DEFAULT '',
      latest_version int NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE TABLE ingestion.recipe_versions (
      recipe_id uuid NOT NULL REFERENCES ingestion.recipes(id),
      version int NOT NULL,
      body jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (recipe_id, version)
    )`);
    await runner.query(`CREATE TABLE ingestion.sources (
      id uuid PRIMARY KEY,
      name text NOT NULL UNIQUE,
      kind text NOT NULL,
      config jsonb NOT NULL,
      dataset_id uuid NOT NULL REFERENCES ingestion.datasets(id),
      build jsonb NOT NULL,
      batch_policy jsonb,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE TABLE ingestion.jobs (
      id uuid PRIMARY KEY,
      dataset_id uuid NOT NULL REFERENCES ingestion.datasets(id),
      version_id uuid NOT NULL UNIQUE,
      status text NOT NULL,
      origin jsonb NOT NULL,
      input jsonb NOT NULL,
      build jsonb NOT NULL,
      attempts int NOT NULL DEFAULT 0,
      report jsonb,
      error jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      heartbeat_at timestamptz,
      finished_at timestamptz
    )`);
    await runner.query(`CREATE INDEX jobs_queued ON ingestion.jobs (created_at) WHERE status = 'queued'`);
    await runner.query(`CREATE TABLE ingestion.buffered_records (
      seq bigserial,
      source_id uuid NOT NULL REFERENCES ingestion.sources(id),
      record_id text NOT NULL,
      payload jsonb NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      job_id uuid,
      PRIMARY KEY (source_id, record_id)
    )`);
    await runner.query(
      `CREATE INDEX buffered_records_pending ON ingestion.buffered_records (source_id, received_at) WHERE job_id IS NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE ingestion.buffered_records');
    await runner.query('DROP TABLE ingestion.jobs');
    await runner.query('DROP TABLE ingestion.sources');
    await runner.query('DROP TABLE ingestion.recipe_versions');
    await runner.query('DROP TABLE ingestion.recipes');
  }
}
