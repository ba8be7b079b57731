import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDatasetCatalog1764300002000 implements MigrationInterface {
  name = 'CreateDatasetCatalog1764300002000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE training.dataset_versions (
      version_id uuid PRIMARY KEY,
      dataset_id uuid NOT NULL,
      dataset_name text NOT NULL,
      version int NOT NULL,
      manifest_uri text NOT NULL,
      train_records int NOT NULL,
      announced_at timestamptz NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE TABLE training.datasets (
      dataset_id uuid PRIMARY KEY,
      dataset_name text NOT NULL,
      versions_received int NOT NULL,
      latest_version int NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE training.datasets');
    await runner.query('DROP TABLE training.dataset_versions');
  }
}
