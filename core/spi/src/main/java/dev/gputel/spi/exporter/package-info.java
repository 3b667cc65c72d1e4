/** The exporter contract and its two kinds of failure. */
package dev.gputel.spi.exporter;
