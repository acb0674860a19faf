package io.vigie.store.vuln;

import io.vigie.formats.vuln.OsvReader;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Whole-process measurement of a full OSV import, for bench/vulndb-import.sh (run under {@code
 * /usr/bin/time -v}): {@code FullOsvImport <dataDir> <osv path>...}, or {@code --read-only
 * <osv path>...} to time the reading alone. Not a test: timing assertions do not belong in tests.
 */
public final class FullOsvImport {
  private FullOsvImport() {}

  public static void main(String[] args) {
    long start = System.nanoTime();
    if (args[0].equals("--read-only")) {
      int records = 0;
      for (String path : Arrays.copyOfRange(args, 1, args.length)) {
        records += new OsvReader().readAll(Path.of(path), a -> {}, p -> {}).read();
      }
      System.out.printf("read %d records in %.1f s%n", records, (System.nanoTime() - start) / 1e9);
      return;
    }
    Path[] paths = Arrays.stream(args).skip(1).map(Path::of).toArray(Path[]::new);
    try (VulnerabilityDatabase db = VulnerabilityDatabase.open(Path.of(args[0]))) {
      ImportResult result = db.importOsv(System.out::println, paths);
      System.out.printf("imported %d records (%d skipped, %d unchanged) in %.1f s%n",
          result.records(), result.skipped(), result.unchanged(), (System.nanoTime() - start) / 1e9);
      System.out.println(db.status());
    }
  }
}
