package io.vigie.core.vuln.version;

import io.vigie.core.validation.InvalidInputException;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An {@link OsvAffected} entry compiled for repeated evaluation: each range's events are parsed
 * once under the range's ordering and sorted, so that evaluating a version parses only that
 * version (once per ordering). Immutable and thread-safe.
 *
 * <p>The algorithm is the OSV schema's "Evaluation" pseudocode: a version is affected if it is in
 * the {@code versions} list or in any range. In a range, if there are {@code limit} events the
 * version must be below one of them; then walking the events sorted by version ({@code introduced:
 * "0"} first), an {@code introduced} at or below the version turns "vulnerable" on, a {@code
 * fixed} at or below it turns it off, and a {@code last_affected} strictly below it turns it off.
 * Events with equal versions keep the record's order.
 */
public final class AffectedMatcher {

  private final OsvAffected affected;
  private final List<CompiledRange> ranges;
  /** The {@code versions} list made ready to search, on the first evaluation that needs it. */
  private volatile Listed listed;
  private final Optional<VersionScheme> ecosystemScheme;

  private AffectedMatcher(OsvAffected affected, List<CompiledRange> ranges, Optional<VersionScheme> ecosystemScheme) {
    this.affected = affected;
    this.ranges = ranges;
    this.ecosystemScheme = ecosystemScheme;
    // The listed versions are parsed at the first evaluation, not here: a scan compiles every
    // entry of its packages' advisories and evaluates most once, so parsing them up front and
    // ordering them in a tree (hundreds of releases for Django) cost more than the evaluations.
  }

  public static AffectedMatcher of(OsvAffected affected) {
    Optional<VersionScheme> ecosystemScheme = VersionSchemes.forEcosystem(affected.ecosystem());
    List<CompiledRange> compiled = new ArrayList<>();
    for (int i = 0; i < affected.ranges().size(); i++) {
      compiled.add(compile(i, affected.ranges().get(i), affected.ecosystem(), ecosystemScheme));
    }
    return new AffectedMatcher(affected, List.copyOf(compiled), ecosystemScheme);
  }

  public OsvAffected affected() {
    return affected;
  }

  /**
   * Evaluates {@code version}: {@link AffectedVerdict.Affected} with every piece of evidence,
   * {@link AffectedVerdict.NotEvaluable} when nothing says affected but some range could not be
   * evaluated, {@link AffectedVerdict.NotAffected} otherwise.
   */
  public AffectedVerdict evaluate(String version) {
    List<AffectedVerdict.Evidence> evidence = new ArrayList<>();
    List<String> unevaluable = new ArrayList<>();
    listed(version).ifPresent(evidence::add);
    for (CompiledRange range : ranges) {
      if (range.problem != null) {
        unevaluable.add(range.problem);
        continue;
      }
      Optional<Version> parsed = range.scheme.tryParse(version);
      if (parsed.isEmpty()) {
        unevaluable.add(
            "range " + range.index + ": '" + version + "' is not a valid " + range.scheme.name()
                + " version");
        continue;
      }
      range.covering(parsed.get()).ifPresent(evidence::add);
    }
    if (!evidence.isEmpty()) {
      return new AffectedVerdict.Affected(evidence);
    }
    if (!unevaluable.isEmpty()) {
      return new AffectedVerdict.NotEvaluable(unevaluable);
    }
    return new AffectedVerdict.NotAffected();
  }

  /**
   * How high this entry reaches ({@link AffectedCeiling}): for each range that can say
   * "affected", the highest version among its events, unless the range is still open after its
   * last one; and the highest listed version. A range with finite limits only is closed above
   * them, whatever its events say; a list the ecosystem cannot order, or none of whose versions it
   * parses, is unbounded (its texts are matched exactly).
   */
  public AffectedCeiling ceiling() {
    AffectedCeiling ceiling = AffectedCeiling.NONE;
    for (CompiledRange range : ranges) {
      if (range.problem == null) {
        ceiling = ceiling.with(range.ceiling());
      }
    }
    if (!affected.versions().isEmpty()) {
      if (ecosystemScheme.isEmpty()) {
        return AffectedCeiling.UNBOUNDED;
      }
      Version highest = null;
      for (String v : affected.versions()) {
        Optional<Version> parsed = ecosystemScheme.get().tryParse(v);
        if (parsed.isPresent() && (highest == null || parsed.get().compareTo(highest) > 0)) {
          highest = parsed.get();
        }
      }
      ceiling = highest == null ? AffectedCeiling.UNBOUNDED : ceiling.with(AffectedCeiling.at(highest));
    }
    return ceiling;
  }

