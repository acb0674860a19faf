package io.vigie.formats.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The reader walks a model's YAML tree without remembering where each field is, and walks it again
 * with the positions only when the core's checks find structural problems (unknown references,
 * duplicate IDs) that must be located. This proves, on seeded random corruptions of the two example
 * devices and of a small valid model, that the outcome is exactly the one of a single walk that
 * remembers every position from the start: the same model for a valid file, the same problems
 * (file, line, column, field path, message, suggestion, order) for an invalid one.
 *
 * <p>Each case applies one or two edits to the text: a value replaced by another value of the
 * file (a wrong reference, a wrong enumeration word, a text where a list was expected), a value
 * misspelt, a reference misspelt (an unknown element), a value emptied (a missing required
 * field), a line deleted or duplicated (a duplicate key or ID).
 */
class ModelReadPositionsEquivalenceTest {
  private static final Pattern FIELD = Pattern.compile("^(\\s*(?:- )?)([A-Za-z]+):( *)(.*)$");
  private static final java.util.Set<String> REFERENCES = java.util.Set.of("from", "to", "zone", "stores", "processes",
      "assets", "protects", "elements", "uses", "hazards", "redundantWith");

  private static String example(String name) throws IOException {
    return Files.readString(Path.of(System.getProperty("vigie.repo.root"), "examples", name, "vigie.yaml"));
  }

  @Test
  void corruptedModelsGiveTheSameProblemsAtTheSamePositions() throws IOException {
    int[] outcomes = new int[3];
    cases(example("postop-followup"), 1, 150, outcomes);
    cases(example("insulin-titration"), 1001, 150, outcomes);
    cases(ModelYamlReaderTest.VALID, 2001, 100, outcomes);
    // Every kind of outcome must be frequent, or the comparison proves little.
    assertThat(outcomes[0]).as("valid models").isGreaterThan(40);
    assertThat(outcomes[1]).as("models with problems found while reading").isGreaterThan(80);
    assertThat(outcomes[2]).as("models with structural problems, located by a second walk").isGreaterThan(80);
  }

  @Test
  void theExamplesReadTheSameWithAndWithoutPositions() throws IOException {
    for (String name : List.of("postop-followup", "insulin-titration")) {
      byte[] bytes = example(name).getBytes(StandardCharsets.UTF_8);
      assertThat(new ModelYamlReader().read(bytes, name))
          .isEqualTo(new ModelYamlReader().readRememberingPositions(bytes, name));
    }
  }

  private static void cases(String text, long firstSeed, int n, int[] outcomes) {
    Map<String, List<String>> values = new HashMap<>();
    for (String line : text.split("\n", -1)) {
      Matcher m = FIELD.matcher(line);
      if (m.matches() && !m.group(4).isEmpty()) {
        values.computeIfAbsent(m.group(2), k -> new ArrayList<>()).add(m.group(4));
      }
    }
    for (long seed = firstSeed; seed < firstSeed + n; seed++) {
      Random rnd = new Random(seed);
      List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
      int edits = 1 + rnd.nextInt(2);
      for (int i = 0; i < edits; i++) {
        edit(lines, values, rnd);
      }
      byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
      Object fast = outcome(() -> new ModelYamlReader().read(bytes, "vigie.yaml"));
      Object reference = outcome(() -> new ModelYamlReader().readRememberingPositions(bytes, "vigie.yaml"));
      assertThat(fast).as("seed " + seed).isEqualTo(reference);
      if (!(fast instanceof List<?> problems)) {
        outcomes[0]++;
      } else if (problems.stream().map(p -> ((Problem) p).message())
          .anyMatch(m -> m.startsWith("duplicate ID") || m.startsWith("unknown ") && !m.startsWith("unknown field"))) {
        outcomes[2]++;
      } else {
        outcomes[1]++;
      }
    }
  }

  private static void edit(List<String> lines, Map<String, List<String>> values, Random rnd) {
    int at = rnd.nextInt(lines.size());
    Matcher m = FIELD.matcher(lines.get(at));
    int what = rnd.nextInt(10);
    if (what == 5 || what == 6) {
      // Only where a reference is: a field naming other elements, at a random place of the file.
      List<Integer> refs = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        Matcher r = FIELD.matcher(lines.get(i));
        if (r.matches() && REFERENCES.contains(r.group(2)) && !r.group(4).isEmpty()) {
          refs.add(i);
        }
      }
      at = refs.get(rnd.nextInt(refs.size()));
      m = FIELD.matcher(lines.get(at));
    }
    if (what == 0) {
      lines.remove(at);
    } else if (what == 1) {
      lines.add(at, lines.get(at));
    } else if (m.matches() && !m.group(4).isEmpty()) {
      String value = m.group(4);
      String now = switch (what) {
        case 2 -> "";
        case 3 -> value.startsWith("[") ? "[" + value.substring(1, Math.min(value.length(), 6)) + "x]" : value + "x";
        case 4 -> any(values, rnd);
        // A reference misspelt: a structural problem, found after the walk.
        case 5, 6 -> value.endsWith("]") ? value.substring(0, value.length() - 1) + "x]" : value + "x";
        default -> {
          // Mostly a value of the same field: a valid word, a wrong reference.
          List<String> same = values.get(m.group(2));
          yield same == null ? any(values, rnd) : same.get(rnd.nextInt(same.size()));
        }
      };
      lines.set(at, m.group(1) + m.group(2) + ":" + (now.isEmpty() ? "" : " ") + now);
    }
  }

  private static String any(Map<String, List<String>> values, Random rnd) {
    List<String> all = values.values().stream().flatMap(List::stream).sorted().toList();
    return all.get(rnd.nextInt(all.size()));
  }

  /** The model, or the problems as a list. */
  private static Object outcome(Supplier<Object> read) {
    try {
      return read.get();
    } catch (InvalidInputException e) {
      return e.problems();
    }
  }
}
