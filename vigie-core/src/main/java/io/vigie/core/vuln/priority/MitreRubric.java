package io.vigie.core.vuln.priority;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import us.springett.cvss.Cvss;

/**
 * Applies the MITRE "Rubric for Applying CVSS to Medical Devices" (v0.12.04, qualified by the FDA
 * as a Medical Device Development Tool in October 2020) to the answers the device model can give,
 * and computes the environmental score with cvss-calculator.
 *
 * <p>The rubric is about 45 questions; it sets the CVSS v3 metrics from their answers, and an
 * unknown answer counts as the worst one. Vigie answers the questions the model can, and records
 * them as environmental metrics so that the vendor's base vector stays visible beside them:
 *
 * <table>
 *   <caption>Rubric questions implemented</caption>
 *   <tr><th>questions</th><th>model input</th><th>effect</th></tr>
 *   <tr><td>XAVN, XAVT, XAVW, XAVR, XAVP (attack vector, Q1–Q5)</td><td>reachability</td>
 *       <td>MAV = the base AV capped by the reachability the model shows (internet N, adjacent A,
 *       local L, physical P); never raised, since the base AV says what the flaw needs</td></tr>
 *   <tr><td>XPRZ (must the attacker be authorised first?)</td><td>authenticationRequired</td>
 *       <td>PR:N becomes MPR:L; XPRS (admin needed?) is unknown, so Low, the worse answer</td></tr>
 *   <tr><td>XCP, XCPM, XIP, XAP (patient data read, many patients, modified, made
 *       inaccessible)</td><td>handlesHealthData</td>
 *       <td>CR, IR, AR High; a Low C, I or A impact becomes High (XCPM unknown counts as "many
 *       patients")</td></tr>
 *   <tr><td>XID, XAD, XIT, XAT, XIW, XAW (diagnosis, therapy and clinical-workflow integrity and
 *       availability)</td><td>clinicalFunction</td>
 *       <td>IR, AR High; a Low I or A impact becomes High</td></tr>
 * </table>
 *
 * <p>Not implemented, because the model cannot answer them; the vendor's base metric stands for
 * its own answer rather than being raised to the worst case, since it already states what the flaw
 * does: XACL (attack complexity), XPRL and XPRS (authorisation model, admin rights), XUI (user
 * interaction), XS (scope), XAVPA (physical access through the intended user interface), XCS/XIS/XAS
 * (private system data such as keys), XCO/XIO/XAO (other sensitive data), XCD/XCT/XCW (clinical
 * data confidentiality, which the health-data answer covers). An impact the base vector rates None
 * stays None: the rubric's "can the data be read?" is answered "no" by the vendor's analysis.
 *
 * <p>The environmental vector holds the base metrics and the rubric's metrics only: temporal and
 * threat metrics are left out, because exploitation evidence (EPSS, KEV) enters the priority
 * separately, and any environmental metric in the given vector is replaced. A v3.0 vector is scored
 * with the v3.1 environmental formulas, which fixed v3.0's changed-scope modified impact. CVSS v4.0
 * vectors receive the same adjustments on their v4 counterparts (MAV, MPR, CR/IR/AR, MVC/MVI/MVA)
 * and are scored as CVSS-BE; v4's Safety values (MSI:S, MSA:S) are not set.
 *
 * <p>A pure function: stateless, thread-safe, no I/O.
 */
public final class MitreRubric {

  private static final List<String> AV_ORDER = List.of("P", "L", "A", "N");

  /** Adjusts a vulnerability's CVSS score for one component of one device. */
  public AdjustedCvss apply(CvssScore cvss, MedicalDeviceContext context) {
    boolean v3 = cvss.version().isV3();
    Map<String, String> base = cvss.metrics();
    Map<String, String> environmental = new LinkedHashMap<>();
    List<RubricAdjustment> adjustments = new ArrayList<>();

    attackVector(base.get("AV"), context).ifPresent(a -> add(environmental, adjustments, a));
    privileges(base.get("PR"), context).ifPresent(a -> add(environmental, adjustments, a));
    for (String property : List.of("C", "I", "A")) {
      requirement(property, context).ifPresent(a -> add(environmental, adjustments, a));
    }
    for (String property : List.of("C", "I", "A")) {
      String baseMetric = v3 ? property : "V" + property;
      impact(property, baseMetric, base.get(baseMetric), context)
          .ifPresent(a -> add(environmental, adjustments, a));
    }

    CvssVersion scoredAs = cvss.version() == CvssVersion.V3_0 ? CvssVersion.V3_1 : cvss.version();
    String vector = scoredAs.prefix() + "/"
        + cvss.version().baseMetrics().stream().map(m -> m + ":" + base.get(m)).collect(Collectors.joining("/"))
        + environmental.entrySet().stream().map(e -> "/" + e.getKey() + ":" + e.getValue()).collect(Collectors.joining());
    var score = Cvss.fromVector(vector).calculateScore();
    double environmentalScore = v3 ? score.getEnvironmentalScore() : score.getBaseScore();
    return new AdjustedCvss(cvss, vector, environmentalScore, CvssSeverity.of(environmentalScore), adjustments);
  }

