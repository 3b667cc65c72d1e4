package dev.gputel.xid;

import java.util.Optional;

/**
 * Reads one kernel line, with whatever prefix dmesg, syslog, the journal or a log shipper put before
 * it, into a {@link ParsedLine}. Pure and thread-safe; never throws on any input.
 *
 * <p>Recognised, for every driver era seen in public reports (see {@code xid-lines.log}):
 * {@code NVRM: Xid (PCI:0000:3b:00): 79, ...} with or without {@code PCI:}, with 2- or 3-part ids
 * and MIG {@code GPU-I}/{@code GPU-CI}; optional {@code pid=} and {@code name=}; Xid 154
 * recovery-action lines; {@code NVRM: GPU at PCI:...: GPU-<uuid>}; fallen-off-the-bus text without
 * an Xid number (as Xid 79; pass a multi-line kernel message joined with newlines, or use {@link
 * KernelLogScanner} for dmesg text); {@code nvidia-nvswitchN: SXid (PCI:...): N, ...}. Any other
 * line holding the driver's {@code NVRM} tag is an {@link OtherNvrmLine}; anything else is empty.
 */
public final class KernelLineParser {
  private static final String NVRM = "NVRM";
  private static final String SXID = "SXid (";
  private static final String XID = "Xid (";
  private static final String GPU_AT = "GPU at ";
  private static final String FALLEN_OFF = "fallen off the bus";
  private static final int MAX_ID_LENGTH = 64;
  private static final int MAX_CODE_DIGITS = 5;

  private KernelLineParser() {}

  /** Returns what {@code line} is, or empty when it is not an NVIDIA driver line. */
  public static Optional<ParsedLine> parse(String line) {
    if (line == null || !XidPrefilter.mightMatter(line)) {
      return Optional.empty();
    }
    return Optional.ofNullable(parseCandidate(line));
  }

  /** Parses a line that passed the prefilter; returns null when it is not a driver line. */
  static ParsedLine parseCandidate(String line) {
    int nvrm = line.indexOf(NVRM);
    int sxid = line.indexOf(SXID);
    if (sxid >= 0 && (nvrm < 0 || sxid < nvrm)) {
      ParsedLine parsed = SxidLineParser.parse(line, sxid);
      if (parsed != null || nvrm < 0) {
        return parsed;
      }
    }
    if (nvrm < 0) {
      return null;
    }
    int tagEnd = nvrm + NVRM.length();
    if (tagEnd < line.length() && line.charAt(tagEnd) != ':' && line.charAt(tagEnd) != ' ') {
      return null; // "NVRMx": a word that merely starts with the tag
    }
    KernelPrefix prefix = KernelPrefix.of(line, trimEnd(line, nvrm));
    int body = skipSpaces(line, tagEnd < line.length() && line.charAt(tagEnd) == ':' ? tagEnd + 1 : tagEnd);
    if (line.startsWith(XID, body)) {
      XidReport xid = xid(line, body + XID.length(), prefix);
      if (xid != null) {
        return xid;
      }
    } else if (line.startsWith(GPU_AT, body)) {
      ParsedLine gpuAt = gpuAt(line, body + GPU_AT.length(), prefix);
      if (gpuAt != null) {
        return gpuAt;
      }
    } else if (line.indexOf(FALLEN_OFF, body) >= 0) {
      FellOffBusLine fell = FallenOffBusText.parse(line, body, prefix);
      if (fell != null) {
        return fell;
      }
    }
    return new OtherNvrmLine(prefix, line.substring(body));
  }

  /** Reads {@code PCI:0000:3b:00 GPU-I:01): 79, pid=..., name=..., text} starting after {@code Xid (}. */
  private static XidReport xid(String line, int idStart, KernelPrefix prefix) {
    int close = line.indexOf(')', idStart);
    if (close < 0 || close - idStart > MAX_ID_LENGTH || !line.startsWith(": ", close + 1)) {
      return null;
    }
    GpuLocation gpu = DeviceId.parse(line, idStart, close);
    if (gpu == null) {
      return null;
    }
    int codeStart = close + 3;
    int codeEnd = Ascii.digitsEnd(line, codeStart);
    long code = Ascii.decimal(line, codeStart, codeEnd, MAX_CODE_DIGITS);
    if (code < 0 || codeEnd < line.length() && line.charAt(codeEnd) != ',') {
      return null;
    }
    PayloadFields fields = PayloadFields.read(line, skipSpaces(line, codeEnd + 1));
    if (code == RecoveryActionLine.XID) {
      RecoveryActionLine recovery = RecoveryActionText.parse(prefix, gpu, fields);
      if (recovery != null) {
        return recovery;
      }
    }
    return new XidLine(prefix, gpu, (int) code, fields.pid(), fields.process(),
        PayloadFields.channel(fields.message()), fields.message(),
        PayloadFields.causedBy(fields.message()), NvlinkText.parse((int) code, fields.message()));
  }

  /**
   * Reads {@code PCI:0000:01:00: GPU-<uuid>} (or, before about 2014, without {@code PCI:}) and the
   * old {@code 0000:01:00.0 has fallen off the bus.}.
   */
  private static ParsedLine gpuAt(String line, int at, KernelPrefix prefix) {
    int idEnd = line.indexOf(' ', at);
    if (idEnd < 0) {
      return null;
    }
    boolean colon = line.charAt(idEnd - 1) == ':';
    String printed = stripPci(line.substring(at, colon ? idEnd - 1 : idEnd));
    PciBusId busId = PciBusId.parse(printed);
    if (busId == null) {
      return null;
    }
    GpuLocation gpu = new GpuLocation(printed, busId, null, null);
    if (colon && line.startsWith("GPU-", idEnd + 1)) {
      int hexStart = idEnd + 1 + "GPU-".length();
      int uuidEnd = hexStart;
      while (uuidEnd < line.length() && (Ascii.hexDigit(line.charAt(uuidEnd)) >= 0 || line.charAt(uuidEnd) == '-')) {
        uuidEnd++;
      }
      return uuidEnd > hexStart ? new GpuAtPciLine(prefix, gpu, line.substring(idEnd + 1, uuidEnd)) : null;
    }
    if (line.indexOf(FALLEN_OFF, idEnd) >= 0) {
      return new FellOffBusLine(prefix, gpu, line.substring(at - GPU_AT.length()));
    }
    return null;
  }

  static String stripPci(String printed) {
    return printed.startsWith("PCI:") ? printed.substring(4) : printed;
  }

  static int skipSpaces(String line, int from) {
    int i = from;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  static int trimEnd(String line, int end) {
    int i = end;
    while (i > 0 && Character.isWhitespace(line.charAt(i - 1))) {
      i--;
    }
    return i;
  }
}