  /** An exact match in {@code versions}, or else one the ecosystem calls equivalent. */
  private Optional<AffectedVerdict.Evidence> listed(String version) {
    if (affected.versions().isEmpty()) {
      return Optional.empty();
    }
    Listed l = listed;
    if (l == null) {
      // Racy but safe: two threads may both build it, from the same immutable entry, alike.
      listed = l = Listed.of(affected.versions(), ecosystemScheme);
    }
    if (l.exactly().contains(version)) {
      return Optional.of(new AffectedVerdict.ListedExplicitly(version));
    }
    if (l.parsed().isEmpty()) {
      return Optional.empty();
    }
    Optional<Version> parsed = ecosystemScheme.flatMap(s -> s.tryParse(version));
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    // In the list's order, so that the evidence names the first listed text the ecosystem calls
    // equal to the version: a scan over a list, which one evaluation needs no more than a tree.
    for (Map.Entry<Version, String> each : l.parsed()) {
      if (each.getKey().compareTo(parsed.get()) == 0) {
        return Optional.of(new AffectedVerdict.ListedExplicitly(each.getValue()));
      }
    }
    return Optional.empty();
  }

  /** The listed versions as texts, and those the ecosystem can parse, parsed, in the list's order. */
  private record Listed(Set<String> exactly, List<Map.Entry<Version, String>> parsed) {
    static Listed of(List<String> versions, Optional<VersionScheme> scheme) {
      List<Map.Entry<Version, String>> parsed = new ArrayList<>();
      scheme.ifPresent(s -> versions.forEach(v -> s.tryParse(v).ifPresent(p -> parsed.add(Map.entry(p, v)))));
      return new Listed(Set.copyOf(versions), List.copyOf(parsed));
    }
  }

  private static CompiledRange compile(
      int index, OsvRange range, String ecosystem, Optional<VersionScheme> ecosystemScheme) {
    VersionScheme scheme;
    switch (range.type()) {
      case GIT:
        return CompiledRange.unevaluable(
            index, "range " + index + " is a GIT commit range, not evaluable by version");
      case SEMVER:
        scheme = VersionSchemes.SEMVER;
        break;
      default:
        if (ecosystemScheme.isEmpty()) {
          return CompiledRange.unevaluable(
              index, "range " + index + ": no version ordering known for ecosystem " + ecosystem);
        }
        scheme = ecosystemScheme.get();
    }
    List<ParsedEvent> events = new ArrayList<>();
    for (OsvEvent event : range.events()) {
      Version parsed = null;
      if (!event.isFromTheStart() && !event.isNoLimit()) {
        try {
          parsed = scheme.parse(event.version());
        } catch (InvalidInputException e) {
          return CompiledRange.unevaluable(
              index, "range " + index + ": event '" + event + "' is not a valid " + scheme.name()
                  + " version");
        }
      }
      events.add(new ParsedEvent(event, parsed));
    }
    events.sort(ParsedEvent.ORDER); // List.sort is stable: other ties keep the record's order
    return new CompiledRange(index, range.type(), scheme, List.copyOf(events), null);
  }

  /** An event with its version parsed; null for {@code introduced: "0"} and {@code limit: "*"}. */
  private record ParsedEvent(OsvEvent event, Version version) {
    static final Comparator<ParsedEvent> ORDER = (a, b) -> {
      if (a.rank() != b.rank()) {
        return Integer.compare(a.rank(), b.rank());
      }
      int byVersion = a.version == null ? 0 : a.version.compareTo(b.version);
      if (byVersion != 0) {
        return byVersion;
      }
      // At one version, a fix closes the interval before an introduction opens the next: records
      // list their intervals in any order ("introduced 0.13.0, fixed 0.14.0rc1, introduced 0.12.2,
      // fixed 0.13.0" in PYSEC-2022-42972), and what they mean is the union of the intervals.
      return Boolean.compare(a.event.kind() == OsvEvent.Kind.INTRODUCED, b.event.kind() == OsvEvent.Kind.INTRODUCED);
    };

