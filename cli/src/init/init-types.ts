/** Clients `eos-lint init` writes configs for. */
export type InitClient = 'java' | 'kafkajs' | 'confluent' | 'librdkafka' | 'streams' | 'flink-datastream' | 'flink-sql';

/** What the configs are generated for. */
export interface InitChoices {
  client: InitClient;
  /** Brokers in the cluster (1 is a development setup). */
  brokers: number;
}

/** One file to write. */
export interface InitFile {
  /** Relative to the target directory. */
  path: string;
  text: string;
  /** One line for the summary printed after writing. */
  description: string;
}
