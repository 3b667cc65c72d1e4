package dev.gputel.receiver.kernellog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

class KernelLogConfigTest {
  private static KernelLogConfig parse(String body) {
    Config config = ConfigFactory.parseString(body)
        .withFallback(ConfigFactory.defaultReference().getConfig("gputel.receivers.kernel-log")).resolve();
    return KernelLogConfig.from(config);
  }

  @Test
  void defaultsFollowTheJournalOrKmsgForNvidiaLines() {
    KernelLogConfig config = parse("");
    assertThat(config.source()).isEqualTo(SourceKind.AUTO);
    assertThat(config.match()).containsExactly("NVRM", "nvidia-nvswitch", "SXid");
    assertThat(config.journald().startAt()).isEqualTo(StartAt.BOOT);
    assertThat(config.journald().grep()).isTrue();
    assertThat(config.kmsg().path()).hasToString("/dev/kmsg");
    assertThat(config.file().startAt()).isEqualTo(StartAt.END);
  }

  @Test
  void anEmptyMatchListKeepsEveryLineAndAFormatReadsTheTime() {
    KernelLogConfig config = parse("match = [], file { timestamp-format = \"%Y-%m-%d %H:%M:%S\", timezone = utc }");
    assertThat(config.match()).isEmpty();
    assertThat(config.file().timestampFormat()).hasToString("%Y-%m-%d %H:%M:%S");
    assertThat(config.file().zone()).isEqualTo(java.time.ZoneOffset.UTC);
  }

  @Test
  void badValuesSayWhichKey() {
    assertThatThrownBy(() -> parse("source = dmesg")).isInstanceOf(ConfigException.BadValue.class)
        .hasMessageContaining("source").hasMessageContaining("'dmesg' is not one of auto, journald, kmsg, file");
    assertThatThrownBy(() -> parse("journald.start-at = yesterday"))
        .hasMessageContaining("'yesterday' is not one of boot, end, all");
    assertThatThrownBy(() -> parse("file.start-at = boot")).hasMessageContaining("'boot' is not one of end, all");
    assertThatThrownBy(() -> parse("match = [\"\"]")).hasMessageContaining("to keep every line, write match = []");
    assertThatThrownBy(() -> parse("file.timestamp-format = \"%Y-%m-%d %Q\""))
        .hasMessageContaining("file.timestamp-format").hasMessageContaining("%Q is not a directive");
    assertThatThrownBy(() -> parse("file.timezone = mars")).hasMessageContaining("'mars' is not local or utc");
    assertThatThrownBy(() -> parse("max-batch = 0")).hasMessageContaining("max-batch");
    assertThatThrownBy(() -> parse("poll-interval = 0s")).hasMessageContaining("must be positive");
    assertThatThrownBy(() -> parse("source = file")).hasMessageContaining("file.paths");
    assertThatThrownBy(() -> parse("journald { directory = /tmp, namespace = x }"))
        .hasMessageContaining("at most one of directory, files and namespace");
  }
}
