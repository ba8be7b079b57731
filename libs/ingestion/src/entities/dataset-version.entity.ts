import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'ingestion', name: 'dataset_versions' })
export class DatasetVersionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'dataset_id' })
  datasetId!: string;

  @Column('int')
  version!: number;

  /** The version as announced in `dataset-version-created` (immutable once written). */
  @Column('jsonb')
  descriptor!: object;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
