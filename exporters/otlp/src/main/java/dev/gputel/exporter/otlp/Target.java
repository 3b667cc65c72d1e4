package dev.gputel.exporter.otlp;

import io.opentelemetry.api.common.Attributes;

/**
 * Where a point of one catalog metric goes: the wire metric, the factor from the point's unit to
 * the wire unit, and the attributes the convention adds ({@code hw.gpu.task=encoder}).
 */
record Target(WireMetric metric, double scale, Attributes extra) {}
