package dev.gputel.receiver.nvml;

import dev.gputel.gpu.GpuIdentityField;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.Severity;
import dev.gputel.xid.XidAttributes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * Turns an NVML event into a pipeline event: the attributes of {@link XidAttributes} the
 * xid-classifier reads (an NVML Xid has no kernel line to parse), the GPU as cached when the set was
 * registered, and an id. Not thread-safe: the event thread owns it.
 */
final class NvmlEvents {
  /** The {@code log.source} of every event from here; the xid-classifier pairs them with kernel lines by it. */
  static final String SOURCE = "nvml";
  /** nvml.h's name of the event type ({@code XidCriticalError}), or the bits in hex when it is none we watch. */
  static final String EVENT_TYPE = "nvml.event.type";
  /** The event's data when it is not an Xid and not 0 (nvml.h documents it for Xids only). */
  static final String EVENT_DATA = "nvml.event.data";
  /** NVML's Xid for an Xid it cannot name. */
  static final long UNKNOWN_XID = 999;
  private static final int NOT_ATTRIBUTABLE = -1; // 0xFFFFFFFF
  private static final HexFormat HEX = HexFormat.of();

  private final String bootId;
  private long sequence;

  NvmlEvents(String bootId) {
    this.bootId = bootId;
  }

  /** Returns this boot's id as Linux gives it, or "" where there is none to read. */
  static String readBootId(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  Event toEvent(EventSession.RawEvent raw, Instant received) {
    NvmlEventType type = NvmlEventType.of(raw.type());
    Attributes.Builder attributes = Attributes.builder()
        .put(XidAttributes.LOG_SOURCE, SOURCE)
        .put(XidAttributes.LOG_KIND, type == null ? "nvml-event" : type.kind())
        .put(EVENT_TYPE, type == null ? "0x" + Long.toHexString(raw.type()) : type.nvmlName());
    StringBuilder body = new StringBuilder("NVML: ");
    if (type == NvmlEventType.XID_CRITICAL_ERROR) {
      attributes.put(XidAttributes.XID_CODE, raw.data());
      body.append("Xid ").append(raw.data()).append(raw.data() == UNKNOWN_XID ? " (an Xid NVML cannot name)" : "");
    } else {
      attributes.put(EVENT_DATA, raw.data() == 0 ? null : raw.data());
      body.append(type == null ? "event 0x" + Long.toHexString(raw.type()) : type.description());
    }
    if (raw.gpu() != null) {
      attributes.putAll(raw.gpu().identity());
      body.append(" on GPU ").append(raw.gpu().index())
          .append(" (").append(raw.gpu().identity().getString(GpuIdentityField.PCI_BUS_ID.attribute())).append(')');
    } else {
      body.append(" on a GPU NVML did not name");
    }
    if (raw.gpuInstance() != NOT_ATTRIBUTABLE) {
      attributes.put(XidAttributes.MIG_GPU_INSTANCE, Integer.toUnsignedLong(raw.gpuInstance()));
      body.append(", GPU instance ").append(Integer.toUnsignedLong(raw.gpuInstance()));
    }
    if (raw.computeInstance() != NOT_ATTRIBUTABLE) {
      attributes.put(XidAttributes.MIG_COMPUTE_INSTANCE, Integer.toUnsignedLong(raw.computeInstance()));
      body.append(", compute instance ").append(Integer.toUnsignedLong(raw.computeInstance()));
    }
    attributes.put(XidAttributes.BOOT_ID, bootId.isEmpty() ? null : bootId);
    String text = body.toString();
    Severity severity = type == null ? Severity.WARN : type.severity();
    return new Event(received, severity, text, attributes.build(), id(received, text));
  }

  /**
   * NVML does not replay events, so an id need only be unique and fixed once made: the boot, the
   * time received, a sequence number and the text, hashed as the kernel-log ids are (32 hex digits).
   */
  private String id(Instant received, String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      long micros = ChronoUnit.MICROS.between(Instant.EPOCH, received);
      digest.update((SOURCE + '\n' + bootId + '\n' + micros + '\n' + sequence++ + '\n' + text)
          .getBytes(StandardCharsets.UTF_8));
      return HEX.formatHex(digest.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
