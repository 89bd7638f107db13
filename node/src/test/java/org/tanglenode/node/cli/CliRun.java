package org.tanglenode.node.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run of the {@code tangle} command line in this JVM, with what it printed. */
record CliRun(int exitCode, String out, String err) {

  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = TangleCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new CliRun(exitCode, out.toString(), err.toString());
  }

  /** The value printed after {@code label} on its line, such as the id after "id:". */
  String field(String label) {
    for (String line : out.split("\n")) {
      if (line.startsWith(label)) {
        return line.substring(label.length()).trim();
      }
    }
    throw new AssertionError("no line starting with '" + label + "' in:\n" + out);
  }
}
