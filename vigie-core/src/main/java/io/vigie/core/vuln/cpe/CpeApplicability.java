package io.vigie.core.vuln.cpe;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Does an NVD record's {@code configurations[]} make one component vulnerable? The NVD applicability
 * rules, evaluated in three-valued (Kleene) logic because an SBOM is an incomplete picture of a
 * device:
 *
 * <ul>
 *   <li>each {@code cpeMatch} is TRUE when a CPE matches it ({@link CpeNameMatch}: name, then version
 *       and bounds): the component's own CPE for a vulnerable criterion, or any CPE of the SBOM (the
 *       environment); FALSE when the SBOM shows that product only in other versions or variants;
 *       UNKNOWN when the SBOM does not show the product at all; UNDECIDABLE when a version cannot be
 *       ordered or the CPE gives none;
 *   <li>a node is the AND or OR of its criteria, inverted when {@code negate}; a configuration the
 *       AND or OR of its nodes; the record applies when one configuration does.
 * </ul>
 *
 * A configuration applies to the component only if the component's own CPE matched one of its
 * <b>vulnerable</b> criteria in a non-negated node: a record never applies to a component because of
 * a platform criterion or another product. It applies <b>for sure</b> when the configuration is
 * TRUE, and <b>with the platform not shown</b> when it is UNKNOWN: typically "wolfSSL … running on
 * Windows" when the SBOM does not list the operating system. That case is reported, not dropped
 * (the SBOM may simply omit the platform), and the matcher lowers its confidence and says which
 * platform criteria were not shown (a choice: dropping it would hide real vulnerabilities of
 * incomplete SBOMs; keeping it at full confidence would repeat the classic CPE false positive). A
 * configuration that is FALSE does not apply; one that is UNDECIDABLE makes the record not
 * evaluable, and the component is then reported as not checked for it rather than clean.
 *
 * <p>Pure and stateless.
 */
public final class CpeApplicability {

  private CpeApplicability() {}

  /** The answer for one record and one component. */
  public sealed interface Verdict permits Applies, DoesNotApply, NotEvaluable {}

  /**
   * The record applies.
   *
   * @param criterion the vulnerable criterion the component's CPE matched
   * @param path where it is in the record, {@code configurations[0].nodes[0].cpeMatch[2]}
   * @param versionRule why the version matched ("version 4.8.1 < 5.2.0 (versionEndExcluding)")
   * @param platformsMet the other criteria of the configuration another SBOM CPE satisfied
   * @param platformsNotShown the criteria the configuration needs that the SBOM does not show
   */
  public record Applies(CpeMatchCriterion criterion, String path, String versionRule, List<String> platformsMet,
      List<String> platformsNotShown) implements Verdict {
    public Applies {
      Objects.requireNonNull(criterion, "criterion");
      platformsMet = List.copyOf(platformsMet);
      platformsNotShown = List.copyOf(platformsNotShown);
    }

    /** True when the SBOM shows everything the configuration needs. */
    public boolean certain() {
      return platformsNotShown.isEmpty();
    }
  }

  public record DoesNotApply() implements Verdict {}

  public record NotEvaluable(List<String> reasons) implements Verdict {
    public NotEvaluable {
      reasons = List.copyOf(reasons);
    }
  }

  private enum Truth { TRUE, FALSE, UNKNOWN, UNDECIDABLE }

  /**
   * @param configurations the record's configurations
   * @param target the component's CPE
   * @param environment every CPE the SBOM shows (the target may be among them)
   */
  public static Verdict evaluate(List<CpeConfiguration> configurations, Cpe target, List<Cpe> environment) {
    return evaluate(configurations, target, new CpeEnvironment(environment));
  }

  /** {@link #evaluate(List, Cpe, List)} with the SBOM's CPEs grouped once for every record. */
  public static Verdict evaluate(List<CpeConfiguration> configurations, Cpe target, CpeEnvironment environment) {
    Applies unsure = null;
    List<String> undecidable = new ArrayList<>();
    for (int ci = 0; ci < configurations.size(); ci++) {
      CpeConfiguration config = configurations.get(ci);
      Evaluation e = new Evaluation(target, environment, "configurations[" + ci + "]");
      Truth value = e.configuration(config);
      if (e.hit == null) {
        if (value == Truth.UNDECIDABLE && e.targetUndecidable != null) {
          undecidable.add(e.targetUndecidable);
        }
        continue;
      }
      if (value == Truth.TRUE) {
        return new Applies(e.hit, e.hitPath, e.hitRule, e.met, List.of());
      }
      if (value == Truth.UNKNOWN && unsure == null) {
        unsure = new Applies(e.hit, e.hitPath, e.hitRule, e.met, e.notShown);
      }
      if (value == Truth.UNDECIDABLE) {
        undecidable.add(e.hitPath + ": " + (e.otherUndecidable != null ? e.otherUndecidable : "a criterion cannot be decided"));
      }
    }
    if (unsure != null) {
      return unsure;
    }
    return undecidable.isEmpty() ? new DoesNotApply() : new NotEvaluable(undecidable);
  }

