/**
 * Throughput of the emf receiver: EMF documents per second over TCP, from real sockets through a
 * real agent to an exporter, with and without the spool. Not JMH: a program that prints the rate
 * ({@link dev.gputel.benchmarks.emf.EmfTcpThroughput}).
 */
package dev.gputel.benchmarks.emf;
