package io.vigie.core.vuln.cpe;

import java.util.Optional;

/**
 * Does one NVD criterion match one CPE name? Attribute by attribute per NISTIR 7696 (the criterion
 * is the source, the component's CPE the target; a match needs every attribute EQUAL or SUPERSET),
 * with two deliberate choices where the SBOM's CPE says less than the criterion:
 *
 * <ul>
 *   <li>version: a criterion naming a version or bounds, against a CPE without a version ({@code *}),
 *       is <b>undecidable</b>, not a match and not a miss: the component may or may not be that
 *       version. A criterion version NA ({@code -}, a product without versions) matches an ANY.
 *   <li>the other attributes (update, edition, language, sw_edition, target_sw, target_hw, other):
 *       a criterion value NA matches a CPE's ANY (SBOM CPEs leave them {@code *}, NVD often writes
 *       {@code -} for "no update"); a specific value ({@code update rc1}, {@code target_sw wordpress})
 *       does not: the record is about a variant the SBOM does not claim to ship.
 * </ul>
 *
 * Version bounds are checked with {@link CpeVersion}; a pair it cannot order makes the criterion
 * undecidable. Package-private: {@link CpeApplicability} is the entry point.
 */
final class CpeNameMatch {

  enum Outcome { MATCH, NO_MATCH, UNDECIDABLE }

  /**
   * @param sameProduct part, vendor and product agree (a miss then means "another version or variant")
   * @param explanation why, in words: the version rule that matched, or what failed
   */
  record Result(Outcome outcome, boolean sameProduct, String explanation) {}

  private CpeNameMatch() {}

  static Result test(CpeMatchCriterion criterion, Cpe target) {
    Cpe source = criterion.cpe();
    for (int i : new int[] {0, 1, 2}) {
      CpeValue.Relation r = source.attributes().get(i).compareAsSource(target.attributes().get(i));
      if (r != CpeValue.Relation.EQUAL && r != CpeValue.Relation.SUPERSET) {
        return new Result(Outcome.NO_MATCH, false, "another product");
      }
    }
    if (target.hasWildcard()) {
      return new Result(Outcome.UNDECIDABLE, true, "the CPE " + target + " is a pattern, not one product version");
    }
    for (int i = 4; i < 11; i++) {
      CpeValue s = source.attributes().get(i);
      CpeValue t = target.attributes().get(i);
      CpeValue.Relation r = s.compareAsSource(t);
      boolean ok = r == CpeValue.Relation.EQUAL || r == CpeValue.Relation.SUPERSET
          || (r == CpeValue.Relation.SUBSET && s.isNa() && t.isAny());
      if (!ok) {
        return new Result(Outcome.NO_MATCH, true, Cpe.NAMES[i] + " " + s.logical() + " in the criterion, "
            + t.logical() + " in the CPE");
      }
    }
    return version(criterion, target);
  }

  private static Result version(CpeMatchCriterion criterion, Cpe target) {
    CpeValue s = criterion.cpe().version();
    CpeValue t = target.version();
    if (!criterion.hasBounds()) {
      switch (s.compareAsSource(t)) {
        case EQUAL:
          return new Result(Outcome.MATCH, true, s.isAny() ? "the criterion covers every version"
              : "version " + t.logical() + " is the criterion's version");
        case SUPERSET:
          return new Result(Outcome.MATCH, true, s.isAny() ? "the criterion covers every version (" + t.logical() + ")"
              : "version " + t.logical() + " matches the criterion's version pattern " + s.logical());
        case SUBSET:
          if (s.isNa()) {
            return new Result(Outcome.MATCH, true, "the product has no versions (criterion version '-')");
          }
          return new Result(Outcome.UNDECIDABLE, true, "the CPE " + target + " gives no version, the criterion names " + s.logical());
        default:
          return new Result(Outcome.NO_MATCH, true, "version " + t.logical() + " is not " + s.logical());
      }
    }
    if (!s.isAny()) {
      CpeValue.Relation r = s.compareAsSource(t);
      if (r != CpeValue.Relation.EQUAL && r != CpeValue.Relation.SUPERSET) {
        return new Result(Outcome.NO_MATCH, true, "version " + t.logical() + " is not " + s.logical());
      }
    }
    if (t.kind() != CpeValue.Kind.VALUE) {
      return new Result(Outcome.UNDECIDABLE, true, "the CPE " + target + " gives no version to compare with "
          + bounds(criterion));
    }
    String v = t.logical();
    StringBuilder why = new StringBuilder("version ").append(v);
    String[] names = {"versionStartIncluding", "versionStartExcluding", "versionEndIncluding", "versionEndExcluding"};
    @SuppressWarnings("unchecked")
    Optional<String>[] values = new Optional[] {criterion.versionStartIncluding(), criterion.versionStartExcluding(),
        criterion.versionEndIncluding(), criterion.versionEndExcluding()};
    String[] signs = {">=", ">", "<=", "<"};
    boolean first = true;
    for (int k = 0; k < 4; k++) {
      if (values[k].isEmpty()) {
        continue;
      }
      String bound = values[k].get();
      Optional<Integer> c = CpeVersion.compare(v, bound);
      if (c.isEmpty()) {
        return new Result(Outcome.UNDECIDABLE, true, CpeVersion.whyNotComparable(v, bound) + " (" + names[k] + ")");
      }
      int cmp = c.get();
      boolean holds = switch (k) {
        case 0 -> cmp >= 0;
        case 1 -> cmp > 0;
        case 2 -> cmp <= 0;
        default -> cmp < 0;
      };
      if (!holds) {
        return new Result(Outcome.NO_MATCH, true, "version " + v + " is outside " + bounds(criterion)
            + " (not " + signs[k] + " " + bound + ")");
      }
      why.append(first ? " " : " and ").append(signs[k]).append(' ').append(bound).append(" (").append(names[k]).append(')');
      first = false;
    }
    return new Result(Outcome.MATCH, true, why.toString());
  }

  static String bounds(CpeMatchCriterion c) {
    StringBuilder out = new StringBuilder();
    c.versionStartIncluding().ifPresent(v -> out.append(">= ").append(v));
    c.versionStartExcluding().ifPresent(v -> out.append("> ").append(v));
    c.versionEndIncluding().ifPresent(v -> out.append(out.length() > 0 ? ", " : "").append("<= ").append(v));
    c.versionEndExcluding().ifPresent(v -> out.append(out.length() > 0 ? ", " : "").append("< ").append(v));
    return "[" + out + "]";
  }
}
