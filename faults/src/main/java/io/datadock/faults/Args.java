package io.datadock.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** A harness's command line: {@code --option value} pairs, each option one of those it knows. */
final class Args {

  private final Map<String, String> given = new HashMap<>();

  Args(String[] args, Set<String> known) {
    for (int i = 0; i < args.length; i += 2) {
      if (!known.contains(args[i]) || i + 1 >= args.length) {
        throw new IllegalArgumentException(
            "unknown option or missing value: " + args[i] + ", known: " + known);
      }
      given.put(args[i], args[i + 1]);
    }
  }

  boolean has(String option) {
    return given.containsKey(option);
  }

  String text(String option, String otherwise) {
    return given.getOrDefault(option, otherwise);
  }

  int number(String option, int otherwise) {
    return has(option) ? Integer.parseInt(given.get(option)) : otherwise;
  }

  long longNumber(String option, long otherwise) {
    return has(option) ? Long.parseLong(given.get(option)) : otherwise;
  }

  /** {@code --dir}, or a new temporary directory. */
  Path dir() throws IOException {
    return has("--dir")
        ? Path.of(given.get("--dir"))
        : Files.createTempDirectory("datadock-faults-");
  }
}
