/**
 * kafkajs' runtime values, taken from its default export: kafkajs is
 * CommonJS, and Node's ESM loader detects only some of its named exports
 * (not `ConfigResourceTypes`, nor the error classes).
 */
import kafkajs from 'kafkajs';

export const { Kafka, Partitioners, CompressionTypes, ConfigResourceTypes, logLevel } = kafkajs;