  /** One configuration's evaluation, remembering what the explanation needs. */
  private static final class Evaluation {
    private final Cpe target;
    private final CpeEnvironment environment;
    private final String prefix;
    CpeMatchCriterion hit;
    String hitPath;
    String hitRule;
    String targetUndecidable;
    String otherUndecidable;
    final List<String> met = new ArrayList<>();
    final List<String> notShown = new ArrayList<>();

    Evaluation(Cpe target, CpeEnvironment environment, String prefix) {
      this.target = target;
      this.environment = environment;
      this.prefix = prefix;
    }

    Truth configuration(CpeConfiguration config) {
      List<Truth> values = new ArrayList<>();
      for (int ni = 0; ni < config.nodes().size(); ni++) {
        values.add(node(config.nodes().get(ni), prefix + ".nodes[" + ni + "]"));
      }
      Truth t = combine(config.effectiveOperator(), values);
      return config.negate() ? not(t) : t;
    }

    private Truth node(CpeNode node, String path) {
      List<Truth> values = new ArrayList<>();
      int notShownBefore = notShown.size();
      for (int mi = 0; mi < node.cpeMatch().size(); mi++) {
        values.add(criterion(node.cpeMatch().get(mi), path + ".cpeMatch[" + mi + "]", !node.negate()));
      }
      Truth t = combine(node.operator(), values);
      if (t == Truth.TRUE) {
        // A node that holds needs nothing more: its unshown alternatives are not missing platforms.
        notShown.subList(notShownBefore, notShown.size()).clear();
      }
      return node.negate() ? not(t) : t;
    }

    private Truth criterion(CpeMatchCriterion c, String path, boolean countsAsHit) {
      if (c.vulnerable()) {
        CpeNameMatch.Result own = CpeNameMatch.test(c, target);
        if (own.outcome() == CpeNameMatch.Outcome.MATCH) {
          if (countsAsHit && hit == null) {
            hit = c;
            hitPath = path;
            hitRule = own.explanation();
          }
          return Truth.TRUE;
        }
        if (own.outcome() == CpeNameMatch.Outcome.UNDECIDABLE) {
          targetUndecidable = path + " " + c.describe() + ": " + own.explanation();
          return Truth.UNDECIDABLE;
        }
      }
      boolean shownOtherwise = false;
      String undecided = null;
      for (Cpe other : environment.sharingProductWith(c.cpe())) {
        if (c.vulnerable() && other.equals(target)) {
          continue; // already tested above
        }
        CpeNameMatch.Result r = CpeNameMatch.test(c, other);
        if (r.outcome() == CpeNameMatch.Outcome.MATCH) {
          met.add(c.criteria() + " by " + other);
          return Truth.TRUE;
        }
        if (r.outcome() == CpeNameMatch.Outcome.UNDECIDABLE) {
          undecided = path + " " + c.describe() + ": " + r.explanation();
        }
        shownOtherwise |= r.sameProduct();
      }
      if (c.vulnerable() && CpeNameMatch.test(c, target).sameProduct()) {
        shownOtherwise = true;
      }
      if (undecided != null) {
        otherUndecidable = undecided;
        return Truth.UNDECIDABLE;
      }
      if (shownOtherwise) {
        return Truth.FALSE;
      }
      notShown.add(c.describe());
      return Truth.UNKNOWN;
    }
  }

  private static Truth combine(CpeNode.Operator operator, List<Truth> values) {
    if (operator == CpeNode.Operator.AND) {
      if (values.contains(Truth.FALSE)) {
        return Truth.FALSE;
      }
    } else if (values.contains(Truth.TRUE)) {
      return Truth.TRUE;
    }
    if (values.contains(Truth.UNDECIDABLE)) {
      return Truth.UNDECIDABLE;
    }
    if (values.contains(Truth.UNKNOWN)) {
      return Truth.UNKNOWN;
    }
    return operator == CpeNode.Operator.AND ? Truth.TRUE : Truth.FALSE;
  }

  private static Truth not(Truth t) {
    return switch (t) {
      case TRUE -> Truth.FALSE;
      case FALSE -> Truth.TRUE;
      default -> t;
    };
  }
}
