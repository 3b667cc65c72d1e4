package dev.gputel.exporter.cloudwatchemf;

/** Where the exporter writes its documents. */
enum OutputKind {
  STDOUT,
  FILE,
  AGENT
}
