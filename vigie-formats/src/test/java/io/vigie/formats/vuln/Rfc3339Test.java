package io.vigie.formats.vuln;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** {@link Rfc3339} answers exactly what {@code OffsetDateTime.parse(text).toInstant()} does. */
class Rfc3339Test {
  private static final Pattern TIMESTAMP = Pattern.compile("\"(?:modified|published|withdrawn)\"\\s*:\\s*\"([^\"]*)\"");

  @Test
  void agreesWithTheJdkOnGeneratedAndMutatedTimestamps() {
    Random random = new Random(3339);
    List<String> texts = new ArrayList<>(List.of("2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "2024-04-31T12:00:00Z",
        "2024-01-01T24:00:00Z", "2024-01-01T23:59:60Z", "2024-13-01T00:00:00Z", "2024-00-10T00:00:00Z",
        "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2024-01-01T00:00:00.Z", "2024-01-01T00:00:00.1234567890Z",
        "2024-01-01t00:00:00z", "2024-01-01T00:00Z", "2024-01-01T00:00:00+02:00", "2024-01-01T00:00:00-00:30",
        "2024-01-01 00:00:00Z", "2024-1-01T00:00:00Z", "+2024-01-01T00:00:00Z", "2024-01-01T00:00:00", "",
        "2024-01-01T0a:00:00Z", "２０２４-01-01T00:00:00Z", "2024-01-01T00:00:00.12a4Z"));
    for (int i = 0; i < 20_000; i++) {
      String fraction = switch (random.nextInt(4)) {
        case 0 -> "";
        case 1 -> "." + digits(random, 1 + random.nextInt(9));
        case 2 -> "." + digits(random, random.nextInt(12));
        default -> "." + digits(random, 6);
      };
      String text = String.format("%04d-%02d-%02dT%02d:%02d:%02d%sZ", random.nextInt(10_000), random.nextInt(14),
          random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62), fraction);
      texts.add(text);
      texts.add(mutate(text, random));
    }
    for (String text : texts) {
      assertThat(outcome(() -> Rfc3339.parse(text))).as(text).isEqualTo(outcome(() -> OffsetDateTime.parse(text).toInstant()));
    }
  }

  @Test
  void agreesWithTheJdkOnTheTimestampsOfRealOsvRecords() throws IOException {
    List<String> texts = new ArrayList<>();
    try (InputStream in = Files.newInputStream(SharedData.folder().resolve("osv/PyPI-all.zip"));
        ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        Matcher m = TIMESTAMP.matcher(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
        while (m.find()) {
          texts.add(m.group(1));
        }
      }
    }
    try (Stream<Path> files = Files.list(SharedData.folder().resolve("osv/GHSA-sample"))) {
      for (Path f : files.toList()) {
        Matcher m = TIMESTAMP.matcher(Files.readString(f));
        while (m.find()) {
          texts.add(m.group(1));
        }
      }
    }
    assertThat(texts).hasSizeGreaterThan(5_000);
    for (String text : texts) {
      assertThat(Rfc3339.parse(text)).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant());
    }
  }

  /** The instant, or the exception's class and message: what a caller can observe. */
  private static String outcome(java.util.function.Supplier<Instant> parse) {
    try {
      return parse.get().toString();
    } catch (DateTimeParseException e) {
      return "DateTimeParseException: " + e.getMessage();
    }
  }

  private static String digits(Random random, int n) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      out.append((char) ('0' + random.nextInt(10)));
    }
    return out.toString();
  }

  /** One character replaced, removed or inserted: near misses of the fast form. */
  private static String mutate(String text, Random random) {
    String alphabet = "0123456789-:.TZtz+ x";
    int at = random.nextInt(text.length());
    char c = alphabet.charAt(random.nextInt(alphabet.length()));
    return switch (random.nextInt(3)) {
      case 0 -> text.substring(0, at) + c + text.substring(at + 1);
      case 1 -> text.substring(0, at) + text.substring(at + 1);
      default -> text.substring(0, at) + c + text.substring(at);
    };
  }
}
