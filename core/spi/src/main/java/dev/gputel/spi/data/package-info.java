/** The telemetry data model: immutable records that flow from receivers to exporters. */
package dev.gputel.spi.data;
