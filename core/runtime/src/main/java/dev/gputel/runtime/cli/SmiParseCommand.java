package dev.gputel.runtime.cli;

import dev.gputel.gpu.GpuRow;
import dev.gputel.gpu.SmiCsvStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Reads a captured {@code --query-gpu} CSV and prints one JSON object per GPU row. Exit 0 when every
 * line was read; 1 when the input cannot be read or some line was not a row (those are named on
 * stderr, the rows around them still print).
 */
@Command(name = "parse", mixinStandardHelpOptions = true,
    description = "Print each row of a captured nvidia-smi --query-gpu CSV as a JSON object, values in nvidia-smi's units.")
final class SmiParseCommand implements Callable<Integer> {
  @Option(names = "--fields", split = ",", paramLabel = "FIELD",
      description = "The --query-gpu fields, in order, for input without a header (aliases such as gpu_name, clocks.gr work).")
  List<String> fields = new ArrayList<>();

  @Parameters(arity = "0..1", paramLabel = "FILE|-", defaultValue = "-",
      description = "The CSV to read; - or nothing for standard input.")
  String input;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    List<SmiCsvStream.Problem> problems = new ArrayList<>();
    SmiCsvStream stream = new SmiCsvStream(fields, problems::add);
    try (BufferedReader reader = open()) {
      String line;
      while ((line = reader.readLine()) != null) {
        print(stream.line(line), out);
      }
      print(stream.end(), out);
    } catch (IOException e) {
      System.err.println("gputel nvidia-smi parse: cannot read " + input + ": " + e.getMessage());
      return 1;
    } catch (IllegalArgumentException e) {
      System.err.println("gputel nvidia-smi parse: " + input + ": " + e.getMessage());
      return 1;
    } finally {
      out.flush();
    }
    problems.forEach(p -> System.err.println("gputel nvidia-smi parse: " + input + ": " + p));
    return problems.isEmpty() ? 0 : 1;
  }

  private BufferedReader open() throws IOException {
    if (input.equals("-")) {
      return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }
    return Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8);
  }

  private static void print(List<GpuRow> sample, PrintStream out) {
    for (int i = 0; i < sample.size(); i++) {
      out.println(SmiRowJson.render(sample.get(i), i));
    }
  }
}
