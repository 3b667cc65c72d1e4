package dev.gputel.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/plugins.md and the example plugin from drifting apart. Each code block the guide marks
 * with {@code <!-- snippet: FILE -->} must be in FILE as written: the block is cut at its elision
 * lines ({@code // ...}, {@code <!-- ... -->}, {@code ...}), and each piece must appear in the
 * file, in order.
 */
class PluginGuideTest {
  private static final Path ROOT = Path.of("../..");
  private static final String EXAMPLE = "examples/loadavg-receiver/";
  private static final Pattern SNIPPET =
      Pattern.compile("<!-- snippet: (\\S+) -->\\n```[a-z]*\\n(.*?)```", Pattern.DOTALL);
  private static final Set<String> ELISIONS = Set.of("// ...", "<!-- ... -->", "...");

  @Test
  void everySnippetIsInTheFileItNames() throws IOException {
    String guide = Files.readString(ROOT.resolve("docs/plugins.md"));
    Set<String> quoted = new TreeSet<>();
    Matcher snippet = SNIPPET.matcher(guide);
    while (snippet.find()) {
      String file = snippet.group(1);
      quoted.add(file);
      assertThat(ROOT.resolve(file)).as("the file a snippet names").isRegularFile();
      assertInOrder(file, Files.readString(ROOT.resolve(file)), pieces(snippet.group(2)));
    }

    assertThat(quoted).as("the example's files the guide quotes").contains(
        EXAMPLE + "pom.xml",
        EXAMPLE + "src/main/resources/reference.conf",
        EXAMPLE + "src/main/java/dev/gputel/examples/loadavg/LoadavgReceiverFactory.java",
        EXAMPLE + "src/main/java/dev/gputel/examples/loadavg/LoadavgConfig.java",
        EXAMPLE + "src/main/java/dev/gputel/examples/loadavg/LoadavgReceiver.java",
        EXAMPLE + "src/test/java/dev/gputel/examples/loadavg/LoadavgReceiverFactoryTest.java",
        EXAMPLE + "src/test/java/dev/gputel/examples/loadavg/LoadavgReceiverTest.java",
        EXAMPLE + "src/test/java/dev/gputel/examples/loadavg/LoadavgPluginIT.java");
  }

  @Test
  void theGuideQuotesTheExampleReferenceConfWhole() throws IOException {
    String reference = Files.readString(ROOT.resolve(EXAMPLE + "src/main/resources/reference.conf"));
    assertThat(Files.readString(ROOT.resolve("docs/plugins.md")))
        .contains("<!-- snippet: " + EXAMPLE + "src/main/resources/reference.conf -->\n```hocon\n" + reference + "```");
  }

  /** Splits a code block at its elision lines. */
  private static List<String> pieces(String block) {
    List<String> pieces = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    for (String line : block.split("\n", -1)) {
      if (ELISIONS.contains(line.strip())) {
        pieces.add(piece.toString());
        piece.setLength(0);
      } else {
        piece.append(line).append('\n');
      }
    }
    pieces.add(piece.toString());
    pieces.replaceAll(text -> text.endsWith("\n\n") ? text.substring(0, text.length() - 1) : text);
    pieces.removeIf(String::isBlank);
    return pieces;
  }

  private static void assertInOrder(String file, String content, List<String> pieces) {
    int from = 0;
    for (String piece : pieces) {
      int at = content.indexOf(piece, from);
      assertThat(at).as("in %s, after offset %d, this snippet text:%n%s", file, from, piece)
          .isNotNegative();
      from = at + piece.length();
    }
  }
}
