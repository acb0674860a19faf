package io.vigie.core.vuln.version;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Test-side reading of OSV JSON (zips and folders) into the core's affected model. */
public final class OsvRecords {
  private static final ObjectMapper JSON = new ObjectMapper();

  private OsvRecords() {}

  public static void forEachInZip(Path zip, Consumer<JsonNode> action) throws IOException {
    try (InputStream in = Files.newInputStream(zip);
        ZipInputStream entries = new ZipInputStream(in)) {
      for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
        if (!e.isDirectory() && e.getName().endsWith(".json")) {
          action.accept(JSON.readTree(entries.readAllBytes()));
        }
      }
    }
  }

  public static void forEachInFolder(Path dir, Consumer<JsonNode> action) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        action.accept(JSON.readTree(f.toFile()));
      }
    }
  }

  public static OsvAffected affected(JsonNode node) {
    List<OsvRange> ranges = new ArrayList<>();
    for (JsonNode r : node.path("ranges")) {
      List<OsvEvent> events = new ArrayList<>();
      for (JsonNode e : r.path("events")) {
        e.fields()
            .forEachRemaining(
                f -> {
                  for (OsvEvent.Kind kind : OsvEvent.Kind.values()) {
                    if (kind.osvName().equals(f.getKey())) {
                      events.add(new OsvEvent(kind, f.getValue().asText()));
                    }
                  }
                });
      }
      ranges.add(new OsvRange(RangeType.valueOf(r.path("type").asText()), events));
    }
    List<String> versions = new ArrayList<>();
    node.path("versions").forEach(v -> versions.add(v.asText()));
    return new OsvAffected(
        node.path("package").path("ecosystem").asText(),
        node.path("package").path("name").asText(),
        ranges,
        versions);
  }
}
