package dev.gputel.xid;

import java.util.Locale;

/**
 * A PCI address reduced to numbers, so that the kernel's {@code 0000:3b:00}, NVML's
 * {@code 00000000:3B:00.0} and the 2008 driver's {@code 0003:00} compare equal when they name the
 * same device.
 *
 * <p>The NVIDIA driver prints a GPU as {@code domain:bus:device} in lower-case hex without the
 * function (a GPU is function 0); NVSwitch SXid lines and NVML add {@code .function}. {@link
 * #toString()} gives nvidia-smi's form, which is the value of the {@code gpu.pci.bus_id} attribute.
 */
public record PciBusId(int domain, int bus, int device, int function) {

  public PciBusId {
    if (domain < 0 || bus < 0 || bus > 0xff || device < 0 || device > 0x1f || function < 0 || function > 7) {
      throw new IllegalArgumentException("not a PCI address: domain " + domain + ", bus " + bus
          + ", device " + device + ", function " + function);
    }
  }

  /**
   * Reads an address as the driver, the kernel or NVML print it: an optional {@code PCI:} prefix,
   * then {@code bus:device} or {@code domain:bus:device}, then an optional {@code .function}; hex in
   * either case. Returns null for anything else (a poster's {@code ...}, a truncated id).
   */
  public static PciBusId parse(CharSequence text) {
    int start = 0;
    int end = text.length();
    if (Ascii.regionIs(text, start, "PCI:")) {
      start += 4;
    }
    long[] fields = new long[4];
    int count = 0;
    int function = 0;
    int fieldStart = start;
    for (int i = start; i <= end; i++) {
      char c = i < end ? text.charAt(i) : ':';
      if (c == ':' || c == '.') {
        if (count == 3 || i == fieldStart || i - fieldStart > 8) {
          return null;
        }
        fields[count++] = hex(text, fieldStart, i);
        if (fields[count - 1] < 0) {
          return null;
        }
        fieldStart = i + 1;
        if (c == '.') {
          // The function is the last field: one digit, then the end.
          function = i + 2 == end ? Ascii.hexDigit(text.charAt(i + 1)) : -1;
          if (function < 0 || function > 7) {
            return null;
          }
          break;
        }
      }
    }
    if (count < 2 || count > 3) {
      return null;
    }
    long domain = count == 3 ? fields[0] : 0;
    long bus = fields[count - 2];
    long device = fields[count - 1];
    if (domain > Integer.MAX_VALUE || bus > 0xff || device > 0x1f) {
      return null;
    }
    return new PciBusId((int) domain, (int) bus, (int) device, function);
  }

  /** Returns nvidia-smi's form, {@code 00000000:3B:00.0}. */
  @Override
  public String toString() {
    // By hand: String.format costs more than the rest of classifying an Xid line.
    char[] text = new char[16];
    hex(text, 0, domain & 0xffffffffL, 8, UPPER);
    text[8] = ':';
    hex(text, 9, bus, 2, UPPER);
    text[11] = ':';
    hex(text, 12, device, 2, UPPER);
    text[14] = '.';
    text[15] = UPPER[function];
    return new String(text);
  }

  /** Returns the form the driver prints in Xid lines, {@code 0000:3b:00}. */
  public String kernelForm() {
    return String.format(Locale.ROOT, "%04x:%02x:%02x", domain, bus, device);
  }

  private static final char[] UPPER = "0123456789ABCDEF".toCharArray();

  private static void hex(char[] text, int at, long value, int digits, char[] alphabet) {
    for (int i = digits - 1; i >= 0; i--) {
      text[at + i] = alphabet[(int) (value & 0xf)];
      value >>>= 4;
    }
  }

  /** Returns the hex value of {@code text[from, to)}, or -1 when a character is not a hex digit. */
  private static long hex(CharSequence text, int from, int to) {
    long value = 0;
    for (int i = from; i < to; i++) {
      int digit = Ascii.hexDigit(text.charAt(i));
      if (digit < 0) {
        return -1;
      }
      value = value * 16 + digit;
    }
    return value;
  }
}
