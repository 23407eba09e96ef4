package io.datadock.faults.disk;

import java.nio.file.Path;
import java.util.List;

/** Reads the kernel's mount table ({@code /proc/self/mounts}): is a directory a mount point? */
final class MountTable {

  private MountTable() {}

  /**
   * @param lines the table, one mount a line: device, mount point (spaces, tabs, newlines and
   *     backslashes written as octal escapes such as {@code \040}), type, options, two numbers
   */
  static boolean isMountPoint(List<String> lines, Path directory) {
    String wanted = directory.toAbsolutePath().normalize().toString();
    for (String line : lines) {
      String[] fields = line.split(" ");
      if (fields.length >= 2 && unescape(fields[1]).equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  static String unescape(String field) {
    StringBuilder b = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && i + 3 < field.length() && isOctal(field, i + 1)) {
        b.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static boolean isOctal(String s, int from) {
    for (int i = from; i < from + 3; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '7') {
        return false;
      }
    }
    return true;
  }
}
