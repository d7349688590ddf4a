// Placeholder: replaced by the shared embedded-cluster setup (packages/kafka-embedded).
export default async function setup(): Promise<void> {}
