package dev.gputel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.runtime.plugin.ComponentRegistry;
import dev.gputel.runtime.plugin.FactoryInfo;
import dev.gputel.runtime.plugin.PluginLoader;
import dev.gputel.runtime.plugin.PluginProblem;
import dev.gputel.spi.component.ComponentKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken plugin jars are reported and skipped; the agent keeps every plugin that works. */
class PluginLoadingTest {
  @TempDir Path plugins;

  @Test
  void aWorkingPluginProvidesItsComponentWithItsDefaults() {
    goodPlugin();

    ComponentRegistry registry = PluginLoader.load(plugins);

    FactoryInfo hello = registry.find(ComponentKind.RECEIVER, "hello").orElseThrow();
    assertThat(hello.source()).isEqualTo("hello-plugin");
    assertThat(hello.factory().getClass().getClassLoader()).isNotSameAs(getClass().getClassLoader());
    assertThat(registry.defaults(hello).toConfig().getString("greeting")).isEqualTo("hi");
    assertThat(registry.problems()).isEmpty();
  }

  @Test
  void aPluginWithAMissingDependencyIsReportedAndSkipped() {
    goodPlugin();
    PluginJarBuilder.plugin("missing-dependency").requires(">=0.1.0")
        .source("test.missing.Helper", "package test.missing; public final class Helper {}")
        .source("test.missing.HelloFactory",
            TestPlugins.helloFactory("test.missing", "needs-helper", "private final Helper helper = new Helper();"))
        .extension("test.missing.HelloFactory")
        .resource("reference.conf", TestPlugins.reference("needs-helper"))
        .omit("test.missing.Helper")
        .writeTo(plugins);

    ComponentRegistry registry = PluginLoader.load(plugins);

    assertThat(registry.problems()).extracting(PluginProblem::toString)
        .containsExactly("plugin missing-dependency: a class it needs is missing: test.missing.Helper");
    assertThat(registry.find(ComponentKind.RECEIVER, "needs-helper")).isEmpty();
    assertThat(registry.find(ComponentKind.RECEIVER, "hello")).isPresent();
  }

  @Test
  void aPluginThatRequiresAnotherSpiIsReportedAndSkipped() {
    goodPlugin();
    PluginJarBuilder.plugin("from-the-future").requires(">=2.0.0")
        .source("test.future.HelloFactory", TestPlugins.helloFactory("test.future", "future", ""))
        .extension("test.future.HelloFactory")
        .writeTo(plugins);

    ComponentRegistry registry = PluginLoader.load(plugins);

    assertThat(registry.problems()).extracting(PluginProblem::toString)
        .containsExactly("plugin from-the-future: requires gputel SPI >=2.0.0 but this agent provides 0.1.0");
    assertThat(registry.find(ComponentKind.RECEIVER, "future")).isEmpty();
    assertThat(registry.find(ComponentKind.RECEIVER, "hello")).isPresent();
  }

  @Test
  void aJarThatIsNotAPluginIsReportedAndSkipped() throws Exception {
    goodPlugin();
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(plugins.resolve("not-a-plugin.jar")))) {
      jar.putNextEntry(new java.util.jar.JarEntry("readme.txt"));
      jar.write("no manifest here".getBytes());
    }

    ComponentRegistry registry = PluginLoader.load(plugins);

    assertThat(registry.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.plugin()).isEqualTo("not-a-plugin.jar");
      assertThat(problem.message()).isEqualTo(
          "not a plugin: its manifest has no Plugin-Id (see examples/loadavg-receiver)");
    });
    assertThat(registry.find(ComponentKind.RECEIVER, "hello")).isPresent();
  }

  @Test
  void aSecondComponentOfTheSameTypeIsReportedAndSkipped() {
    goodPlugin();
    PluginJarBuilder.plugin("hello-again").requires(">=0.1.0")
        .source("test.again.HelloFactory", TestPlugins.helloFactory("test.again", "hello", ""))
        .extension("test.again.HelloFactory")
        .writeTo(plugins);

    ComponentRegistry registry = PluginLoader.load(plugins);

    assertThat(registry.problems()).singleElement().asString()
        .matches("plugin hello-(again|plugin): receiver type 'hello' is already provided by hello-(again|plugin)");
  }

  @Test
  void noPluginsDirectoryMeansBuiltInsOnly() {
    ComponentRegistry registry = PluginLoader.load(plugins.resolve("absent"));

    assertThat(registry.problems()).isEmpty();
    assertThat(registry.all()).allSatisfy(info -> assertThat(info.source()).isEqualTo("built-in"));
  }

  private void goodPlugin() {
    PluginJarBuilder.plugin("hello-plugin").requires(">=0.1.0 & <1.0.0")
        .source("test.hello.HelloFactory", TestPlugins.helloFactory("test.hello", "hello", ""))
        .extension("test.hello.HelloFactory")
        .resource("reference.conf", TestPlugins.reference("hello"))
        .writeTo(plugins);
  }
}
