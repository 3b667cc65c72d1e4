package dev.gputel.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.gpu.SmiCells.Absence;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SmiCellsTest {

  @Test
  void absentTokensAreNeverZero() {
    assertThat(SmiCells.absence("[N/A]")).isEqualTo(Absence.NOT_APPLICABLE);
    assertThat(SmiCells.absence("N/A")).isEqualTo(Absence.NOT_APPLICABLE);
    assertThat(SmiCells.absence("[Not Supported]")).isEqualTo(Absence.NOT_SUPPORTED);
    assertThat(SmiCells.absence("[Unknown Error]")).isEqualTo(Absence.UNKNOWN_ERROR);
    assertThat(SmiCells.absence("[Insufficient Permissions]")).isEqualTo(Absence.NO_PERMISSION);
    assertThat(SmiCells.absence("[Requested functionality has been deprecated]")).isEqualTo(Absence.DEPRECATED);
    assertThat(SmiCells.absence("[Something New]")).isEqualTo(Absence.OTHER);
    assertThat(SmiCells.absence("")).isEqualTo(Absence.EMPTY);
    assertThat(SmiCells.absence("0")).isNull();
    for (String token : new String[] {"[N/A]", "N/A", "[Not Supported]", "[Unknown Error]", "", "[GPU is lost]"}) {
      assertThat(SmiCells.number(token)).as(token).isNaN();
    }
  }

  @Test
  void readsNumbersWithAndWithoutUnits() {
    assertThat(SmiCells.number("69.85 W")).isEqualTo(69.85);
    assertThat(SmiCells.number("69.85")).isEqualTo(69.85);
    assertThat(SmiCells.number("81559 MiB")).isEqualTo(81559);
    assertThat(SmiCells.number("0 %")).isEqualTo(0);
    assertThat(SmiCells.number("-3")).isEqualTo(-3);
    assertThat(SmiCells.number("4271133")).isEqualTo(4271133);
    assertThat(SmiCells.number("0x0000000000000004")).isEqualTo(4);
    assertThat(SmiCells.number("0xFFFFFFFFFFFFFFFF")).isEqualTo(1.8446744073709552E19);
    assertThat(SmiCells.number("P0")).isEqualTo(0);
    assertThat(SmiCells.number("P8")).isEqualTo(8);
    assertThat(SmiCells.number("Enabled")).isEqualTo(1);
    assertThat(SmiCells.number("Not Active")).isEqualTo(0);
    assertThat(SmiCells.number("Yes")).isEqualTo(1);
  }

  @Test
  void textIsNotANumber() {
    for (String text : new String[] {"2026/07/14 08:12:38.696", "00000000:00:09.0", "590.48.01", "NVIDIA H100 80GB HBM3",
        "GPU-00000000-0000-0000-0000-000000000000", "P", "Default", "1.", ".5", "5 ", "0x", "0xZZ", "--1", "1-2"}) {
      assertThat(SmiCells.number(text)).as(text).isNaN();
    }
  }

  @Test
  void decimalsMatchTheJdkParser() {
    Random random = new Random(42);
    for (int i = 0; i < 100_000; i++) {
      long whole = random.nextLong(1_000_000_000L);
      int fraction = random.nextInt(100_000);
      String text = whole + "." + String.format("%05d", fraction).substring(0, 1 + random.nextInt(5));
      assertThat(SmiCells.number(text)).as(text).isEqualTo(Double.parseDouble(text));
    }
    assertThat(SmiCells.number("12345678901234567.25")).isEqualTo(12345678901234567.25);
  }
}
