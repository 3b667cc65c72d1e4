package dev.gputel.receiver.kernellog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StrftimeFormatTest {
  private static final Instant NOW = Instant.parse("2026-01-05T12:00:00Z");

  @Test
  void readsTheAgentsCommonFormatsAnywhereInTheLine() {
    assertThat(StrftimeFormat.compile("%Y-%m-%d %H:%M:%S")
        .parse("[worker-3] 2025-12-31 23:59:58 NVRM: Xid 79", NOW, ZoneOffset.UTC))
        .isEqualTo(Instant.parse("2025-12-31T23:59:58Z"));
    assertThat(StrftimeFormat.compile("%d/%b/%Y:%H:%M:%S %z")
        .parse("10.0.0.1 - - [04/Jan/2026:07:08:09 +0200] \"GET / HTTP/1.1\"", NOW, ZoneOffset.UTC))
        .isEqualTo(Instant.parse("2026-01-04T05:08:09Z"));
    assertThat(StrftimeFormat.compile("%Y-%m-%dT%H:%M:%S.%f%z")
        .parse("2026-01-02T03:04:05.123456+0000 started", NOW, ZoneOffset.UTC))
        .isEqualTo(Instant.parse("2026-01-02T03:04:05.123456Z"));
    assertThat(StrftimeFormat.compile("%B %-d, %Y %-I:%M:%S %p")
        .parse("January 4, 2026 7:08:09 PM: done", NOW, ZoneOffset.UTC))
        .isEqualTo(Instant.parse("2026-01-04T19:08:09Z"));
  }

  @Test
  void aTimeWithoutZoneTakesTheConfiguredOneAndWithoutYearTheOneNotInTheFuture() {
    StrftimeFormat syslog = StrftimeFormat.compile("%b %d %H:%M:%S");
    assertThat(syslog.parse("Dec 31 22:00:00 host kernel: x", NOW, ZoneId.of("Europe/Berlin")))
        .isEqualTo(Instant.parse("2025-12-31T21:00:00Z"));
    assertThat(syslog.parse("Jan  5 11:00:00 host kernel: x", NOW, ZoneOffset.UTC))
        .isEqualTo(Instant.parse("2026-01-05T11:00:00Z"));
  }

  @Test
  void aLineWithoutTheFormatOrWithAnImpossibleDateHasNoTime() {
    StrftimeFormat format = StrftimeFormat.compile("%Y-%m-%d %H:%M:%S");
    assertThat(format.parse("no time here", NOW, ZoneOffset.UTC)).isNull();
    assertThat(format.parse("2026-02-30 10:00:00 x", NOW, ZoneOffset.UTC)).isNull();
    assertThat(format.parse("2026-13-01 10:00:00 x", NOW, ZoneOffset.UTC)).isNull();
  }

  @Test
  void anUnknownDirectiveOrAFormatWithoutDayAndHourIsRejected() {
    assertThatThrownBy(() -> StrftimeFormat.compile("%Y %Q")).hasMessageContaining("%Q is not a directive");
    assertThatThrownBy(() -> StrftimeFormat.compile("%Y-%m")).hasMessageContaining("a month, a day and an hour");
    assertThatThrownBy(() -> StrftimeFormat.compile("%d %H %")).hasMessageContaining("ends in the middle");
  }
}
