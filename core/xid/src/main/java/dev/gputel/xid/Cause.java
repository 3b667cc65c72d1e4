package dev.gputel.xid;

/** The possible causes NVIDIA's r555 Xid matrix marks for a code. */
public enum Cause {
  HARDWARE('H', "hardware error"),
  DRIVER('D', "driver error"),
  USER_APPLICATION('U', "user application error"),
  SYSTEM_MEMORY_CORRUPTION('M', "system memory corruption"),
  BUS('B', "bus error"),
  THERMAL('T', "thermal issue"),
  FRAMEBUFFER_CORRUPTION('F', "framebuffer corruption");

  private final char letter;
  private final String label;

  Cause(char letter, String label) {
    this.letter = letter;
    this.label = label;
  }

  /** Returns the matrix letter, {@code H}...{@code F}. */
  public char letter() {
    return letter;
  }

  public String label() {
    return label;
  }

  static Cause byLetter(char letter) {
    for (Cause cause : values()) {
      if (cause.letter == letter) {
        return cause;
      }
    }
    return null;
  }
}
