package io.vigie.core.vuln.csaf;

import io.vigie.core.vuln.version.Version;
import io.vigie.core.vuln.version.VersionScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a CSAF version condition orders versions: an ecosystem's own scheme when a {@code vers:}
 * range names one Vigie knows (Maven, npm, PyPI…), otherwise dotted-numeric ({@code 1.2.10} after
 * {@code 1.2.9}, missing parts are zero, {@code 3.x} in a bound means "any 3.something"). Anything
 * else (letters, dates, build tags) is not ordered: a wrong order silently turns "affected" into
 * "not affected", so an unknown shape is said to be unknown, never guessed.
 */
sealed interface VersionOrder {

  String name();

  /** True when {@code bound} can be a bound of a range under this order. */
  boolean isBound(String bound);

  /** Sign of {@code version} against {@code bound}, or empty when {@code version} is not one of this order. */
  Optional<Integer> compare(String version, String bound);

  static VersionOrder of(Optional<VersionScheme> scheme) {
    return scheme.<VersionOrder>map(Scheme::new).orElse(new Dotted());
  }

  /** An ecosystem's own ordering. */
  record Scheme(VersionScheme scheme) implements VersionOrder {
    @Override
    public String name() {
      return scheme.name();
    }

    @Override
    public boolean isBound(String bound) {
      return scheme.isValid(bound);
    }

    @Override
    public Optional<Integer> compare(String version, String bound) {
      Optional<Version> v = scheme.tryParse(version);
      Optional<Version> b = scheme.tryParse(bound);
      return v.isPresent() && b.isPresent() ? Optional.of(Integer.signum(v.get().compareTo(b.get()))) : Optional.empty();
    }
  }

  /** Dotted-numeric versions, with an optional {@code v} and {@code .x} wildcards in bounds. */
  record Dotted() implements VersionOrder {
    private static final Pattern VERSION = Pattern.compile("[vV]?\\d+(\\.\\d+)*");
    private static final Pattern BOUND = Pattern.compile("[vV]?\\d+(\\.\\d+)*(\\.[xX*])*");

    @Override
    public String name() {
      return "dotted-numeric";
    }

    @Override
    public boolean isBound(String bound) {
      return BOUND.matcher(bound).matches();
    }

    @Override
    public Optional<Integer> compare(String version, String bound) {
      if (!VERSION.matcher(version).matches() || !isBound(bound)) {
        return Optional.empty();
      }
      List<Long> v = parts(version);
      List<Long> b = parts(bound);
      // A wildcard bound ("11.x") fixes only its leading parts: compare on those alone.
      int width = bound.matches(".*\\.[xX*].*") ? b.size() : Math.max(v.size(), b.size());
      for (int i = 0; i < width; i++) {
        long x = i < v.size() ? v.get(i) : 0;
        long y = i < b.size() ? b.get(i) : 0;
        if (x != y) {
          return Optional.of(x < y ? -1 : 1);
        }
      }
      return Optional.of(0);
    }

    private static List<Long> parts(String text) {
      String t = text.startsWith("v") || text.startsWith("V") ? text.substring(1) : text;
      List<Long> out = new ArrayList<>();
      for (String p : t.split("\\.")) {
        if (p.equalsIgnoreCase("x") || p.equals("*")) {
          break;
        }
        // Long parts such as CISA's "4107600010" stay exact; absurd lengths are not numbers we order.
        out.add(p.length() > 18 ? Long.MAX_VALUE : Long.parseLong(p));
      }
      return out;
    }
  }
}
