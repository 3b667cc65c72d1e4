package dev.gputel.runtime.cli;

import dev.gputel.xid.KernelLogScanner;
import dev.gputel.xid.SxidLine;
import dev.gputel.xid.XidClassifier;
import dev.gputel.xid.XidReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * Reads kernel-log text with any prefix and prints one JSON object per Xid or SXid line, without
 * deduplication or burst grouping. Exit 0 when the input was read (with or without Xids), 1 when it
 * cannot be.
 */
@Command(name = "parse", mixinStandardHelpOptions = true,
    description = "Print each Xid and SXid line of a kernel log (dmesg, syslog, journalctl output) as a JSON object.")
final class XidParseCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "FILE|-", defaultValue = "-",
      description = "The log to read; - or nothing for standard input.")
  String input;

  @Mixin SeverityPolicyOption severity;

  @Override
  public Integer call() {
    XidClassifier classifier;
    try {
      classifier = XidClassifier.builtIn(severity.policy());
    } catch (IllegalArgumentException e) {
      System.err.println("gputel xid parse: " + e.getMessage());
      return 2;
    }
    PrintStream out = System.out;
    KernelLogScanner scanner = new KernelLogScanner();
    // A kernel log may hold bytes that are not UTF-8: the reader replaces them rather than failing.
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        print(scanner.next(line), classifier, out);
      }
      print(scanner.end(), classifier, out);
    } catch (IOException e) {
      System.err.println("gputel xid parse: cannot read " + input + ": " + e.getMessage());
      return 1;
    } finally {
      out.flush();
    }
    return 0;
  }

  private InputStream open() throws IOException {
    return input.equals("-") ? System.in : Files.newInputStream(Path.of(input));
  }

  private static void print(List<KernelLogScanner.Found> found, XidClassifier classifier, PrintStream out) {
    for (KernelLogScanner.Found f : found) {
      switch (f.parsed()) {
        case XidReport xid -> out.println(XidJson.render(f.line(), xid, classifier.classify(xid)));
        case SxidLine sxid -> out.println(XidJson.render(f.line(), sxid, classifier.classify(sxid)));
        default -> {}
      }
    }
  }
}
