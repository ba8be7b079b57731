import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Notification channel the relay of `schema` listens on (Postgres identifiers are lower-case). */
export function outboxChannel(schema: string): string {
  return `llmops_outbox_${schema.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}`;
}

/**
 * The messaging tables every service owns in its schema: the transactional outbox and the record of
 * processed event ids (the idempotency store). Returned as a migration class so each service lists it
 * first among its own migrations.
 */
export function messagingTablesMigration(schema: string): new () => MigrationInterface {
  const s = `"${schema}"`;
  const channel = outboxChannel(schema);
  return class MessagingTables1764300000000 implements MigrationInterface {
    name = 'MessagingTables1764300000000';

    async up(runner: QueryRunner): Promise<void> {
      await runner.query(`CREATE TABLE ${s}.outbox_events (
        seq bigserial PRIMARY KEY,
        event_id uuid NOT NULL,
        topic text NOT NULL,
        message_key text NOT NULL,
        headers jsonb NOT NULL,
        payload text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
      await runner.query(`CREATE TABLE ${s}.processed_events (
        consumer_group text NOT NULL,
        event_id uuid NOT NULL,
        topic text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer_group, event_id)
      )`);
      // One notification per committing statement wakes relays in other processes; it is delivered on commit.
      await runner.query(`CREATE FUNCTION ${s}.notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_notify('${channel}', ''); RETURN NULL; END $$`);
      await runner.query(`CREATE TRIGGER outbox_events_notify AFTER INSERT ON ${s}.outbox_events
        FOR EACH STATEMENT EXECUTE FUNCTION ${s}.notify_outbox()`);
    }

    async down(runner: QueryRunner): Promise<void> {
      await runner.query(`DROP TABLE ${s}.processed_events`);
      await runner.query(`DROP TABLE ${s}.outbox_events`);
      await runner.query(`DROP FUNCTION ${s}.notify_outbox()`);
    }
  };
}
