/** Benchmarks of NVIDIA Xid handling: prefilter, parser and classifier against the naive substring forwarder. */
package dev.gputel.benchmarks.xid;
