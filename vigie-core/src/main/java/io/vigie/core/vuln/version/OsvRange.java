package io.vigie.core.vuln.version;

import java.util.List;
import java.util.Objects;

/** One {@code affected[].ranges[]} entry: its ordering and its events, in the record's order. */
public record OsvRange(RangeType type, List<OsvEvent> events) {

  public OsvRange {
    Objects.requireNonNull(type, "type");
    events = List.copyOf(events);
    if (events.isEmpty()) {
      throw new IllegalArgumentException("an OSV range has at least one event");
    }
  }

  public static OsvRange of(RangeType type, OsvEvent... events) {
    return new OsvRange(type, List.of(events));
  }
}