    /** 0 for the start, 2 for no limit, 1 for an event with a version. */
    private int rank() {
      return event.isFromTheStart() ? 0 : event.isNoLimit() ? 2 : 1;
    }
  }

  private static final class CompiledRange {
    final int index;
    final RangeType type;
    final VersionScheme scheme;
    final List<ParsedEvent> events;
    final String problem; // non-null when the range cannot be evaluated

    CompiledRange(
        int index, RangeType type, VersionScheme scheme, List<ParsedEvent> events, String problem) {
      this.index = index;
      this.type = type;
      this.scheme = scheme;
      this.events = events;
      this.problem = problem;
    }

    static CompiledRange unevaluable(int index, String problem) {
      return new CompiledRange(index, null, null, List.of(), problem);
    }

    Optional<AffectedVerdict.Evidence> covering(Version v) {
      if (!beforeLimits(v)) {
        return Optional.empty();
      }
      ParsedEvent openedBy = null;
      int openedAt = -1;
      for (int i = 0; i < events.size(); i++) {
        ParsedEvent e = events.get(i);
        switch (e.event.kind()) {
          case INTRODUCED:
            if (e.version == null || v.compareTo(e.version) >= 0) {
              openedBy = e;
              openedAt = i;
            }
            break;
          case FIXED:
            if (v.compareTo(e.version) >= 0) {
              openedBy = null;
            }
            break;
          case LAST_AFFECTED:
            if (v.compareTo(e.version) > 0) {
              openedBy = null;
            }
            break;
          default: // LIMIT: handled by beforeLimits
        }
      }
      if (openedBy == null) {
        return Optional.empty();
      }
      return Optional.of(
          new AffectedVerdict.InRange(index, type, openedBy.event, closing(openedAt)));
    }

    /** The first fixed or last_affected event after the introducing one, for the explanation. */
    private Optional<OsvEvent> closing(int openedAt) {
      for (int i = openedAt + 1; i < events.size(); i++) {
        OsvEvent.Kind kind = events.get(i).event.kind();
        if (kind == OsvEvent.Kind.FIXED || kind == OsvEvent.Kind.LAST_AFFECTED) {
          return Optional.of(events.get(i).event);
        }
      }
      return Optional.empty();
    }

    /**
     * Above every event, {@link #covering} walks them all: the last introduced, fixed or
     * last_affected event (sorted) decides whether the range is still open there, unless finite
     * limits alone close it. Events sort by version, so the last one with a version is the highest.
     */
    AffectedCeiling ceiling() {
      Version highest = null;
      OsvEvent.Kind last = null;
      boolean finiteLimit = false;
      boolean noLimit = false;
      for (ParsedEvent e : events) {
        if (e.version != null) {
          highest = e.version;
        }
        if (e.event.kind() == OsvEvent.Kind.LIMIT) {
          finiteLimit |= e.version != null;
          noLimit |= e.version == null;
        } else {
          last = e.event.kind();
        }
      }
      if (last == null) {
        return AffectedCeiling.NONE; // limits alone: nothing introduced, nothing affected
      }
      boolean closedByLimits = finiteLimit && !noLimit;
      if (last == OsvEvent.Kind.INTRODUCED && !closedByLimits || highest == null) {
        return AffectedCeiling.UNBOUNDED;
      }
      return AffectedCeiling.at(highest);
    }

    private boolean beforeLimits(Version v) {
      boolean anyLimit = false;
      for (ParsedEvent e : events) {
        if (e.event.kind() == OsvEvent.Kind.LIMIT) {
          anyLimit = true;
          if (e.version == null || v.compareTo(e.version) < 0) {
            return true;
          }
        }
      }
      return !anyLimit;
    }
  }
}
