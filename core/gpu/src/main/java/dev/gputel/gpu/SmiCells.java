package dev.gputel.gpu;

import java.util.Map;

/**
 * Reads one nvidia-smi CSV cell. A cell is a number, with or without its unit ({@code 69.85},
 * {@code 69.85 W}), a hex mask ({@code 0x0000000000000004}), a performance state ({@code P0}), a
 * word that means 0 or 1 ({@code Enabled}, {@code Not Active}, {@code Yes}), text, or one of the
 * tokens that mean "no value": an empty cell, {@code N/A}, or any bracketed token. Those are absent,
 * never 0. Parsing is hand-written because a loop stream of many GPUs parses millions of cells.
 */
public final class SmiCells {

  /** Why a cell holds no value, from the token nvidia-smi printed. */
  public enum Absence {
    EMPTY, NOT_APPLICABLE, NOT_SUPPORTED, UNKNOWN_ERROR, NO_PERMISSION, DEPRECATED, FUNCTION_NOT_FOUND,
    RESET_REQUIRED, GPU_LOST, OTHER
  }

  private static final Map<String, Absence> TOKENS = Map.of(
      "[N/A]", Absence.NOT_APPLICABLE,
      "N/A", Absence.NOT_APPLICABLE,
      "[Not Supported]", Absence.NOT_SUPPORTED,
      "[Unknown Error]", Absence.UNKNOWN_ERROR,
      "[Insufficient Permissions]", Absence.NO_PERMISSION,
      "[Requested functionality has been deprecated]", Absence.DEPRECATED,
      "[Function Not Found]", Absence.FUNCTION_NOT_FOUND,
      "[GPU requires reset]", Absence.RESET_REQUIRED,
      "[GPU is lost]", Absence.GPU_LOST);
  private static final Map<String, Double> WORDS = Map.of(
      "Enabled", 1.0, "Yes", 1.0, "Active", 1.0,
      "Disabled", 0.0, "No", 0.0, "Not Active", 0.0);
  private static final double[] POWERS_OF_TEN = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
      1e11, 1e12, 1e13, 1e14, 1e15};

  private SmiCells() {}

  /** Returns why the cell holds no value, or null when it holds one. */
  public static Absence absence(String cell) {
    if (cell.isEmpty()) {
      return Absence.EMPTY;
    }
    Absence token = TOKENS.get(cell);
    if (token != null) {
      return token;
    }
    return cell.charAt(0) == '[' && cell.charAt(cell.length() - 1) == ']' ? Absence.OTHER : null;
  }

  public static boolean isAbsent(String cell) {
    return absence(cell) != null;
  }

  /** Returns whether {@code text[from, to)} means "no value"; the range form spares a substring. */
  static boolean isAbsent(String text, int from, int to) {
    return from == to
        || (text.charAt(from) == '[' && text.charAt(to - 1) == ']')
        || (to - from == 3 && text.startsWith("N/A", from));
  }

  /** Returns the cell as a number, or NaN when it is absent or not a quantity (a name, a date). */
  public static double number(String cell) {
    return number(cell, 0, cell.length());
  }

  /** Returns {@code text[from, to)} as a number, like {@link #number(String)}. */
  static double number(String text, int from, int to) {
    if (from == to) {
      return Double.NaN;
    }
    char first = text.charAt(from);
    if ((first >= '0' && first <= '9') || first == '-') {
      return text.startsWith("0x", from) ? hex(text.substring(from, to)) : decimal(text, from, to);
    }
    if (first == 'P' && to - from >= 2 && to - from <= 3) {
      return decimal(text, from + 1, to); // A performance state: P0 is 0.
    }
    for (Map.Entry<String, Double> word : WORDS.entrySet()) {
      String key = word.getKey();
      if (key.length() == to - from && text.startsWith(key, from)) {
        return word.getValue();
      }
    }
    return Double.NaN;
  }

  /** Parses {@code -?digits(.digits)?}, optionally followed by a space and a unit; NaN otherwise. */
  private static double decimal(String text, int from, int to) {
    int i = from;
    boolean negative = text.charAt(i) == '-';
    if (negative) {
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int fractionDigits = -1;
    for (; i < to; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        mantissa = mantissa * 10 + (c - '0');
        digits++;
        if (fractionDigits >= 0) {
          fractionDigits++;
        }
      } else if (c == '.' && fractionDigits < 0) {
        fractionDigits = 0;
      } else if (c == ' ') {
        break; // The unit follows.
      } else {
        return Double.NaN;
      }
    }
    if (digits == 0 || fractionDigits == 0 || (i < to && i == to - 1)) {
      return Double.NaN;
    }
    if (digits > 15) { // Beyond 2^53 the division below is no longer exactly rounded.
      return slowDecimal(text.substring(from, i));
    }
    double value = fractionDigits > 0 ? mantissa / POWERS_OF_TEN[fractionDigits] : mantissa;
    return negative ? -value : value;
  }

  private static double slowDecimal(String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static double hex(String cell) {
    if (cell.length() < 3 || cell.length() > 18) {
      return Double.NaN;
    }
    try {
      long bits = Long.parseUnsignedLong(cell, 2, cell.length(), 16);
      return bits >= 0 ? bits : (bits >>> 1) * 2.0 + (bits & 1); // As unsigned, like a 64-bit mask.
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
