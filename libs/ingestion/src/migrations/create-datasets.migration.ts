import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDatasets1764300001000 implements MigrationInterface {
  name = 'CreateDatasets1764300001000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ingestion.datasets (
      id uuid PRIMARY KEY,
      name text NOT NULL UNIQUE,
      description text NOT NULL DEFAULT '',
      latest_version int NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE TABLE ingestion.dataset_versions (
      id uuid PRIMARY KEY,
      dataset_id uuid NOT NULL REFERENCES ingestion.datasets(id),
      version int NOT NULL,
      descriptor jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (dataset_id, version)
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE ingestion.dataset_versions');
    await runner.query('DROP TABLE ingestion.datasets');
  }
}
