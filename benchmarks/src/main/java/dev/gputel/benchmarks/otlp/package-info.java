/** Benchmarks of the otlp exporter: points per second over HTTP/protobuf and gRPC to a loopback receiver. */
package dev.gputel.benchmarks.otlp;
