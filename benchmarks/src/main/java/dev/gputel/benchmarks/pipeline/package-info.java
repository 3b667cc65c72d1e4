/**
 * The pipeline throughput benchmark and the minimal components it runs through the real runtime:
 * a receiver the benchmark thread pushes into, three cheap processors and a counting exporter.
 */
package dev.gputel.benchmarks.pipeline;
