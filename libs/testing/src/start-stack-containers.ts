import { KafkaContainer } from '@testcontainers/kafka';
import { PostgreSqlContainer } from '@testcontainers/postgresql';
import { GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';
import type { StackEnv } from './stack-env';

export interface StackContainers {
  env: StackEnv;
  stop(): Promise<void>;
}

const S3 = { accessKey: 'llmops', secretKey: 'llmops-secret-key', bucket: 'llmops' };

/**
 * Where a Docker engine exists (a laptop) and no stack endpoints are set, the same three real services
 * come from containers: PostgreSQL 15, Kafka (KRaft) and S3Proxy. Not exercised on the project's build
 * machines, which have no Docker engine; tools/stack is the path CI takes.
 */
export async function startStackContainers(): Promise<StackContainers> {
  const started: StartedTestContainer[] = [];
  try {
    const postgres = await new PostgreSqlContainer('postgres:15')
      .withDatabase('llmops')
      .withUsername('postgres')
      .withPassword('postgres')
      .start();
    started.push(postgres);
    const kafka = await new KafkaContainer('confluentinc/cp-kafka:7.9.0')
      .withKraft()
      .withEnvironment({ KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false' })
      .start();
    started.push(kafka);
    const s3 = await new GenericContainer('andrewgaul/s3proxy:s3proxy-3.3.0')
      .withEnvironment({
        S3PROXY_AUTHORIZATION: 'aws-v2-or-v4',
        S3PROXY_IDENTITY: S3.accessKey,
        S3PROXY_CREDENTIAL: S3.secretKey,
        JCLOUDS_PROVIDER: 'filesystem-nio2',
        JCLOUDS_FILESYSTEM_BASEDIR: '/data',
      })
      .withExposedPorts(80)
      .withWaitStrategy(Wait.forListeningPorts())
      .start();
    started.push(s3);
    return {
      env: {
        DATABASE_URL: postgres.getConnectionUri(),
        KAFKA_BROKERS: `${kafka.getHost()}:${kafka.getMappedPort(9093)}`,
        S3_ENDPOINT: `http://${s3.getHost()}:${s3.getMappedPort(80)}`,
        S3_ACCESS_KEY: S3.accessKey,
        S3_SECRET_KEY: S3.secretKey,
        S3_BUCKET: S3.bucket,
        S3_REGION: 'us-east-1',
      },
      stop: async () => {
        await Promise.allSettled(started.map((c) => c.stop()));
      },
    };
  } catch (error) {
    await Promise.allSettled(started.map((c) => c.stop()));
    throw error;
  }
}
