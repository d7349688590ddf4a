// Generated from rules/*.yaml by src/tools/gen-rules.ts. Do not edit.
import type { RuleDefinition } from '../rule/rule-types.js';

export const RULE_BUNDLE: readonly RuleDefinition[] = [
  {
    "id": "auto-create-topics-enabled",
    "alias": "B7",
    "title": "Topics are auto-created",
    "severity": "warning",
    "scope": {
      "roles": [
        "broker"
      ]
    },
    "given": {
      "key": "auto.create.topics.enable"
    },
    "then": {
      "check": "equals",
      "options": {
        "value": "false"
      }
    },
    "message": "{{key}}={{value}}{{defaulted}}: a typo in a topic name creates a topic with the broker defaults (replication factor 1, min.insync.replicas 1).",
    "rationale": {
      "failureMode": "loss",
      "text": "Auto-created topics inherit default.replication.factor and min.insync.replicas, usually 1 and 1: one broker failure loses their data. Misspelled topic names also silently split a stream in two."
    },
    "remediation": "Set auto.create.topics.enable=false and create topics explicitly with replication factor 3 and min.insync.replicas 2.",
    "suggestion": {
      "action": "set",
      "value": "false",
      "description": "disable topic auto-creation (create topics explicitly first)"
    }
  },
  {
    "id": "broker-min-isr-not-below-default-rf",
    "alias": "T1",
    "title": "Broker min.insync.replicas not below default.replication.factor",
    "severity": "error",
    "scope": {
      "roles": [
        "broker"
      ]
    },
    "given": {
      "key": "min.insync.replicas"
    },
    "then": {
      "function": "min-isr-vs-rf",
      "options": {
        "minIsrKey": "min.insync.replicas",
        "rfKey": "default.replication.factor"
      }
    },
    "message": "{{minIsrKey}}={{minIsr}} equals {{rfKey}}={{rf}}: topics created with the default cannot take acks=all writes while any one replica is down.",
    "messages": {
      "unwritable": "{{minIsrKey}}={{minIsr}} is above {{rfKey}}={{rf}}: topics created with the default reject every acks=all write."
    },
    "rationale": {
      "failureMode": "no-start",
      "text": "With min.insync.replicas equal to the replication factor, every replica must be in sync for an acks=all write, so any broker restart blocks producers and transactions. Above it, writes are never possible (before KIP-966)."
    },
    "remediation": "Keep min.insync.replicas = replication factor - 1 (2 with RF 3)."
  },
  {
    "id": "consumer-auto-commit-enabled",
    "alias": "C2",
    "title": "Offsets auto-committed outside the transaction",
    "severity": "error",
    "scope": {
      "roles": [
        "consumer"
      ]
    },
    "applies-when": {
      "eos": true
    },
    "given": {
      "key": "enable.auto.commit"
    },
    "then": {
      "check": "equals",
      "options": {
        "value": "false"
      }
    },
    "message": "{{key}}={{value}}{{defaulted}}: offsets are committed on a timer, apart from the output, so a crash loses or repeats records.",
    "rationale": {
      "failureMode": "duplicates",
      "text": "Exactly-once needs the consumed offsets to be committed together with the output: in the producer's transaction (sendOffsetsToTransaction with the consumer group metadata, KIP-447) or in the sink's own transaction. Auto-commit commits whatever was polled every 5 seconds, whether or not it was processed."
    },
    "remediation": "Set enable.auto.commit=false (kafkajs `autoCommit: false`) and commit offsets in the transaction (sendOffsetsToTransaction) or together with the sink write.",
    "suggestion": {
      "action": "set",
      "value": "false",
      "description": "disable auto-commit (then commit offsets in the transaction)"
    }
  },
  {
    "id": "consumer-auto-offset-reset-latest",
    "alias": "C3",
    "title": "A new consumer group starts at the end of the log",
    "severity": "warning",
    "scope": {
      "roles": [
        "consumer"
      ]
    },
    "applies-when": {
      "eos": true
    },
    "given": {
      "key": "auto.offset.reset"
    },
    "then": {
      "check": "in",
      "options": {
        "values": [
          "earliest",
          "none",
          "smallest",
          "beginning",
          "error"
        ]
      }
    },
    "message": "{{key}}={{value}}{{defaulted}}: a group without committed offsets (new, or expired) skips everything written before it started.",
    "rationale": {
      "failureMode": "loss",
      "text": "With latest, a consumer group that has no committed offset starts at the end of each partition. Records written before it joined, or while its offsets had expired, are never processed."
    },
    "remediation": "Set auto.offset.reset=earliest, or none to fail loudly when no offset is committed.",
    "recommended": "earliest",
    "suggestion": {
      "action": "set",
      "value": "earliest",
      "description": "start new groups at the beginning of the log"
    }
  },
  {
    "id": "consumer-read-uncommitted",
    "alias": "C1",
    "title": "Consumer reads uncommitted transactional data",
    "severity": "error",
    "scope": {
      "roles": [
        "consumer"
      ]
    },
    "applies-when": {
      "eos": true
    },
    "given": {
      "key": "isolation.level"
    },
    "then": {
      "check": "equals",
      "options": {
        "value": "read_committed"
      }
    },
    "message": "{{key}}={{value}}{{defaulted}}: records of aborted and still-open transactions are delivered, so the consumer sees writes that were rolled back.",
    "rationale": {
      "failureMode": "duplicates",
      "text": "Transactional producers write records before they commit. A read_uncommitted consumer receives them at once, including those of transactions that are later aborted (and written again on retry). The Java client and kafkajs default to read_uncommitted; librdkafka defaults to read_committed."
    },
    "remediation": "Set isolation.level=read_committed (kafkajs `readUncommitted: false`) on every reader of a transactional topic.",
    "recommended": "read_committed",
    "fix": {
      "action": "set",
      "value": "read_committed",
      "description": "set isolation.level=read_committed"
    }
  },
  {
    "id": "default-replication-factor-below-3",
    "alias": "B5",
    "title": "default.replication.factor below 3",
    "severity": "warning",
    "scope": {
      "roles": [
        "broker"
      ]
    },
    "given": {
      "key": "default.replication.factor"
    },
    "then": {
      "check": "range",
      "options": {
        "min": 3
      }
    },
    "message": "{{key}}={{value}}{{defaulted}}: auto-created topics and Kafka Streams internal topics (replication.factor=-1) get too few replicas.",
    "rationale": {
      "failureMode": "loss",
      "text": "Topics created without an explicit replication factor (auto-created topics, Kafka Streams changelog and repartition topics with replication.factor=-1) use this value; the broker default is 1."
    },
    "remediation": "Set default.replication.factor=3 on clusters of 3 or more brokers."
  },
  {
    "id": "duplicate-key",
    "title": "Key set more than once",
    "severity": "info",
    "scope": {
      "roles": [
        "producer",
        "consumer",
        "broker",
        "topic",
        "streams",
        "flink"
      ]
    },
    "given": {
      "key": "*"
    },
    "then": {
      "function": "duplicate-key"
    },
    "message": "{{key}} is set again on line {{winnerLine}}; this earlier value is ignored.",
    "rationale": {
      "failureMode": "hygiene",
      "text": "When a key appears twice the last value wins, as in Kafka. The earlier line misleads readers and reviewers."
    },
    "remediation": "Remove the earlier line."
  },
  {
    "id": "flink-checkpointing-disabled",
    "alias": "F3",
    "title": "Exactly-once Flink job without checkpointing",
    "severity": "error",
    "scope": {
      "roles": [
        "flink"
      ]
    },
    "applies-when": {
      "eos": true
    },
    "given": {
      "key": "execution.checkpointing.interval"
    },
    "then": {
      "function": "flink-checkpointing"
    },
    "message": "execution.checkpointing.interval is not set: checkpointing is off, so the exactly-once sink never commits its transactions.",
    "rationale": {
      "failureMode": "loss",
      "text": "The exactly-once Kafka sink commits its transactions when a checkpoint completes. With checkpointing off nothing is ever committed: read_committed consumers see no data, and the open transactions time out and are aborted."
    },
    "remediation": "Set execution.checkpointing.interval (e.g. 10 s to 1 min) in the job configuration."
  },
  {
    "id": "flink-checkpointing-mode-at-least-once",
    "alias": "F5",
    "title": "Flink checkpointing mode AT_LEAST_ONCE",
    "severity": "error",
    "scope": {
      "roles": [
        "flink"
      ]
    },
    "applies-when": {
      "unit": "flink-job",
      "eos": true
    },
    "given": {
      "key": "execution.checkpointing.mode"
    },
    "then": {
      "check": "equals",
      "options": {
        "value": "EXACTLY_ONCE",
        "ignoreCase": true
      }
    },
    "message": "{{key}}={{value}}: checkpoints skip barrier alignment, so after recovery records are replayed into operator state twice.",
    "rationale": {
      "failureMode": "duplicates",
      "text": "AT_LEAST_ONCE checkpoints do not align barriers; state can include records that are replayed after a restore. Exactly-once Kafka output then carries the duplicated effects. (Inference from Flink's checkpointing model.)"
    },
    "remediation": "Set execution.checkpointing.mode=EXACTLY_ONCE (the default).",
    "recommended": "EXACTLY_ONCE",
    "fix": {
      "action": "set",
      "value": "EXACTLY_ONCE",
      "description": "set execution.checkpointing.mode=EXACTLY_ONCE"
    }
  },
  {
    "id": "flink-delivery-guarantee-not-exactly-once",
    "alias": "F1",
    "title": "Flink Kafka sink is not exactly-once",
    "severity": "error",
    "scope": {
      "roles": [
        "flink"
      ]
    },
    "applies-when": {
      "unit": "flink-sink"
    },
    "given": {
      "key": "sink.delivery-guarantee"
    },
    "then": {
      "check": "equals",
      "options": {
        "value": "exactly-once",
        "ignoreCase": true
      }
    },
    "message": "{{key}}={{value}}{{defaulted}}: after a failure Flink replays from the last checkpoint and writes those records to Kafka again.",
    "rationale": {
      "failureMode": "duplicates",
      "text": "Only the exactly-once delivery guarantee makes the Kafka sink write inside transactions committed with each checkpoint. The SQL connector defaults to at-least-once and the DataStream KafkaSink to NONE."
    },
    "remediation": "Set 'sink.delivery-guarantee' = 'exactly-once' and a unique, stable 'sink.transactional-id-prefix'.",
    "recommended": "exactly-once",
    "suggestion": {
      "action": "set",
      "value": "exactly-once",
      "description": "make the sink exactly-once (also set sink.transactional-id-prefix)"
    }
  },
  {
    "id": "flink-pooling-naming-needs-kafka-3",
    "alias": "F7",
    "title": "POOLING transaction naming needs Kafka 3.0 or newer",
    "severity": "warning",
    "scope": {
      "roles": [
        "flink"
      ]
    },
    "applies-when": {
      "kafka": "<3.0",
      "unit": "flink-sink"
    },
    "given": {
      "key": "sink.transaction-naming-strategy"
    },
    "then": {
      "check": "not-in",
      "options": {
        "values": [
          "POOLING"
        ],
        "ignoreCase": true
      }
    },
    "message": "{{key}}={{value}} needs Kafka 3.0 or newer (it lists transactions to reuse ids); this pipeline targets Kafka {{kafkaVersion}}.",
    "rationale": {
      "failureMode": "no-start",
      "text": "The POOLING strategy lists open transactions (ListTransactions, Kafka 3.0) and needs permission to read them. Switching from POOLING back to INCREMENTING is not supported."
    },
    "remediation": "Keep INCREMENTING on Kafka older than 3.0, or upgrade the brokers first."
  },
  {
    "id": "flink-sink-semantic-deprecated",
    "alias": "F1",
    "title": "Deprecated Flink option sink.semantic",
    "severity": "warning",
    "scope": {
      "roles": [
        "flink"
      ]
    },
    "given": {
      "key": "sink.semantic"
    },
    "then": {
      "check": "absent"
    },
    "message": "{{key}} is deprecated; use sink.delivery-guarantee.",
    "rationale": {
      "failureMode": "hygiene",
      "text": "The Kafka connector replaced 'sink.semantic' with 'sink.delivery-guarantee'. The old option is still read but slated for removal, and mixing both makes the effective guarantee unclear."
    },
    "remediation": "Rename 'sink.semantic' to 'sink.delivery-guarantee' (same values).",
    "fix": {
      "action": "rename",
      "to": "sink.delivery-guarantee",
      "description": "rename sink.semantic to sink.delivery-guarantee"
    }
  },
  {
    "id": "flink-source-read-uncommitted",
    "alias": "F6",
    "title": "Flink Kafka source reads uncommitted data",
    "severity": "error",
    "scope": {
      "roles": [
        "flink"
      ]
    },
    "applies-when": {
      "unit": "flink-source",
      "eos": true
    },
    "given": {
      "key": "isolation.level"
    },
    "then": {
      "check": "equals",
      "options": {
        "value": "read_committed"
      }
    },
    "message": "{{key}}={{value}}{{defaulted}}: KafkaSource does not set isolation.level, so Kafka's read_uncommitted applies and aborted transactional records are read.",
    "rationale": {
      "failureMode": "duplicates",
      "text": "Flink's KafkaSource leaves isolation.level to the Kafka consumer default, read_uncommitted (the SQL docs wrongly say read_committed). A job reading a transactional topic then processes aborted and uncommitted records."
    },
    "remediation": "Set 'properties.isolation.level' = 'read_committed' on every Kafka source that reads transactional topics.",
    "recommended": "read_committed",
    "fix": {
      "action": "set",
      "value": "read_committed",
      "description": "set properties.isolation.level=read_committed"
    },
    "references": [
      "immerok/recipes#5"
    ]
  },
  {
    "id": "flink-transaction-timeout-below-checkpoint-bound",
    "alias": "F4",
    "title": "Flink transactions can expire before their checkpoint completes",
    "severity": "warning",
    "scope": {
      "roles": [
        "flink"
      ]
    },
    "applies-when": {
      "unit": "flink-sink",
      "eos": true
    },
    "given": {
      "key": "transaction.timeout.ms"
    },
    "then": {
      "function": "flink-transaction-timeout-vs-checkpoints"
    },
    "message": "{{key}}={{value}}{{defaulted}} is below (tolerable failed checkpoints {{tolerable}} + 1) x (interval {{interval}} + checkpoint timeout {{checkpointTimeout}}) = {{bound}} ms: a transaction can be aborted by the broker before Flink commits it.",
    "rationale": {
      "failureMode": "loss",
      "text": "A sink transaction stays open until the checkpoint that covers it completes. If checkpoints fail or time out, the transaction must survive the next ones too. If the broker aborts it first, KafkaCommitter cannot commit it and its records are lost. (The bound is an inference from the connector's behaviour, not documented guidance.)"
    },
    "remediation": "Raise the transaction timeout (and the brokers' transaction.max.timeout.ms), or shorten the checkpoint interval and timeout."
  },
  {
    "id": "flink-transaction-timeout-exceeds-broker-max",
    "alias": "F4",
    "title": "Flink sink transaction timeout above the broker's maximum",
    "severity": "error",
    "scope": {
      "roles": [
        "flink"
      ]
    },
    "applies-when": {
      "unit": "flink-sink",
      "eos": true
    },
    "given": {
      "key": "transaction.timeout.ms"
    },
    "then": {
      "function": "limit-vs-broker",
      "options": {
        "key": "transaction.timeout.ms",
        "brokerKey": "transaction.max.timeout.ms",
        "op": "<="
      }
    },
    "message": "{{key}}={{value}}{{defaulted}} exceeds the broker's {{brokerKey}}={{brokerValue}}: the job fails at start with InvalidTxnTimeoutException.",
    "rationale": {
      "failureMode": "no-start",
      "text": "Flink's KafkaSink sets transaction.timeout.ms to 1 hour unless told otherwise, while brokers allow at most 15 minutes by default (transaction.max.timeout.ms=900000). The first transaction fails (FLINK-30419 and many reports)."
    },
    "remediation": "Set 'properties.transaction.timeout.ms' to at most the broker maximum and well above checkpoint interval plus checkpoint timeout, or raise transaction.max.timeout.ms on the brokers (usually the better fix).",
    "suggestion": {
      "action": "set",
      "value": "{{fixValue}}",
      "description": "set properties.transaction.timeout.ms to the broker maximum ({{fixValue}}), or raise transaction.max.timeout.ms on the brokers"
    }
  },
  {
    "id": "flink-transactional-id-prefix-duplicate",
    "alias": "F2",
    "title": "Two Flink sinks share a transactional-id prefix",
    "severity": "error",
    "scope": {
      "roles": [
        "flink"
      ]
    },
    "given": {
      "key": "sink.transactional-id-prefix"
    },
    "then": {
      "function": "duplicate-value",
      "options": {
        "key": "sink.transactional-id-prefix"
      }
    },
    "message": "{{key}}={{value}} is also used by {{others}}: the sinks abort and fence each other's transactions.",
    "rationale": {
      "failureMode": "zombie",
      "text": "On recovery a sink aborts every lingering transaction under its prefix. Two sinks with the same prefix abort each other's work; within one job Flink fails with IllegalStateException."
    },
    "remediation": "Give every Kafka sink its own transactional-id prefix."
  },
  {
    "id": "flink-transactional-id-prefix-missing",
    "alias": "F2",
    "title": "Exactly-once Flink sink without a transactional-id prefix",
    "severity": "error",
    "scope": {
      "roles": [
        "flink"
      ]
    },
    "applies-when": {
      "unit": "flink-sink",
      "when": [
        {
          "key": "sink.delivery-guarantee",
          "check": "equals",
          "options": {
            "value": "exactly-once",
            "ignoreCase": true
          }
        }
      ]
    },
    "given": {
      "key": "sink.transactional-id-prefix"
    },
    "then": {
      "check": "present"
    },
    "message": "sink.transactional-id-prefix is not set: the exactly-once sink fails validation (or, before FLINK-37380, silently shares the default prefix with every other job).",
    "rationale": {
      "failureMode": "zombie",
      "text": "The prefix names the transactions of this sink. It must be unique per sink across the Kafka cluster and stable across restarts; a changed prefix strands open transactions that block read_committed consumers."
    },
    "remediation": "Set 'sink.transactional-id-prefix' to a unique, stable value such as '<job>-<sink>'."
  },
  {
    "id": "invalid-value",
    "title": "Invalid configuration value",
    "severity": "error",
    "scope": {
      "roles": [
        "producer",
        "consumer",
        "broker",
        "topic",
        "streams",
        "flink"
      ]
    },
    "given": {
      "key": "*"
    },
    "then": {
      "function": "invalid-value"
    },
    "message": "{{key}}={{value}}: {{problem}}; the client or broker refuses to start.",
    "rationale": {
      "failureMode": "no-start",
      "text": "Kafka validates every value against the key's type and allowed values when a client or broker starts. A typo (acks=al) or an empty number stops it with a ConfigException."
    },
    "remediation": "Use a value of the key's type from its allowed values (see the Kafka configuration reference)."
  },
  {
    "id": "kafkajs-max-in-flight-not-one",
    "alias": "P4",
    "title": "kafkajs idempotent producer without maxInFlightRequests=1",
    "severity": "error",
    "scope": {
      "roles": [
        "producer"
      ],
      "dialects": [
        "kafkajs"
      ]
    },
    "applies-when": {
      "when": [
        {
          "key": "enable.idempotence",
          "check": "equals",
          "options": {
            "value": "true"
          }
        }
      ]
    },
    "given": {
      "key": "max.in.flight.requests.per.connection"
    },
    "then": {
      "check": "in",
      "options": {
        "values": [
          "1"
        ]
      }
    },
    "message": "{{key}}={{value}}{{defaulted}}: kafkajs allows unlimited in-flight requests by default, and with more than 1 an idempotent producer can fail with OutOfOrderSequence or reorder retried batches.",
    "rationale": {
      "failureMode": "duplicates",
      "text": "kafkajs' maxInFlightRequests defaults to null, meaning unlimited. The kafkajs docs require 1 for exactly-once and its maintainers declined to support 5 (#980); under load idempotent producers hit OutOfOrderSequence (#598)."
    },
    "remediation": "Set `maxInFlightRequests: 1` on every idempotent or transactional kafkajs producer.",
    "recommended": "1",
    "fix": {
      "action": "set",
      "value": "1",
      "description": "set maxInFlightRequests to 1"
    },
    "references": [
      "kafkajs#980",
      "kafkajs#598"
    ]
  },
  {
    "id": "librdkafka-auto-offset-store-enabled",
    "title": "librdkafka stores offsets before processing",
    "severity": "warning",
    "scope": {
      "roles": [
        "consumer"
      ],
      "dialects": [
        "librdkafka",
        "confluent-js"
      ]
    },
    "applies-when": {
      "eos": true
    },
    "given": {
      "key": "enable.auto.offset.store"
    },
    "then": {
      "check": "equals",
      "options": {
        "value": "false"
      }
    },
    "message": "{{key}}={{value}}{{defaulted}}: librdkafka marks each message's offset for commit as soon as it is handed to the application.",
    "rationale": {
      "failureMode": "loss",
      "text": "With enable.auto.offset.store=true the offset of a message is stored when the application receives it, not when it has been processed. Any commit (automatic or not) can then include records whose processing never finished."
    },
    "remediation": "Set enable.auto.offset.store=false and enable.auto.commit=false in transactional loops; commit offsets in the transaction.",
    "suggestion": {
      "action": "set",
      "value": "false",
      "description": "store offsets only after processing"
    }
  },
  {
    "id": "librdkafka-gapless-guarantee-off",
    "title": "librdkafka idempotent producer may leave gaps",
    "severity": "info",
    "scope": {
      "roles": [
        "producer"
      ],
      "dialects": [
        "librdkafka",
        "confluent-js"
      ]
    },
    "applies-when": {
      "when": [
        {
          "key": "enable.idempotence",
          "check": "equals",
          "options": {
            "value": "true"
          }
        }
      ]
    },
    "given": {
      "key": "enable.gapless.guarantee"
    },
    "then": {
      "check": "equals",
      "options": {
        "value": "true"
      }
    },
    "message": "{{key}}={{value}}{{defaulted}}: after certain fatal errors librdkafka may drop messages and continue, leaving a gap in the sequence.",
    "rationale": {
      "failureMode": "loss",
      "text": "By default an idempotent librdkafka producer may fail individual messages (for example after message.timeout.ms) and carry on. enable.gapless.guarantee=true raises a fatal error instead, so no message is skipped silently. It is marked experimental."
    },
    "remediation": "Set enable.gapless.guarantee=true where gaps are unacceptable and handle the fatal error by recreating the producer."
  },
  {
    "id": "librdkafka-message-timeout-exceeds-transaction-timeout",
    "title": "librdkafka message.timeout.ms above transaction.timeout.ms",
    "severity": "error",
    "scope": {
      "roles": [
        "producer"
      ],
      "dialects": [
        "librdkafka",
        "confluent-js"
      ]
    },
    "applies-when": {
      "eos": true,
      "when": [
        {
          "key": "message.timeout.ms",
          "check": "present"
        }
      ]
    },
    "given": {
      "key": "message.timeout.ms"
    },
    "then": {
      "check": "compare",
      "options": {
        "other": "transaction.timeout.ms",
        "op": "<="
      }
    },
    "message": "{{key}}={{value}} is above transaction.timeout.ms={{otherValue}}: librdkafka rejects the configuration of a transactional producer.",
    "rationale": {
      "failureMode": "no-start",
      "text": "A message must be delivered or failed before its transaction times out, so librdkafka requires message.timeout.ms to be at most transaction.timeout.ms for transactional producers and fails at instantiation otherwise."
    },
    "remediation": "Lower message.timeout.ms (or remove it; librdkafka then derives it from transaction.timeout.ms).",
    "fix": {
      "action": "remove",
      "description": "remove message.timeout.ms so librdkafka derives it from transaction.timeout.ms"
    }
  },
  {
    "id": "min-insync-replicas-too-low",
    "alias": [
      "B4",
      "T1"
    ],
    "title": "min.insync.replicas below 2",
    "severity": "error",
    "scope": {
      "roles": [
        "broker",
        "topic"
      ]
    },
    "given": {
      "key": "min.insync.replicas"
    },
    "then": {
      "check": "range",
      "options": {
        "min": 2
      }
    },
    "message": "{{key}}={{value}}{{defaulted}}: acks=all succeeds with a single replica, so one broker failure can lose acknowledged writes.",
    "rationale": {
      "failureMode": "loss",
      "text": "acks=all waits only for the replicas currently in sync. With min.insync.replicas=1 (the broker default) the ISR may shrink to the leader alone and writes are still acknowledged; if that broker is lost, so are they."
    },
    "remediation": "Set min.insync.replicas=2 with a replication factor of 3 (broker-wide, or per topic).",
    "recommended": "2"
  },
  {
    "id": "offsets-topic-rf-below-3",
    "alias": "B3",
    "title": "Offsets topic replicated fewer than 3 times",
    "severity": "warning",
    "scope": {
      "roles": [
        "broker"
      ]
    },
    "given": {
      "key": "offsets.topic.replication.factor"
    },
    "then": {
      "check": "range",
      "options": {
        "min": 3
      }
    },
    "message": "{{key}}={{value}}: transactional offset commits live in __consumer_offsets and are lost with a single broker.",
    "rationale": {
      "failureMode": "loss",
      "text": "Exactly-once consume-transform-produce loops commit their input offsets into __consumer_offsets inside the transaction. With fewer than 3 replicas a broker failure can lose committed offsets, and the input is processed again."
    },
    "remediation": "Set offsets.topic.replication.factor=3 (the default) on clusters of 3 or more brokers."
  },
  {
    "id": "offsets-topic-rf-exceeds-brokers",
    "alias": "B3",
    "title": "Offsets topic replication factor above the broker count",
    "severity": "error",
    "scope": {
      "roles": [
        "broker"
      ]
    },
    "given": {
      "key": "offsets.topic.replication.factor"
    },
    "then": {
      "function": "replication-vs-broker-count",
      "options": {
        "key": "offsets.topic.replication.factor"
      }
    },
    "message": "{{key}}={{value}}{{defaulted}} but the cluster has {{brokerCount}} broker(s): __consumer_offsets is never created, so consumer groups and transactional offset commits hang.",
    "rationale": {
      "failureMode": "no-start",
      "text": "__consumer_offsets is created on first use with this replication factor; with fewer brokers the group coordinator never becomes available, and sendOffsetsToTransaction never completes."
    },
    "remediation": "Set offsets.topic.replication.factor to at most the number of brokers (3 in production)."
  },
  {
    "id": "parse-error",
    "title": "File cannot be read",
    "severity": "error",
    "builtin": true,
    "scope": {
      "roles": [
        "producer",
        "consumer",
        "broker",
        "topic",
        "streams",
        "flink"
      ]
    },
    "message": "{{problem}}",
    "rationale": {
      "failureMode": "no-start",
      "text": "A file that cannot be parsed cannot be checked, and the application reading it would most likely fail too. eos-lint exits with code 2 when a file cannot be read at all."
    },
    "remediation": "Fix the syntax error at the reported line."
  },
  {
    "id": "producer-acks-not-all",
    "alias": "P2",
    "title": "Producer acks is not \"all\"",
    "severity": "error",
    "scope": {
      "roles": [
        "producer",
        "streams"
      ]
    },
    "given": {
      "key": "acks"
    },
    "then": {
      "check": "in",
      "options": {
        "values": [
          "all",
          "-1"
        ]
      }
    },
    "message": "{{key}}={{value}}{{defaulted}}: a write is acknowledged before it is replicated and is lost when the leader fails.",
    "rationale": {
      "failureMode": "loss",
      "text": "With acks=0 or acks=1 the leader acknowledges a write before the in-sync replicas have it. If the leader dies next, a new leader without the record is elected and the acknowledged record is gone. acks other than all also disables or conflicts with idempotence. The default is all only since Kafka 3.0 (it was 1)."
    },
    "remediation": "Set acks=all and pair it with min.insync.replicas=2 on a replication factor of 3.",
    "recommended": "all",
    "fix": {
      "action": "set",
      "value": "all",
      "description": "set acks=all"
    }
  },
  {
    "id": "producer-delivery-timeout-exceeds-producer-id-expiration",
    "alias": [
      "P7",
      "B9"
    ],
    "title": "Producer retries outlive the broker's producer-id expiry",
    "severity": "warning",
    "scope": {
      "roles": [
        "producer"
      ]
    },
    "given": {
      "key": "delivery.timeout.ms"
    },
    "then": {
      "function": "limit-vs-broker",
      "options": {
        "key": "delivery.timeout.ms",
        "brokerKey": "producer.id.expiration.ms",
        "op": "<="
      }
    },
    "message": "{{key}}={{value}}{{defaulted}} is longer than the broker's {{brokerKey}}={{brokerValue}}: a batch retried after the producer id expired is accepted again as new.",
    "rationale": {
      "failureMode": "duplicates",
      "text": "The broker forgets an idle producer id after producer.id.expiration.ms (default 1 day since Kafka 3.4). If a producer keeps retrying longer than that, the broker no longer has the sequence numbers to recognise the retry."
    },
    "remediation": "Keep delivery.timeout.ms well below the broker's producer.id.expiration.ms."
  },
  {
    "id": "producer-delivery-timeout-too-low",
    "alias": "P7",
    "title": "delivery.timeout.ms below linger.ms + request.timeout.ms",
    "severity": "error",
    "scope": {
      "roles": [
        "producer",
        "streams"
      ],
      "dialects": [
        "java"
      ]
    },
    "applies-when": {
      "when": [
        {
          "key": "delivery.timeout.ms",
          "check": "present"
        }
      ]
    },
    "given": {
      "key": "delivery.timeout.ms"
    },
    "then": {
      "check": "compare",
      "options": {
        "other": "request.timeout.ms",
        "op": ">=",
        "plus": [
          "linger.ms"
        ]
      }
    },
    "message": "{{key}}={{value}} is below {{terms}} = {{bound}}: the producer refuses to start (ConfigException).",
    "rationale": {
      "failureMode": "no-start",
      "text": "delivery.timeout.ms bounds the whole life of a record in the producer, so it must be at least linger.ms plus request.timeout.ms. A value set explicitly below that makes the Java producer throw at construction."
    },
    "remediation": "Raise delivery.timeout.ms to at least linger.ms + request.timeout.ms (the default 120000 is usually right), or remove it.",
    "fix": {
      "action": "remove",
      "description": "remove delivery.timeout.ms so the default (120000) applies"
    }
  },
  {
    "id": "producer-id-expiration-short",
    "alias": "B9",
    "title": "producer.id.expiration.ms lowered below 1 day",
    "severity": "warning",
    "scope": {
      "roles": [
        "broker"
      ]
    },
    "applies-when": {
      "kafka": ">=3.4"
    },
    "given": {
      "key": "producer.id.expiration.ms"
    },
    "then": {
      "check": "range",
      "options": {
        "min": 86400000
      }
    },
    "message": "{{key}}={{value}}: idempotent producers idle for longer lose their sequence state, and a late retry is written again.",
    "rationale": {
      "failureMode": "duplicates",
      "text": "Since Kafka 3.4 the broker forgets an idle producer id after producer.id.expiration.ms (default 1 day). It must stay above every producer's delivery.timeout.ms, or retries are no longer recognised as duplicates."
    },
    "remediation": "Keep producer.id.expiration.ms at the default 86400000 or above, and above every client's delivery.timeout.ms."
  },
  {
    "id": "producer-idempotence-conflict",
    "alias": "P1",
    "title": "Idempotence is required but a setting contradicts it",
    "severity": "error",
    "scope": {
      "roles": [
        "producer"
      ]
    },
    "given": {
      "key": "enable.idempotence"
    },
    "then": {
      "function": "idempotence-conflict",
      "options": {
        "mode": "explicit"
      }
    },
    "message": "{{reason}} cannot be combined with {{conflicts}}: the producer refuses to start (ConfigException).",
    "rationale": {
      "failureMode": "no-start",
      "text": "An idempotent producer needs acks=all, retries > 0 and at most 5 in-flight requests per connection (the broker caches only 5 batches per producer). With enable.idempotence=true set explicitly, or with a transactional.id, Kafka clients (KAFKA-13673) and librdkafka refuse such a configuration at construction time."
    },
    "remediation": "Set acks=all, remove retries (or set it > 0) and set max.in.flight.requests.per.connection to 5 or less.",
    "references": [
      "KAFKA-13673"
    ]
  },
  {
    "id": "producer-idempotence-disabled",
    "alias": "P1",
    "title": "Producer idempotence is off",
    "severity": "error",
    "scope": {
      "roles": [
        "producer"
      ]
    },
    "given": {
      "key": "enable.idempotence"
    },
    "then": {
      "check": "equals",
      "options": {
        "value": "true"
      }
    },
    "message": "{{key}}={{value}}{{defaulted}}: the producer is not idempotent, so a retried send can write the record twice.",
    "rationale": {
      "failureMode": "duplicates",
      "text": "Without idempotence the broker cannot recognise a retried batch, so every network timeout or leader change can append the same records again. Idempotence is also required by transactions. Java clients enable it by default since Kafka 3.0; librdkafka and kafkajs (`idempotent`) leave it off unless a transactional id is set."
    },
    "remediation": "Set enable.idempotence=true explicitly (kafkajs: `idempotent: true`) and keep acks=all, retries > 0 and max.in.flight.requests.per.connection <= 5, which idempotence requires.",
    "recommended": "true",
    "suggestion": {
      "action": "set",
      "value": "true",
      "description": "enable idempotence (check acks, retries and max.in.flight first, or the producer refuses to start)"
    },
    "references": [
      "KIP-679 (idempotence on by default since 3.0)",
      "KAFKA-13598"
    ]
  },
  {
    "id": "producer-idempotence-silently-disabled",
    "alias": "P1",
    "title": "Idempotence is silently disabled by a conflicting setting",
    "severity": "error",
    "scope": {
      "roles": [
        "producer"
      ],
      "dialects": [
        "java"
      ]
    },
    "applies-when": {
      "kafka": ">=3.0"
    },
    "given": {
      "key": "enable.idempotence"
    },
    "then": {
      "function": "idempotence-conflict",
      "options": {
        "mode": "implicit"
      }
    },
    "message": "Idempotence is on only by default here, and {{conflicts}} silently turns it off: retries can write duplicates.",
    "rationale": {
      "failureMode": "duplicates",
      "text": "Since KAFKA-13673 (Kafka 3.2) a producer whose idempotence comes from the default disables it without an error when acks is not all, retries is 0 or max.in.flight.requests.per.connection is above 5. The config looks safe, but retried batches are no longer de-duplicated by the broker."
    },
    "remediation": "Fix the conflicting setting (acks=all, retries unset or > 0, max.in.flight.requests.per.connection <= 5) and set enable.idempotence=true explicitly, so that any future conflict stops the producer instead of silently degrading it.",
    "references": [
      "KAFKA-13673"
    ]
  },
  {
    "id": "producer-max-in-flight-too-high",
    "alias": "P4",
    "title": "More than 5 in-flight requests per connection",
    "severity": "error",
    "scope": {
      "roles": [
        "producer",
        "streams"
      ],
      "dialects": [
        "java",
        "librdkafka",
        "confluent-js"
      ]
    },
    "applies-when": {
      "when": [
        {
          "key": "enable.idempotence",
          "check": "equals",
          "options": {
            "value": "true"
          }
        }
      ]
    },
    "given": {
      "key": "max.in.flight.requests.per.connection"
    },
    "then": {
      "check": "range",
      "options": {
        "max": 5
      }
    },
    "message": "{{key}}={{value}}{{defaulted}} is above 5: idempotence is disabled (Kafka 3.x) or the client refuses to start (Kafka 4.0, librdkafka).",
    "rationale": {
      "failureMode": "duplicates",
      "text": "The broker keeps sequence state for the last 5 batches of each producer. With more requests in flight it cannot de-duplicate retries, so Kafka 3.x silently disables default idempotence, Kafka 4.0 (KAFKA-17927) and librdkafka reject the configuration, and Kafka Streams under exactly-once throws."
    },
    "remediation": "Set max.in.flight.requests.per.connection to 5 or less.",
    "recommended": "5",
    "fix": {
      "action": "set",
      "value": "5",
      "description": "clamp max.in.flight.requests.per.connection to 5"
    },
    "references": [
      "KAFKA-17927"
    ]
  },
  {
    "id": "producer-request-timeout-below-replica-lag",
    "alias": "P8",
    "title": "request.timeout.ms not above replica.lag.time.max.ms",
    "severity": "info",
    "scope": {
      "roles": [
        "producer"
      ]
    },
    "applies-when": {
      "when": [
        {
          "key": "request.timeout.ms",
          "check": "present"
        }
      ]
    },
    "given": {
      "key": "request.timeout.ms"
    },
    "then": {
      "function": "limit-vs-broker",
      "options": {
        "key": "request.timeout.ms",
        "brokerKey": "replica.lag.time.max.ms",
        "op": ">"
      }
    },
    "message": "{{key}}={{value}}{{defaulted}} is not above the broker's {{brokerKey}}={{brokerValue}}: acks=all requests time out while a slow follower is still in the ISR, causing needless retries.",
    "rationale": {
      "failureMode": "hygiene",
      "text": "A leader waits for all in-sync replicas before answering an acks=all request, and a follower stays in sync for up to replica.lag.time.max.ms. The Kafka docs advise a request timeout above it, or requests time out and are retried while the write is still in progress."
    },
    "remediation": "Set request.timeout.ms above the broker's replica.lag.time.max.ms (default 30000)."
  },
  {
    "id": "producer-retries-zero",
    "alias": "P3",
    "title": "Producer retries disabled",
    "severity": "error",
    "scope": {
      "roles": [
        "producer",
        "streams"
      ]
    },
    "given": {
      "key": "retries"
    },
    "then": {
      "check": "range",
      "options": {
        "min": 1
      }
    },
    "message": "{{key}}={{value}} disables retries, and with them idempotence: a transient error drops the record or the producer refuses to start.",
    "rationale": {
      "failureMode": "loss",
      "text": "retries=0 turns every transient broker error (leader change, timeout) into a failed send. It is also incompatible with idempotence: an explicit enable.idempotence=true fails at start, an implicit one is silently dropped (KAFKA-13673). kafkajs throws for an idempotent producer with retries < 1."
    },
    "remediation": "Remove retries (the default retries forever) and bound the time spent retrying with delivery.timeout.ms.",
    "fix": {
      "action": "remove",
      "description": "remove retries so the default (retry until delivery.timeout.ms) applies"
    }
  },
  {
    "id": "producer-transaction-timeout-exceeds-broker-max",
    "alias": [
      "P6",
      "B1"
    ],
    "title": "Client transaction timeout above the broker's maximum",
    "severity": "error",
    "scope": {
      "roles": [
        "producer",
        "streams"
      ]
    },
    "applies-when": {
      "eos": true
    },
    "given": {
      "key": "transaction.timeout.ms"
    },
    "then": {
      "function": "limit-vs-broker",
      "options": {
        "key": "transaction.timeout.ms",
        "brokerKey": "transaction.max.timeout.ms",
        "op": "<="
      }
    },
    "message": "{{key}}={{value}}{{defaulted}} exceeds the broker's {{brokerKey}}={{brokerValue}}: initTransactions fails with InvalidTxnTimeoutException.",
    "rationale": {
      "failureMode": "no-start",
      "text": "The transaction coordinator rejects any producer whose transaction.timeout.ms is above the broker's transaction.max.timeout.ms (default 900000, 15 minutes). The producer cannot initialise transactions at all."
    },
    "remediation": "Lower transaction.timeout.ms to at most the broker's transaction.max.timeout.ms, or raise transaction.max.timeout.ms on every broker (a cluster-wide change).",
    "suggestion": {
      "action": "set",
      "value": "{{fixValue}}",
      "description": "lower transaction.timeout.ms to the broker's maximum ({{fixValue}}), or raise transaction.max.timeout.ms on the brokers"
    }
  },
  {
    "id": "producer-transactional-id-duplicate",
    "alias": "P5",
    "title": "Two producers share a transactional.id",
    "severity": "error",
    "scope": {
      "roles": [
        "producer"
      ]
    },
    "given": {
      "key": "transactional.id"
    },
    "then": {
      "function": "duplicate-value",
      "options": {
        "key": "transactional.id"
      }
    },
    "message": "{{key}}={{value}} is also used by {{others}}: the producers fence each other (ProducerFencedException).",
    "rationale": {
      "failureMode": "zombie",
      "text": "A transactional.id names one logical producer. When a second producer initialises with the same id, the first is fenced and fails with ProducerFencedException; with both restarting, they keep fencing each other."
    },
    "remediation": "Give every logical producer its own stable transactional.id, e.g. `<service>-<shard>`."
  },
  {
    "id": "producer-transactional-id-random",
    "alias": "P5",
    "title": "transactional.id changes on every start",
    "severity": "error",
    "scope": {
      "roles": [
        "producer"
      ]
    },
    "given": {
      "key": "transactional.id"
    },
    "then": {
      "check": "pattern",
      "options": {
        "regex": "(\\$\\{\\s*(random|uuid|RANDOM|UUID)|\\$RANDOM|\\$\\(uuidgen|randomUUID|\\{\\{\\s*uuid|\\$\\{random\\.)",
        "negate": true
      }
    },
    "message": "{{key}}={{value}} is generated anew on every start: a restarted producer cannot fence its previous instance, and that instance's open transaction blocks read_committed consumers until it times out.",
    "rationale": {
      "failureMode": "zombie",
      "text": "Zombie fencing works because a restarted producer reuses its transactional.id: initTransactions bumps the epoch and aborts whatever the previous instance left open. A random id per start never fences the old instance, which can keep writing, and its orphaned transaction holds back the last stable offset until transaction.timeout.ms."
    },
    "remediation": "Derive transactional.id from something stable per logical producer (service name plus a shard or partition number), never from a random value."
  },
  {
    "id": "streams-application-id-duplicate",
    "alias": "S5",
    "title": "Two Kafka Streams apps share an application.id",
    "severity": "error",
    "scope": {
      "roles": [
        "streams"
      ]
    },
    "given": {
      "key": "application.id"
    },
    "then": {
      "function": "duplicate-value",
      "options": {
        "key": "application.id"
      }
    },
    "message": "{{key}}={{value}} is also used by {{others}}: the apps join one consumer group, share internal topics and fence each other's transactions.",
    "rationale": {
      "failureMode": "zombie",
      "text": "Two different topologies with the same application.id split one group's partitions between them, write into each other's changelogs and derive the same transactional ids, so they fence each other."
    },
    "remediation": "Give every Streams application its own application.id."
  },
  {
    "id": "streams-application-id-missing",
    "alias": "S5",
    "title": "Kafka Streams application.id missing",
    "severity": "error",
    "scope": {
      "roles": [
        "streams"
      ]
    },
    "given": {
      "key": "application.id"
    },
    "then": {
      "check": "present"
    },
    "message": "application.id is not set: Kafka Streams refuses to start.",
    "rationale": {
      "failureMode": "no-start",
      "text": "application.id is the consumer group id, the prefix of internal topics and of the transactional ids. Streams cannot start without it, and changing it later strands state and open transactions."
    },
    "remediation": "Set a stable, unique application.id."
  },
  {
    "id": "streams-commit-interval-exceeds-transaction-timeout",
    "alias": "S2",
    "title": "Commit interval longer than the transaction timeout",
    "severity": "error",
    "scope": {
      "roles": [
        "streams"
      ]
    },
    "applies-when": {
      "kafka": ">=3.0",
      "eos": true
    },
    "given": {
      "key": "commit.interval.ms"
    },
    "then": {
      "check": "compare",
      "options": {
        "other": "transaction.timeout.ms",
        "op": "<="
      }
    },
    "message": "{{key}}={{value}}{{defaulted}} is longer than the producer's transaction timeout ({{otherValue}}): Kafka Streams refuses to start.",
    "rationale": {
      "failureMode": "no-start",
      "text": "Under exactly-once a transaction stays open for a whole commit interval. Since Kafka 3.0 (KAFKA-12499) Streams throws at start if commit.interval.ms exceeds producer.transaction.timeout.ms, because the coordinator would abort every transaction."
    },
    "remediation": "Keep commit.interval.ms small (the EOS default is 100) and below producer.transaction.timeout.ms.",
    "references": [
      "KAFKA-12499"
    ]
  },
  {
    "id": "streams-exactly-once-v1",
    "alias": "S1",
    "title": "Deprecated exactly_once or exactly_once_beta",
    "severity": "error",
    "scope": {
      "roles": [
        "streams"
      ]
    },
    "applies-when": {
      "kafka": ">=3.0"
    },
    "given": {
      "key": "processing.guarantee"
    },
    "then": {
      "check": "not-in",
      "options": {
        "values": [
          "exactly_once",
          "exactly_once_beta"
        ]
      }
    },
    "message": "{{key}}={{value}} was deprecated in Kafka 3.0 and is rejected by Kafka Streams 4.0: use exactly_once_v2.",
    "rationale": {
      "failureMode": "no-start",
      "text": "exactly_once (one producer per task) and exactly_once_beta were replaced by exactly_once_v2 in Kafka 3.0 (KIP-732). Kafka Streams 4.0 no longer accepts them (KAFKA-12689), so the app does not start after an upgrade."
    },
    "remediation": "Set processing.guarantee=exactly_once_v2 (requires brokers 2.5 or newer).",
    "recommended": "exactly_once_v2",
    "fix": {
      "action": "set",
      "value": "exactly_once_v2",
      "description": "replace with exactly_once_v2"
    },
    "references": [
      "KIP-732",
      "KAFKA-12689"
    ]
  },
  {
    "id": "streams-internal-topics-min-isr-low",
    "alias": "S4",
    "title": "Kafka Streams internal topics with min.insync.replicas below 2",
    "severity": "warning",
    "scope": {
      "roles": [
        "streams"
      ]
    },
    "applies-when": {
      "eos": true
    },
    "given": {
      "key": "topic.min.insync.replicas"
    },
    "then": {
      "check": "range",
      "options": {
        "min": 2
      }
    },
    "message": "{{key}}={{value}}{{defaulted}}: internal topics acknowledge writes held by one replica only.",
    "rationale": {
      "failureMode": "loss",
      "text": "Changelog and repartition topics inherit the broker's min.insync.replicas (1 by default) unless topic.min.insync.replicas is set. With 1, acknowledged state updates can be lost with a single broker."
    },
    "remediation": "Set topic.min.insync.replicas=2 together with replication.factor=3.",
    "recommended": "2"
  },
  {
    "id": "streams-max-poll-interval-below-transaction-timeout",
    "alias": "S6",
    "title": "max.poll.interval.ms shorter than the transaction timeout",
    "severity": "info",
    "scope": {
      "roles": [
        "streams"
      ]
    },
    "applies-when": {
      "eos": true
    },
    "given": {
      "key": "max.poll.interval.ms"
    },
    "then": {
      "check": "compare",
      "options": {
        "other": "transaction.timeout.ms",
        "op": ">="
      }
    },
    "message": "{{key}}={{value}}{{defaulted}} is shorter than the transaction timeout ({{otherValue}}): a slow task is kicked out of the group while its transaction is still open.",
    "rationale": {
      "failureMode": "hygiene",
      "text": "Confluent's checklist pairs consumer.max.poll.interval.ms with the transaction timeout, so the group does not evict a member whose transaction the coordinator still considers alive."
    },
    "remediation": "Set consumer.max.poll.interval.ms at least as large as producer.transaction.timeout.ms."
  },
  {
    "id": "streams-no-standby-replicas",
    "alias": "S6",
    "title": "No standby replicas for Kafka Streams state",
    "severity": "info",
    "scope": {
      "roles": [
        "streams"
      ]
    },
    "applies-when": {
      "eos": true
    },
    "given": {
      "key": "num.standby.replicas"
    },
    "then": {
      "check": "range",
      "options": {
        "min": 1
      }
    },
    "message": "{{key}}={{value}}{{defaulted}}: after a failure, state is restored from the changelog from scratch, and long restores cause transaction timeouts and fencing.",
    "rationale": {
      "failureMode": "hygiene",
      "text": "Standby replicas keep warm copies of task state on other instances. Without them a failed-over task restores its whole store first; Confluent's exactly-once checklist recommends at least one standby."
    },
    "remediation": "Set num.standby.replicas=1 or more.",
    "recommended": "1"
  },
  {
    "id": "streams-not-exactly-once",
    "alias": "S1",
    "title": "Kafka Streams app runs at-least-once",
    "severity": "error",
    "scope": {
      "roles": [
        "streams"
      ]
    },
    "given": {
      "key": "processing.guarantee"
    },
    "then": {
      "check": "pattern",
      "options": {
        "regex": "^exactly_once"
      }
    },
    "message": "{{key}}={{value}}{{defaulted}}: after a crash the app reprocesses records and writes their results again.",
    "rationale": {
      "failureMode": "duplicates",
      "text": "Kafka Streams defaults to at_least_once: output, state updates and input offsets are committed separately, so a failure between them replays input and duplicates output and state changes."
    },
    "remediation": "Set processing.guarantee=exactly_once_v2 (brokers 2.5 or newer).",
    "recommended": "exactly_once_v2",
    "suggestion": {
      "action": "set",
      "value": "exactly_once_v2",
      "description": "switch the app to exactly-once"
    }
  },
  {
    "id": "streams-overrides-forced-setting",
    "alias": "S3",
    "title": "Setting that Kafka Streams overrides under exactly-once",
    "severity": "info",
    "scope": {
      "roles": [
        "streams"
      ]
    },
    "applies-when": {
      "eos": true
    },
    "given": {
      "keys": [
        "isolation.level",
        "enable.idempotence",
        "transactional.id",
        "enable.auto.commit"
      ]
    },
    "then": {
      "check": "absent"
    },
    "message": "{{key}}={{value}} has no effect under exactly-once: Kafka Streams sets it itself (and logs or rejects the override).",
    "rationale": {
      "failureMode": "hygiene",
      "text": "Under exactly_once_v2 Kafka Streams forces isolation.level=read_committed, idempotence on, its own transactional ids and auto-commit off. User values are dropped with a warning or rejected, so they only mislead readers."
    },
    "remediation": "Remove the setting.",
    "fix": {
      "action": "remove",
      "description": "remove the overridden setting"
    }
  },
  {
    "id": "streams-replication-factor-below-3",
    "alias": "S4",
    "title": "Kafka Streams internal topics replicated fewer than 3 times",
    "severity": "error",
    "scope": {
      "roles": [
        "streams"
      ]
    },
    "applies-when": {
      "eos": true
    },
    "given": {
      "key": "replication.factor"
    },
    "then": {
      "function": "streams-replication-factor",
      "options": {
        "min": 3
      }
    },
    "message": "{{key}}={{value}}: changelog and repartition topics get {{resolved}} replica(s), which the Kafka docs say effectively voids exactly-once.",
    "messages": {
      "brokerDefault": "{{key}}={{value}}{{defaulted}} uses the broker's default.replication.factor={{resolved}}: changelog and repartition topics get too few replicas for exactly-once."
    },
    "rationale": {
      "failureMode": "loss",
      "text": "Kafka Streams keeps state in changelog topics and shuffles data through repartition topics. Since 3.0 their replication factor defaults to -1, the broker's default.replication.factor (itself 1 by default). Losing a single replica can then lose state or in-flight data."
    },
    "remediation": "Set replication.factor=3 and topic.min.insync.replicas=2.",
    "recommended": "3"
  },
  {
    "id": "streams-transaction-timeout-too-low",
    "alias": "S2",
    "title": "Kafka Streams keeps the 10 s transaction timeout",
    "severity": "warning",
    "scope": {
      "roles": [
        "streams"
      ]
    },
    "applies-when": {
      "eos": true
    },
    "given": {
      "key": "transaction.timeout.ms"
    },
    "then": {
      "check": "range",
      "options": {
        "min": 60000
      }
    },
    "message": "{{key}}={{value}}{{defaulted}}: a long rebalance, GC pause or state restore outlives the transaction, the coordinator aborts it and fences the task, which restores and is fenced again.",
    "rationale": {
      "failureMode": "zombie",
      "text": "Under exactly-once Kafka Streams sets the producer's transaction timeout to 10 seconds. Stateful apps regularly pause longer (restores, rebalances), so tasks get fenced and restarted in cascades; Confluent suggests 60000."
    },
    "remediation": "Set producer.transaction.timeout.ms=60000 (and keep it at most the broker's transaction.max.timeout.ms).",
    "recommended": "60000"
  },
  {
    "id": "topic-min-isr-not-below-rf",
    "alias": "T1",
    "title": "Topic min.insync.replicas not below its replication factor",
    "severity": "error",
    "scope": {
      "roles": [
        "topic"
      ]
    },
    "given": {
      "key": "min.insync.replicas"
    },
    "then": {
      "function": "min-isr-vs-rf",
      "options": {
        "minIsrKey": "min.insync.replicas",
        "rfKey": "replication.factor"
      }
    },
    "message": "{{minIsrKey}}={{minIsr}} equals {{rfKey}}={{rf}}: one broker outage blocks acks=all writes to this topic.",
    "messages": {
      "unwritable": "{{minIsrKey}}={{minIsr}} is above {{rfKey}}={{rf}}: acks=all writes to this topic are always rejected (before KIP-966)."
    },
    "rationale": {
      "failureMode": "no-start",
      "text": "min.insync.replicas must leave room for one replica to be down. Equal to the replication factor, a single broker restart stops producers and transactions on this topic; above it, the topic is never writable with acks=all (KIP-966 brokers use min(min.isr, RF) instead)."
    },
    "remediation": "Set the topic's min.insync.replicas to replication.factor - 1 (2 with RF 3).",
    "suggestion": {
      "action": "set",
      "key": "min.insync.replicas",
      "value": "{{fixValue}}",
      "description": "set min.insync.replicas to {{fixValue}}"
    }
  },
  {
    "id": "topic-replication-factor-below-3",
    "alias": "T1",
    "title": "Topic replicated fewer than 3 times",
    "severity": "error",
    "scope": {
      "roles": [
        "topic"
      ]
    },
    "given": {
      "key": "replication.factor"
    },
    "then": {
      "check": "range",
      "options": {
        "min": 3
      }
    },
    "message": "{{key}}={{value}}{{defaulted}}: with fewer than 3 replicas there is no min.insync.replicas that both survives a broker failure and keeps the topic writable.",
    "rationale": {
      "failureMode": "loss",
      "text": "Durability needs min.insync.replicas >= 2 and availability needs it below the replication factor, which is only possible from 3 replicas up. With 2 replicas and min.isr 1 a single failure can lose acknowledged data."
    },
    "remediation": "Create the topic with replication factor 3 (and min.insync.replicas 2)."
  },
  {
    "id": "topic-replication-factor-exceeds-brokers",
    "alias": "T1",
    "title": "Topic replication factor above the broker count",
    "severity": "error",
    "scope": {
      "roles": [
        "topic"
      ]
    },
    "given": {
      "key": "replication.factor"
    },
    "then": {
      "function": "replication-vs-broker-count",
      "options": {
        "key": "replication.factor"
      }
    },
    "message": "{{key}}={{value}} but the cluster has {{brokerCount}} broker(s): the topic cannot be created.",
    "rationale": {
      "failureMode": "no-start",
      "text": "Kafka refuses to create a topic with more replicas than there are brokers (InvalidReplicationFactorException)."
    },
    "remediation": "Use a replication factor no larger than the number of brokers."
  },
  {
    "id": "topic-retention-shorter-than-producer-id-expiration",
    "alias": "T3",
    "title": "Topic retention shorter than the producer-id expiry",
    "severity": "warning",
    "scope": {
      "roles": [
        "topic"
      ]
    },
    "given": {
      "key": "retention.ms"
    },
    "then": {
      "function": "limit-vs-broker",
      "options": {
        "key": "retention.ms",
        "brokerKey": "producer.id.expiration.ms",
        "op": ">=",
        "unlimited": [
          "-1"
        ]
      }
    },
    "message": "{{key}}={{value}}{{defaulted}} is shorter than the broker's {{brokerKey}}={{brokerValue}}: once a producer's last batch is deleted its state can go with it, and a late retry is written twice.",
    "rationale": {
      "failureMode": "duplicates",
      "text": "The broker rebuilds producer state from the log. When retention deletes the segments holding a producer's last writes, the producer's sequence state can be lost before producer.id.expiration.ms, so an idle producer that retries is no longer de-duplicated (and may fail with UNKNOWN_PRODUCER_ID)."
    },
    "remediation": "Keep retention.ms at least as long as producer.id.expiration.ms, or keep producers writing more often than the retention."
  },
  {
    "id": "transaction-state-log-min-isr-not-below-rf",
    "alias": "B2",
    "title": "Transaction state log min ISR not below its replication factor",
    "severity": "error",
    "scope": {
      "roles": [
        "broker"
      ]
    },
    "given": {
      "key": "transaction.state.log.min.isr"
    },
    "then": {
      "function": "min-isr-vs-rf",
      "options": {
        "minIsrKey": "transaction.state.log.min.isr",
        "rfKey": "transaction.state.log.replication.factor"
      }
    },
    "message": "{{minIsrKey}}={{minIsr}} equals {{rfKey}}={{rf}}: one broker outage stops every transaction in the cluster.",
    "messages": {
      "unwritable": "{{minIsrKey}}={{minIsr}} is above {{rfKey}}={{rf}}: the transaction state log can never be written and transactions cannot start."
    },
    "rationale": {
      "failureMode": "no-start",
      "text": "Transaction markers and state are written to __transaction_state with acks=all. When its min ISR equals the replication factor, losing one replica blocks all transactional producers; above it, nothing can ever be written."
    },
    "remediation": "Keep transaction.state.log.min.isr below transaction.state.log.replication.factor (2 with RF 3)."
  },
  {
    "id": "transaction-state-log-rf-exceeds-brokers",
    "alias": "B2",
    "title": "Transaction state log replication factor above the broker count",
    "severity": "error",
    "scope": {
      "roles": [
        "broker"
      ]
    },
    "given": {
      "key": "transaction.state.log.replication.factor"
    },
    "then": {
      "function": "replication-vs-broker-count",
      "options": {
        "key": "transaction.state.log.replication.factor"
      }
    },
    "message": "{{key}}={{value}}{{defaulted}} but the cluster has {{brokerCount}} broker(s): __transaction_state is never created and initTransactions times out.",
    "rationale": {
      "failureMode": "no-start",
      "text": "The transaction coordinator creates __transaction_state on first use with this replication factor. With fewer brokers than that, creation fails and every initTransactions call hangs until it times out (a classic on single-broker dev clusters)."
    },
    "remediation": "Set transaction.state.log.replication.factor to at most the number of brokers (3 in production, 1 on a single dev broker, with transaction.state.log.min.isr=1).",
    "suggestion": {
      "action": "set",
      "value": "{{fixValue}}",
      "description": "lower the replication factor to the broker count ({{fixValue}})"
    }
  },
  {
    "id": "transaction-verification-disabled",
    "alias": "B10",
    "title": "Transaction partition verification disabled",
    "severity": "warning",
    "scope": {
      "roles": [
        "broker"
      ]
    },
    "applies-when": {
      "kafka": ">=3.5"
    },
    "given": {
      "key": "transaction.partition.verification.enable"
    },
    "then": {
      "check": "equals",
      "options": {
        "value": "true"
      }
    },
    "message": "{{key}}={{value}}: the broker stops checking that a transactional write belongs to an ongoing transaction, the main defence against hanging transactions.",
    "rationale": {
      "failureMode": "stalled-lso",
      "text": "KIP-890 part 1 (Kafka 3.5) makes the partition leader verify with the coordinator that a transactional write belongs to an ongoing transaction. Without it a late retried write can open a transaction nobody will ever complete, and read_committed consumers stall behind it until an operator aborts it."
    },
    "remediation": "Keep transaction.partition.verification.enable=true (the default).",
    "fix": {
      "action": "set",
      "value": "true",
      "description": "re-enable transaction partition verification"
    }
  },
  {
    "id": "transactional-id-expiration-short",
    "alias": "B8",
    "title": "transactional.id.expiration.ms lowered below 7 days",
    "severity": "warning",
    "scope": {
      "roles": [
        "broker"
      ]
    },
    "given": {
      "key": "transactional.id.expiration.ms"
    },
    "then": {
      "check": "range",
      "options": {
        "min": 604800000
      }
    },
    "message": "{{key}}={{value}}: a transactional producer idle longer than that loses its state and fails with InvalidPidMapping when it resumes.",
    "rationale": {
      "failureMode": "zombie",
      "text": "The coordinator drops a transactional.id's state after this much inactivity. A producer that comes back later must re-initialise, and an old instance can no longer be fenced by epoch. Confluent's checklist asks for the app to run at least as often as this period (7 days by default)."
    },
    "remediation": "Keep transactional.id.expiration.ms at 7 days (604800000) or longer than the longest idle gap of your producers."
  },
  {
    "id": "unclean-leader-election-enabled",
    "alias": [
      "B6",
      "T2"
    ],
    "title": "Unclean leader election enabled",
    "severity": "error",
    "scope": {
      "roles": [
        "broker",
        "topic"
      ]
    },
    "given": {
      "key": "unclean.leader.election.enable"
    },
    "then": {
      "check": "equals",
      "options": {
        "value": "false"
      }
    },
    "message": "{{key}}={{value}}{{defaulted}}: an out-of-sync replica may become leader and truncate acknowledged and committed records.",
    "rationale": {
      "failureMode": "loss",
      "text": "Unclean leader election lets a replica that missed writes become leader when no in-sync replica is left. Everything it missed, including committed transactions, is truncated from the log. A topic-level setting overrides the broker's."
    },
    "remediation": "Set unclean.leader.election.enable=false on brokers and remove topic overrides that enable it.",
    "recommended": "false",
    "fix": {
      "action": "set",
      "value": "false",
      "description": "disable unclean leader election"
    }
  },
  {
    "id": "unknown-key",
    "title": "Unknown configuration key",
    "severity": "warning",
    "scope": {
      "roles": [
        "producer",
        "consumer",
        "broker",
        "topic",
        "streams",
        "flink"
      ]
    },
    "given": {
      "key": "*"
    },
    "then": {
      "function": "unknown-key"
    },
    "message": "{{key}} is not a known key for this role: it is ignored and the default stays in force.",
    "messages": {
      "didYouMean": "{{key}} is not a known key for this role (did you mean {{suggestion}}?): it is ignored and the default stays in force."
    },
    "rationale": {
      "failureMode": "hygiene",
      "text": "Kafka clients log unknown keys as a warning and ignore them. A misspelled safety setting (enable.idempotance) therefore leaves the unsafe default in force while the file looks right."
    },
    "remediation": "Correct the key's spelling, or remove it.",
    "suggestion": {
      "action": "rename",
      "to": "{{fixValue}}",
      "description": "rename to {{fixValue}}"
    }
  },
  {
    "id": "unused-suppression",
    "title": "Suppression comment that suppresses nothing",
    "severity": "warning",
    "builtin": true,
    "scope": {
      "roles": [
        "producer",
        "consumer",
        "broker",
        "topic",
        "streams",
        "flink"
      ]
    },
    "message": "eos-lint-disable-next-line {{rules}} suppresses nothing on line {{target}}.",
    "rationale": {
      "failureMode": "hygiene",
      "text": "A suppression whose finding is gone (fixed, or the rule id is misspelled) hides nothing today but will silently hide a future finding on that line."
    },
    "remediation": "Remove the comment, or correct the rule id."
  }
];
