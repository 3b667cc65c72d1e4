package dev.gputel.receiver.emf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class EmfConfigTest {
  private static EmfConfig parse(String text) {
    Config defaults = ConfigFactory.parseResources("reference.conf").getConfig("gputel.receivers.emf");
    return EmfConfig.from(ConfigFactory.parseString(text).withFallback(defaults).resolve());
  }

  @Test
  void defaultsListenOnLoopbackPort25888ForBothTransports() {
    EmfConfig config = parse("");
    assertThat(config.tcp()).contains(InetSocketAddress.createUnresolved("127.0.0.1", 25888));
    assertThat(config.udp()).contains(InetSocketAddress.createUnresolved("127.0.0.1", 25888));
    assertThat(config.maxDocumentSize()).isEqualTo(1_048_576 - 26);
  }

  @Test
  void theAgentsAddressesAndOneTransportOnly() {
    EmfConfig config = parse("tcp = \"0.0.0.0:25888\", udp = null");
    assertThat(config.tcp()).hasValueSatisfying(a -> {
      assertThat(a.getHostString()).isEqualTo("0.0.0.0");
      assertThat(a.getPort()).isEqualTo(25888);
    });
    assertThat(config.udp()).isEmpty();
    assertThat(parse("tcp = \":25888\"").tcp()).hasValueSatisfying(a -> assertThat(a.getAddress().isAnyLocalAddress()).isTrue());
    assertThat(parse("udp = \"[::1]:25889\"").udp()).hasValueSatisfying(a -> assertThat(a.getHostString()).isEqualTo("::1"));
  }

  @Test
  void badValuesNameTheKeyAndWhy() {
    assertThatThrownBy(() -> parse("tcp = null, udp = null")).isInstanceOf(ConfigException.BadValue.class)
        .hasMessageContaining("tcp").hasMessageContaining("listen nowhere");
    assertThatThrownBy(() -> parse("tcp = \"localhost\"")).hasMessageContaining("tcp").hasMessageContaining("host:port");
    assertThatThrownBy(() -> parse("udp = \"host:99999\"")).hasMessageContaining("udp").hasMessageContaining("0..65535");
    assertThatThrownBy(() -> parse("udp = \"host:x\"")).hasMessageContaining("not a number");
    assertThatThrownBy(() -> parse("tcp = \"::1:25888\"")).hasMessageContaining("brackets");
    assertThatThrownBy(() -> parse("max-document-size = 2MiB")).hasMessageContaining("max-document-size")
        .hasMessageContaining("CloudWatch Logs event limit");
    assertThatThrownBy(() -> parse("max-connections = 0")).hasMessageContaining("max-connections");
  }

  @Test
  void sizesMayBeWrittenWithUnits() {
    assertThat(parse("max-document-size = 256KiB").maxDocumentSize()).isEqualTo(262_144);
  }
}
