package io.vigie.store.vuln;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vigie.core.vuln.version.OsvAffected;
import io.vigie.core.vuln.version.OsvEvent;
import io.vigie.core.vuln.version.OsvRange;
import io.vigie.core.vuln.version.RangeType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code affected_package} row's {@code ranges_json} and {@code versions_json}: an OSV entry's
 * ranges and explicit versions in OSV's own shape (so that another tool reads the columns as they
 * are), and back.
 *
 * <p>Why read back: a scan decides from these alone which advisories affect an SBOM's versions,
 * and reads the whole record of those only. Streamed, not through a tree: a scan of 10,000 real
 * packages reads some 30,000 of them. What is read back was checked when its record was imported
 * (OsvReader refuses a record with an invalid range), so only the shape is checked here; an
 * unexpected one is a damaged database, said with the row's advisory.
 */
final class StoredEntry {
  private static final JsonFactory JSON = new JsonFactory();

  private StoredEntry() {}

  static String ranges(OsvAffected entry) {
    return write(g -> {
      g.writeStartArray();
      for (OsvRange range : entry.ranges()) {
        g.writeStartObject();
        g.writeStringField("type", range.type().name());
        g.writeArrayFieldStart("events");
        for (OsvEvent event : range.events()) {
          g.writeStartObject();
          g.writeStringField(event.kind().osvName(), event.version());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
    });
  }

  static String versions(OsvAffected entry) {
    return write(g -> {
      g.writeStartArray();
      for (String v : entry.versions()) {
        g.writeString(v);
      }
      g.writeEndArray();
    });
  }

  /** The entry of a row; {@code advisoryId} names it in the error a damaged row gives. */
  static OsvAffected read(String advisoryId, String ecosystem, String name, String rangesJson, String versionsJson) {
    try {
      return new OsvAffected(ecosystem, name, readRanges(rangesJson), readVersions(versionsJson));
    } catch (IOException | IllegalArgumentException | NullPointerException e) {
      throw new IllegalStateException("the vulnerability database is damaged: the entry of " + advisoryId
          + " for " + ecosystem + " " + name + " is not an OSV entry (" + e.getMessage()
          + "); import its feed again to rewrite it", e);
    }
  }

  private static List<OsvRange> readRanges(String json) throws IOException {
    List<OsvRange> ranges = new ArrayList<>();
    try (JsonParser p = JSON.createParser(json)) {
      expect(p.nextToken(), JsonToken.START_ARRAY, "an array of ranges");
      while (p.nextToken() == JsonToken.START_OBJECT) {
        RangeType type = null;
        List<OsvEvent> events = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          JsonToken value = p.nextToken();
          if (field.equals("type")) {
            type = RangeType.valueOf(p.getText());
          } else if (field.equals("events")) {
            expect(value, JsonToken.START_ARRAY, "an array of events");
            while (p.nextToken() == JsonToken.START_OBJECT) {
              expect(p.nextToken(), JsonToken.FIELD_NAME, "an event");
              OsvEvent.Kind kind = kind(p.currentName());
              expect(p.nextToken(), JsonToken.VALUE_STRING, "an event's version");
              events.add(new OsvEvent(kind, p.getText()));
              expect(p.nextToken(), JsonToken.END_OBJECT, "one field per event");
            }
          } else {
            p.skipChildren(); // a field OSV may add to a range (repo, database_specific): not ours
          }
        }
        ranges.add(new OsvRange(type, events));
      }
      expect(p.currentToken(), JsonToken.END_ARRAY, "the end of the ranges");
      expect(p.nextToken(), null, "nothing after the ranges");
    }
    return ranges;
  }

  private static List<String> readVersions(String json) throws IOException {
    List<String> versions = new ArrayList<>();
    try (JsonParser p = JSON.createParser(json)) {
      expect(p.nextToken(), JsonToken.START_ARRAY, "an array of versions");
      while (p.nextToken() == JsonToken.VALUE_STRING) {
        versions.add(p.getText());
      }
      expect(p.currentToken(), JsonToken.END_ARRAY, "an array of strings");
      expect(p.nextToken(), null, "nothing after the versions");
    }
    return versions;
  }

  private static OsvEvent.Kind kind(String key) {
    for (OsvEvent.Kind k : OsvEvent.Kind.values()) {
      if (k.osvName().equals(key)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown event '" + key + "'");
  }

  private static void expect(JsonToken found, JsonToken wanted, String what) {
    if (found != wanted) {
      throw new IllegalArgumentException("expected " + what + ", found " + found);
    }
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static String write(Body body) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen: writing to a string", e);
    }
    return out.toString();
  }
}
