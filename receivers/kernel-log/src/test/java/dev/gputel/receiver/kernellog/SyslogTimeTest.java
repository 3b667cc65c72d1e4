package dev.gputel.receiver.kernellog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SyslogTimeTest {
  private static final Instant NOW = Instant.parse("2026-05-20T12:00:00Z");

  @Test
  void readsRfc3339() {
    assertThat(parse("2025-01-21T04:41:44.283302+00:00 gpu-1 kernel: NVRM: Xid", ZoneOffset.UTC))
        .isEqualTo(Instant.parse("2025-01-21T04:41:44.283302Z"));
    assertThat(parse("2025-01-21T06:41:44+02:00 gpu-1 kernel: x", ZoneOffset.UTC))
        .isEqualTo(Instant.parse("2025-01-21T04:41:44Z"));
  }

  @Test
  void readsTheClassicFormInTheMachinesZone() {
    // Line 13 of the real capture, without the alerting wrapper before it.
    assertThat(parse("May 19 07:08:57 ip-26-0-146-100 kernel: [680111.646286] NVRM: Xid", ZoneId.of("Europe/Berlin")))
        .isEqualTo(Instant.parse("2026-05-19T05:08:57Z"));
    assertThat(parse("Feb  4 01:02:03 host kernel: x", ZoneOffset.UTC)).isEqualTo(Instant.parse("2026-02-04T01:02:03Z"));
  }

  @Test
  void aDateAfterTodayIsLastYears() {
    assertThat(parse("Dec 31 23:59:59 host kernel: x", ZoneOffset.UTC)).isEqualTo(Instant.parse("2025-12-31T23:59:59Z"));
  }

  @Test
  void otherPrefixesHaveNoTime() {
    assertThat(parse("[ 1843.308145] NVRM: The NVIDIA GPU 0000:b3:00.0", ZoneOffset.UTC)).isNull();
    assertThat(parse("Feb 30 01:02:03 host kernel: x", ZoneOffset.UTC)).isNull();
    assertThat(parse("kernel: NVRM: Xid", ZoneOffset.UTC)).isNull();
    assertThat(parse("", ZoneOffset.UTC)).isNull();
  }

  private static Instant parse(String line, ZoneId zone) {
    return SyslogTime.parse(line.getBytes(StandardCharsets.UTF_8), NOW, zone);
  }
}
