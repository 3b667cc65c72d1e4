package dev.gputel.xid;

/**
 * The fields of an NVLink5 Xid (144-150) line: {@code RLW_RXPIPE Nonfatal XC0 i0 Link 13 (0x0409a0c2
 * 0x00000008 ...)}. The line itself says whether the error is fatal.
 *
 * @param unit the hardware unit, {@code RLW_RXPIPE}, {@code NETIR_LINK_EVT}
 * @param fatal whether the line says {@code Fatal} rather than {@code Nonfatal}
 * @param link the link number; -1 where the driver prints {@code Link -1}
 * @param intrinfo the first register word, or null when redacted or absent
 * @param errorStatus the second register word, or null when redacted or absent
 */
public record NvlinkDetail(String unit, boolean fatal, int link, Long intrinfo, Long errorStatus) {}
