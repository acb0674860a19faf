package io.vigie.store.vuln;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What the database should hold after importing OSV sets in order, computed straight from the
 * files with nothing but Jackson and java.util.zip: the test's independent oracle.
 */
final class ExpectedOsvCounts {
  final Map<String, String> sourceById = new LinkedHashMap<>();
  final Map<String, Boolean> withdrawnById = new HashMap<>();
  final Map<String, Map<String, Long>> ecosystemsById = new HashMap<>();
  final Map<String, java.util.Set<String>> packageNamesById = new HashMap<>();
  /** The (ecosystem, package name) pairs of each advisory's affected entries. */
  final Map<String, java.util.Set<List<String>>> packagesById = new HashMap<>();
  /** Each advisory's affected entries in the record's order, as {@link #entry} writes them. */
  final Map<String, List<String>> entriesById = new HashMap<>();
  long jsonFiles;

  static ExpectedOsvCounts of(List<Path> sets) throws IOException {
    ExpectedOsvCounts expected = new ExpectedOsvCounts();
    ObjectMapper json = new ObjectMapper();
    for (Path set : sets) {
      String source = set.getFileName().toString();
      if (Files.isDirectory(set)) {
        try (Stream<Path> files = Files.list(set)) {
          for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
            expected.add(source, json.readTree(f.toFile()));
          }
        }
      } else {
        try (ZipFile zip = new ZipFile(set.toFile())) {
          for (ZipEntry e : zip.stream().filter(e -> e.getName().endsWith(".json")).toList()) {
            try (InputStream in = zip.getInputStream(e)) {
              expected.add(source, json.readTree(in));
            }
          }
        }
      }
    }
    return expected;
  }

  private void add(String source, JsonNode record) {
    jsonFiles++;
    String id = record.get("id").asText();
    sourceById.remove(id); // last import wins the source, and moves to the end
    sourceById.put(id, source);
    withdrawnById.put(id, record.hasNonNull("withdrawn"));
    Map<String, Long> ecosystems = new HashMap<>();
    java.util.Set<String> names = new java.util.HashSet<>();
    java.util.Set<List<String>> packages = new java.util.HashSet<>();
    List<String> entries = new java.util.ArrayList<>();
    for (JsonNode a : record.path("affected")) {
      entries.add(entry(a));
      ecosystems.merge(a.path("package").path("ecosystem").asText(""), 1L, Long::sum);
      names.add(a.path("package").path("name").asText(""));
      packages.add(List.of(a.path("package").path("ecosystem").asText(""), a.path("package").path("name").asText("")));
    }
    packagesById.put(id, packages);
    entriesById.put(id, entries);
    ecosystemsById.put(id, ecosystems);
    packageNamesById.put(id, names);
  }

  /**
   * An affected entry as one line: {@code ecosystem|name|TYPE:kind=version,…;…|version,…}, the
   * ranges' other fields (repo, database_specific) left out, as a matcher has no use for them.
   */
  static String entry(JsonNode a) {
    StringBuilder out = new StringBuilder();
    out.append(a.path("package").path("ecosystem").asText("")).append('|').append(a.path("package").path("name").asText(""))
        .append('|');
    List<String> ranges = new java.util.ArrayList<>();
    for (JsonNode r : a.path("ranges")) {
      List<String> events = new java.util.ArrayList<>();
      for (JsonNode e : r.path("events")) {
        e.fields().forEachRemaining(f -> events.add(f.getKey() + "=" + f.getValue().asText()));
      }
      ranges.add(r.path("type").asText() + ":" + String.join(",", events));
    }
    out.append(String.join(";", ranges)).append('|');
    List<String> versions = new java.util.ArrayList<>();
    a.path("versions").forEach(v -> versions.add(v.asText()));
    return out.append(String.join(",", versions)).toString();
  }

  long advisories() {
    return sourceById.size();
  }

  /** Every package name of the advisories kept (the last import of each ID). */
  java.util.Set<String> packageNames() {
    java.util.Set<String> out = new java.util.HashSet<>();
    packageNamesById.values().forEach(out::addAll);
    return out;
  }

  /** The IDs of the advisories kept that name each (ecosystem, package name) pair. */
  Map<List<String>, java.util.Set<String>> idsByPackage() {
    Map<List<String>, java.util.Set<String>> out = new HashMap<>();
    packagesById.forEach((id, packages) -> packages.forEach(p -> out.computeIfAbsent(p, k -> new TreeSet<>()).add(id)));
    return out;
  }

  long withdrawn() {
    return withdrawnById.values().stream().filter(w -> w).count();
  }

  Map<String, Long> bySource() {
    Map<String, Long> out = new TreeMap<>();
    sourceById.values().forEach(s -> out.merge(s, 1L, Long::sum));
    return out;
  }

  Map<String, Long> byEcosystem() {
    Map<String, Long> out = new TreeMap<>();
    ecosystemsById.values().forEach(m -> m.forEach((k, v) -> out.merge(k, v, Long::sum)));
    return out;
  }
}
