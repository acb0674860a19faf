package io.vigie.core.vuln.csaf;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The versions a CSAF product covers, parsed from its {@code product_version} or {@code
 * product_version_range} branch. Three shapes:
 *
 * <ul>
 *   <li>{@link AllVersions}: {@code vers:all/*}, "all versions";
 *   <li>{@link Constraints}: a {@code vers:} range, evaluated with the ecosystem's own ordering when
 *       Vigie knows the scheme and dotted-numeric otherwise, or the prose CISA writes once read as
 *       one ({@code <=3.2}, {@code < 5.0}, {@code >= 4.0 | <= 4.6}, "prior to 2.1", "2.3.6 and
 *       below", {@code 3.x}); a {@code product_version} without an operator is one exact version;
 *   <li>{@link Unevaluable}: dates ("distributed < april 1, 2018"), letters where order is
 *       ambiguous ({@code <= 2.4A}, {@code <= U61}), free text. Kept with the reason, so a match
 *       on such a product is reported as unchecked instead of dropped or guessed.
 * </ul>
 */
public sealed interface CsafVersionCondition {

  /** The text as the publisher wrote it. */
  String text();

  /** Whether {@code version} (the SBOM component's) is covered, and why. */
  Verdict test(Optional<String> version);

  /** The outcome of {@link #test}. */
  sealed interface Verdict {
    String why();
  }

  record In(String why) implements Verdict {}

  record Out(String why) implements Verdict {}

  /** Could not be decided: the condition or the component's version is not one Vigie can order. */
  record Unknown(String why) implements Verdict {}

  /** Every version. */
  record AllVersions(String text) implements CsafVersionCondition {
    @Override
    public Verdict test(Optional<String> version) {
      return new In("'" + text + "' covers every version");
    }
  }

  /** One {@code vers} constraint: a comparator and a version. */
  record Constraint(String comparator, String version) {}

  /**
   * A list of {@code vers} constraints, evaluated by the vers specification's algorithm: equal to
   * an {@code =} version, or inside an interval the sorted {@code < <= > >=} bounds open and close.
   */
  record Constraints(String text, List<Constraint> constraints, VersionOrder order) implements CsafVersionCondition {
    public Constraints {
      Objects.requireNonNull(text, "text");
      constraints = List.copyOf(constraints);
      Objects.requireNonNull(order, "order");
    }

    @Override
    public Verdict test(Optional<String> version) {
      if (version.isEmpty() || version.get().isBlank()) {
        return new Unknown("the component has no version to compare with '" + text + "'");
      }
      String v = version.get().strip();
      List<Constraint> ranges = new ArrayList<>();
      boolean onlyNotEqual = true;
      for (Constraint c : constraints) {
        switch (c.comparator()) {
          case "=" -> {
            onlyNotEqual = false;
            if (equal(v, c.version())) {
              return new In("version " + v + " is the version '" + text + "' names");
            }
          }
          case "!=" -> {
            if (equal(v, c.version())) {
              return new Out("version " + v + " is excluded by '" + text + "'");
            }
          }
          default -> {
            onlyNotEqual = false;
            ranges.add(c);
          }
        }
      }
      if (ranges.isEmpty()) {
        return onlyNotEqual ? new In("version " + v + " is not excluded by '" + text + "'")
            : new Out("version " + v + " is not listed in '" + text + "'");
      }
      int[] signs = new int[ranges.size()];
      for (int i = 0; i < ranges.size(); i++) {
        Optional<Integer> sign = order.compare(v, ranges.get(i).version());
        if (sign.isEmpty()) {
          return new Unknown("the component's version '" + v + "' is not a " + order.name()
              + " version, so it cannot be compared with '" + text + "'");
        }
        signs[i] = sign.get();
      }
      String in = "version " + v + " is in '" + text + "' (" + order.name() + " order)";
      if (isBelow(ranges.get(0).comparator()) && holds(ranges.get(0).comparator(), signs[0])) {
        return new In(in);
      }
      int last = ranges.size() - 1;
      if (!isBelow(ranges.get(last).comparator()) && holds(ranges.get(last).comparator(), signs[last])) {
        return new In(in);
      }
      for (int i = 0; i < last; i++) {
        if (!isBelow(ranges.get(i).comparator()) && isBelow(ranges.get(i + 1).comparator())
            && holds(ranges.get(i).comparator(), signs[i]) && holds(ranges.get(i + 1).comparator(), signs[i + 1])) {
          return new In(in);
        }
      }
      return new Out("version " + v + " is outside '" + text + "' (" + order.name() + " order)");
    }

    private boolean equal(String v, String listed) {
      Optional<Integer> sign = order.compare(v, listed);
      // An exact version that is no ordered version ("B.02", "BT06") is compared as text:
      // equality needs no order, so it stays unambiguous.
      return sign.map(s -> s == 0).orElseGet(() -> CsafNames.versionText(v).equals(CsafNames.versionText(listed)));
    }

    private static boolean isBelow(String comparator) {
      return comparator.startsWith("<");
    }

    private static boolean holds(String comparator, int sign) {
      return switch (comparator) {
        case "<" -> sign < 0;
        case "<=" -> sign <= 0;
        case ">" -> sign > 0;
        case ">=" -> sign >= 0;
        default -> false;
      };
    }
  }

  /** A version text Vigie cannot evaluate, and why. */
  record Unevaluable(String text, String reason) implements CsafVersionCondition {
    @Override
    public Verdict test(Optional<String> version) {
      return new Unknown("version text '" + text + "' cannot be evaluated: " + reason);
    }
  }

  /**
   * Parses a {@code product_version} ({@code range} false: one version unless it is written as a
   * range) or a {@code product_version_range} ({@code range} true). Never throws: what cannot be
   * read is an {@link Unevaluable} with the reason.
   */
  static CsafVersionCondition parse(String text, boolean range) {
    return CsafVersionText.parse(text, range);
  }
}
