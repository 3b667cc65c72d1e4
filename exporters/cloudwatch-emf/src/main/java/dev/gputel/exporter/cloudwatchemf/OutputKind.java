package dev.gputel.exporter.cloudwatchemf;

/** Where the exporter writes its documents. */
enum OutputKind {
  STDOUT,
  FILE,
  AGENT,
  /** PutLogEvents straight to CloudWatch Logs, through the cloudwatch-logs exporter's batcher and sender. */
  CLOUDWATCH_LOGS
}
