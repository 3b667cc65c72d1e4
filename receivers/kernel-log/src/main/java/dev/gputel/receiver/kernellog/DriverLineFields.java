package dev.gputel.receiver.kernellog;

import dev.gputel.spi.data.Attributes;
import dev.gputel.xid.GpuLocation;
import dev.gputel.xid.KernelLineParser;
import dev.gputel.xid.ParsedLine;
import dev.gputel.xid.SxidLine;
import dev.gputel.xid.XidAttributes;
import dev.gputel.xid.XidReport;

/**
 * What the line says at a glance, read with gputel-xid's parser: its kind ({@code xid},
 * {@code sxid}, {@code gpu-log}), the Xid or SXid number and the device's PCI address. Enough for a
 * pipeline without the xid-classifier to route and count; the classifier adds the rest.
 */
final class DriverLineFields {
  private DriverLineFields() {}

  /** Adds the fields to {@code attributes}; a line that is no driver line adds nothing. */
  static void add(String body, Attributes.Builder attributes) {
    ParsedLine line = KernelLineParser.parse(body).orElse(null);
    if (line == null) {
      return;
    }
    attributes.put(XidAttributes.LOG_KIND, line.kind().id());
    switch (line) {
      case XidReport xid -> {
        attributes.put(XidAttributes.XID_CODE, (long) xid.code());
        busId(xid.gpu(), attributes);
      }
      case SxidLine sxid -> {
        attributes.put(XidAttributes.SXID_CODE, (long) sxid.code());
        busId(sxid.device(), attributes);
      }
      default -> { }
    }
  }

  private static void busId(GpuLocation location, Attributes.Builder attributes) {
    if (location != null && location.busId() != null) {
      attributes.put(XidAttributes.PCI_BUS_ID, location.busId().toString());
    }
  }
}
