package dev.gputel.processor.xidclassifier;

import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.Event;
import dev.gputel.xid.GpuLocation;
import dev.gputel.xid.KernelLineParser;
import dev.gputel.xid.KernelPrefix;
import dev.gputel.xid.ParsedLine;
import dev.gputel.xid.PciBusId;
import dev.gputel.xid.SxidLine;
import dev.gputel.xid.XidAttributes;
import dev.gputel.xid.XidLine;
import dev.gputel.xid.XidReport;

/**
 * What an event is: the parsed body when it is a driver line (the kernel-log and replay receivers
 * send the line itself), else what a receiver stated in the {@code xid.code} / {@code sxid.code} and
 * {@code gpu.pci.bus_id} attributes (an NVML Xid event has no kernel line to parse).
 */
final class EventLines {
  private static final KernelPrefix NO_PREFIX = new KernelPrefix("", null, null);

  private EventLines() {}

  /** Returns the event's driver line, or null when it is none. */
  static ParsedLine of(Event event) {
    ParsedLine parsed = KernelLineParser.parse(event.body()).orElse(null);
    if (parsed instanceof XidReport || parsed instanceof SxidLine) {
      return parsed;
    }
    Attributes attributes = event.attributes();
    Long xid = number(attributes, XidAttributes.XID_CODE);
    Long sxid = number(attributes, XidAttributes.SXID_CODE);
    if (xid == null && sxid == null) {
      return parsed;
    }
    String pci = attributes.getString(XidAttributes.PCI_BUS_ID);
    GpuLocation location = new GpuLocation(pci == null ? "" : pci, pci == null ? null : PciBusId.parse(pci), null, null);
    if (xid != null) {
      return new XidLine(NO_PREFIX, location, (int) (long) xid, null, null, null, event.body(), null, null);
    }
    return new SxidLine(NO_PREFIX, null, location, (int) (long) sxid, null, null, event.body());
  }

  /** Returns a whole-number attribute, also when a receiver wrote it as text; null otherwise. */
  private static Long number(Attributes attributes, String key) {
    Object value = attributes.get(key);
    if (value instanceof Long number) {
      return number >= 0 && number <= Integer.MAX_VALUE ? number : null;
    }
    if (value instanceof String text && !text.isEmpty() && text.length() <= 9 && text.chars().allMatch(Character::isDigit)) {
      return Long.parseLong(text);
    }
    return null;
  }
}