  private static void add(Map<String, String> environmental, List<RubricAdjustment> adjustments, RubricAdjustment a) {
    environmental.put(a.metric(), a.to());
    adjustments.add(a);
  }

  /** XAVN–XAVP: the flaw cannot be exploited from further away than the component can be reached. */
  private static Optional<RubricAdjustment> attackVector(String baseAv, MedicalDeviceContext context) {
    String cap = switch (context.reachability()) {
      case INTERNET -> "N";
      case ADJACENT -> "A";
      case LOCAL -> "L";
      case PHYSICAL -> "P";
    };
    if (AV_ORDER.indexOf(baseAv) <= AV_ORDER.indexOf(cap)) {
      return Optional.empty();
    }
    String where = switch (context.reachability()) {
      case ADJACENT -> "only from an adjacent network or radio link such as Bluetooth LE, not over a routed network";
      case LOCAL -> "only by a user or process already on the device, not over any network";
      case PHYSICAL -> "only by someone touching the device, not over any network or local session";
      case INTERNET -> throw new IllegalStateException("nothing is easier to reach than the internet");
    };
    return Optional.of(new RubricAdjustment("MAV", baseAv, cap, "XAVN, XAVT, XAVW, XAVR, XAVP",
        "Attack vector lowered from " + avName(baseAv) + " to " + avName(cap) + ": the model shows "
            + context.component() + " reachable " + where + "."));
  }

  /** XPRZ: authentication in front of the component means the attacker needs an account first. */
  private static Optional<RubricAdjustment> privileges(String basePr, MedicalDeviceContext context) {
    if (!context.authenticationRequired() || !basePr.equals("N")) {
      return Optional.empty();
    }
    return Optional.of(new RubricAdjustment("MPR", "N", "L", "XPRZ, XPRS",
        "Privileges required raised from None to Low: the model requires authentication before "
            + context.component() + " can be reached, and whether administrator rights are needed is not known."));
  }

  /** XCP/XIP/XAP and the clinical questions: what the component holds makes each property matter more. */
  private static Optional<RubricAdjustment> requirement(String property, MedicalDeviceContext context) {
    boolean healthData = context.handlesHealthData();
    boolean clinical = context.clinicalFunction() && !property.equals("C");
    if (!healthData && !clinical) {
      return Optional.empty();
    }
    return Optional.of(new RubricAdjustment(property + "R", "X", "H", questions(property, healthData, clinical),
        propertyName(property) + " requirement set to High: " + context.component() + " "
            + reasons(healthData, clinical) + "."));
  }

  /** A Low impact on a property the rubric rates High for this component becomes High. */
  private static Optional<RubricAdjustment> impact(
      String property, String baseMetric, String baseValue, MedicalDeviceContext context) {
    boolean healthData = context.handlesHealthData();
    boolean clinical = context.clinicalFunction() && !property.equals("C");
    if (!baseValue.equals("L") || (!healthData && !clinical)) {
      return Optional.empty();
    }
    String questions = questions(property, healthData, clinical) + (healthData && property.equals("C") ? ", XCPM" : "");
    return Optional.of(new RubricAdjustment("M" + baseMetric, "L", "H", questions,
        propertyName(property) + " impact raised from Low to High: " + context.component() + " "
            + reasons(healthData, clinical)
            + (property.equals("C") ? ", and how many patients an exposure reaches is not known" : "")
            + "."));
  }

  private static String questions(String property, boolean healthData, boolean clinical) {
    List<String> ids = new ArrayList<>();
    if (healthData) {
      ids.add("X" + property + "P");
    }
    if (clinical) {
      ids.addAll(List.of("X" + property + "D", "X" + property + "T", "X" + property + "W"));
    }
    return String.join(", ", ids);
  }

  private static String reasons(boolean healthData, boolean clinical) {
    if (healthData && clinical) {
      return "handles health data and has a clinical function";
    }
    return healthData ? "handles health data" : "has a clinical function";
  }

  private static String propertyName(String property) {
    return switch (property) {
      case "C" -> "Confidentiality";
      case "I" -> "Integrity";
      default -> "Availability";
    };
  }

  private static String avName(String av) {
    return switch (av) {
      case "N" -> "Network";
      case "A" -> "Adjacent";
      case "L" -> "Local";
      default -> "Physical";
    };
  }
}
