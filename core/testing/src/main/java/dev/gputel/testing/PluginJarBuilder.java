package dev.gputel.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Writes a real pf4j plugin jar: a manifest with {@code Plugin-Id}, {@code Plugin-Version} and
 * {@code Plugin-Requires}, classes compiled from source at test time, an extension index and
 * resources. Compiling here, rather than taking classes from the test class path, keeps the
 * plugin's classes away from the application class loader, as in a real deployment.
 */
public final class PluginJarBuilder {
  private final String pluginId;
  private String version = "1.0.0";
  private String requires = "";
  private final Map<String, String> sources = new LinkedHashMap<>();
  private final Set<String> extensions = new LinkedHashSet<>();
  private final Map<String, String> resources = new LinkedHashMap<>();
  private final Set<String> omitted = new LinkedHashSet<>();

  private PluginJarBuilder(String pluginId) {
    this.pluginId = pluginId;
  }

  public static PluginJarBuilder plugin(String pluginId) {
    return new PluginJarBuilder(pluginId);
  }

  public PluginJarBuilder version(String value) {
    this.version = value;
    return this;
  }

  /** Sets {@code Plugin-Requires}, a range of SPI versions such as {@code >=0.1.0 & <1.0.0}. */
  public PluginJarBuilder requires(String range) {
    this.requires = range;
    return this;
  }

  /** Adds a class to compile, given its binary name and its source text. */
  public PluginJarBuilder source(String className, String javaSource) {
    sources.put(className, javaSource);
    return this;
  }

  /** Lists a class in {@code META-INF/extensions.idx}, as pf4j's annotation processor would. */
  public PluginJarBuilder extension(String className) {
    extensions.add(className);
    return this;
  }

  public PluginJarBuilder resource(String path, String content) {
    resources.put(path, content);
    return this;
  }

  /** Compiles a class but leaves it out of the jar: a plugin with a missing dependency. */
  public PluginJarBuilder omit(String className) {
    omitted.add(className);
    return this;
  }

  /** Writes {@code <pluginId>-<version>.jar} into {@code directory} and returns its path. */
  public Path writeTo(Path directory) {
    try {
      Files.createDirectories(directory);
      Path classes = Files.createTempDirectory("plugin-classes");
      compile(classes);
      Path jar = directory.resolve(pluginId + "-" + version + ".jar");
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest())) {
        addClasses(out, classes);
        if (!extensions.isEmpty()) {
          put(out, "META-INF/extensions.idx", String.join("\n", extensions) + "\n");
        }
        for (Map.Entry<String, String> resource : resources.entrySet()) {
          put(out, resource.getKey(), resource.getValue());
        }
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void compile(Path output) throws IOException {
    if (sources.isEmpty()) {
      return;
    }
    Path sourceRoot = Files.createTempDirectory("plugin-sources");
    List<String> arguments = new ArrayList<>(List.of(
        "-d", output.toString(), "-proc:none", "--release", "25",
        "-cp", System.getProperty("java.class.path")));
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = sourceRoot.resolve(source.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      arguments.add(file.toString());
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException("PluginJarBuilder needs a JDK, not a JRE");
    }
    int status = compiler.run(null, null, null, arguments.toArray(String[]::new));
    if (status != 0) {
      throw new IllegalStateException("plugin sources did not compile (see the compiler output above)");
    }
  }

  private Manifest manifest() {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.putValue("Plugin-Id", pluginId);
    main.putValue("Plugin-Version", version);
    main.putValue("Plugin-Provider", "gputel tests");
    if (!requires.isEmpty()) {
      main.putValue("Plugin-Requires", requires);
    }
    return manifest;
  }

  private void addClasses(JarOutputStream out, Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = root.relativize(file).toString().replace('\\', '/');
        String className = name.endsWith(".class")
            ? name.substring(0, name.length() - ".class".length()).replace('/', '.') : null;
        if (className != null && omitted.contains(className.replaceAll("\\$.*", ""))) {
          continue;
        }
        out.putNextEntry(new JarEntry(name));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
  }

  private static void put(OutputStream jar, String name, String content) throws IOException {
    JarOutputStream out = (JarOutputStream) jar;
    out.putNextEntry(new JarEntry(name));
    out.write(content.getBytes(StandardCharsets.UTF_8));
    out.closeEntry();
  }
}
