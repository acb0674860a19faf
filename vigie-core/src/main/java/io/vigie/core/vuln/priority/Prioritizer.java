package io.vigie.core.vuln.priority;

import io.vigie.core.model.Severity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides how soon a vulnerability in a device component wants attention, from its CVSS score as
 * the {@link MitreRubric} adjusts it for the component, its EPSS probability, its KEV listing and
 * what the device model says about the component; and whether it is an uncontrolled risk in the
 * sense of the FDA postmarket guidance.
 *
 * <p><b>Terms.</b> <i>env</i> is the environmental score. <i>Remote</i>: the effective attack
 * vector (after the rubric) is Network or Adjacent. <i>Likely exploited</i>: EPSS ≥ 0.10, which
 * in FIRST's 2026-09-29 scores sits at about the 95th percentile. <i>Exploitable</i>: listed in
 * KEV, or likely exploited, or exploitable at will from a network: remote, attack complexity Low,
 * no privileges, no user interaction (and for v4.0, attack requirements None), all as effective
 * metrics. <i>Can harm patients</i>: the component's patient harm is Serious or worse and the flaw
 * touches integrity or availability (v4.0: of the vulnerable or a subsequent system); a loss of
 * confidentiality alone is not patient harm in the postmarket guidance's sense.
 *
 * <p><b>Postmarket risk</b> is uncontrolled when the vulnerability is exploitable and can harm
 * patients (FDA, "Postmarket Management of Cybersecurity in Medical Devices", December 2016:
 * exploitability × severity of patient harm), controlled otherwise.
 *
 * <p><b>Decision table</b>, first matching row wins:
 *
 * <table>
 *   <caption>Priority classes</caption>
 *   <tr><th>row</th><th>condition</th><th>class</th></tr>
 *   <tr><td>1</td><td>in KEV and remote</td><td>IMMEDIATE</td></tr>
 *   <tr><td>2</td><td>uncontrolled postmarket risk</td><td>IMMEDIATE</td></tr>
 *   <tr><td>3</td><td>in KEV (local or physical only)</td><td>HIGH</td></tr>
 *   <tr><td>4</td><td>env ≥ 9.0</td><td>HIGH</td></tr>
 *   <tr><td>5</td><td>env ≥ 7.0 and (likely exploited or patient harm ≥ Serious)</td><td>HIGH</td></tr>
 *   <tr><td>6</td><td>env ≥ 7.0</td><td>MEDIUM</td></tr>
 *   <tr><td>7</td><td>env ≥ 4.0 and (likely exploited or effective attack vector Network or
 *       patient harm ≥ Serious)</td><td>MEDIUM</td></tr>
 *   <tr><td>8</td><td>env &gt; 0.0</td><td>LOW</td></tr>
 *   <tr><td>9</td><td>env = 0.0</td><td>INFORMATIONAL</td></tr>
 * </table>
 *
 * <p><b>Deadlines.</b> An uncontrolled risk: customers notified within 30 days and the fix within
 * 60 days of {@code today}, the conditions under which the 2016 guidance (announced at 81 FR 95617)
 * does not expect a 21 CFR 806 report. A KEV listing: the catalog's due date, or the earlier of the two.
 * Otherwise none: a controlled risk is fixed in routine updates.
 *
 * <p>A pure function: no clock (the caller passes {@code today}, the day the manufacturer learned
 * of the vulnerability or the day of the assessment), no I/O, thread-safe.
 */
public final class Prioritizer {
  /** EPSS probability from which a vulnerability counts as likely exploited. */
  static final double LIKELY_EXPLOITED_EPSS = 0.10;
  static final int NOTIFY_CUSTOMERS_DAYS = 30;
  static final int REMEDIATE_DAYS = 60;

  private final MitreRubric rubric = new MitreRubric();

  /** The priority of a vulnerability with score {@code cvss} in the component {@code context} describes. */
  public Priority prioritize(CvssScore cvss, ExploitEvidence evidence, MedicalDeviceContext context, LocalDate today) {
    Objects.requireNonNull(cvss, "cvss");
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(today, "today");
    AdjustedCvss adjusted = rubric.apply(cvss, context);
    Facts facts = Facts.of(adjusted, evidence, context);
    PostmarketRisk risk = facts.exploitable() && facts.canHarmPatients()
        ? PostmarketRisk.UNCONTROLLED : PostmarketRisk.CONTROLLED;
    int rule = rule(facts, risk, adjusted.environmentalScore(), context.patientHarm());
    return new Priority(classOf(rule), rule, risk, sla(risk, evidence, today),
        adjusted, explanation(adjusted, evidence, context, risk, today));
  }

  private static int rule(Facts facts, PostmarketRisk risk, double env, Severity harm) {
    boolean harmful = harm.atLeast(Severity.SERIOUS);
    if (facts.knownExploited() && facts.remote()) {
      return 1;
    } else if (risk == PostmarketRisk.UNCONTROLLED) {
      return 2;
    } else if (facts.knownExploited()) {
      return 3;
    } else if (env >= 9.0) {
      return 4;
    } else if (env >= 7.0 && (facts.likelyExploited() || harmful)) {
      return 5;
    } else if (env >= 7.0) {
      return 6;
    } else if (env >= 4.0 && (facts.likelyExploited() || facts.network() || harmful)) {
      return 7;
    }
    return env > 0.0 ? 8 : 9;
  }

  private static PriorityClass classOf(int rule) {
    return switch (rule) {
      case 1, 2 -> PriorityClass.IMMEDIATE;
      case 3, 4, 5 -> PriorityClass.HIGH;
      case 6, 7 -> PriorityClass.MEDIUM;
      case 8 -> PriorityClass.LOW;
      default -> PriorityClass.INFORMATIONAL;
    };
  }

  private static Sla sla(PostmarketRisk risk, ExploitEvidence evidence, LocalDate today) {
    Optional<LocalDate> notify = Optional.empty();
    Optional<LocalDate> remediate = Optional.empty();
    List<String> basis = new ArrayList<>();
    if (risk == PostmarketRisk.UNCONTROLLED) {
      notify = Optional.of(today.plusDays(NOTIFY_CUSTOMERS_DAYS));
      remediate = Optional.of(today.plusDays(REMEDIATE_DAYS));
      basis.add("uncontrolled risk: customers notified within 30 days and the fix within 60 days"
          + " (FDA postmarket cybersecurity guidance, December 2016)");
    }
    if (evidence.kevDueDate().isPresent()) {
      LocalDate due = evidence.kevDueDate().get();
      remediate = Optional.of(remediate.filter(d -> d.isBefore(due)).orElse(due));
      basis.add("listed in CISA KEV with due date " + due);
    }
    if (basis.isEmpty()) {
      basis.add("controlled risk: fixed in a routine update, no deadline set by the FDA guidance or KEV");
    }
    return new Sla(notify, remediate, capitalise(String.join("; ", basis)) + ".");
  }

  private static String explanation(
      AdjustedCvss adjusted, ExploitEvidence evidence, MedicalDeviceContext context, PostmarketRisk risk, LocalDate today) {
    List<String> clauses = new ArrayList<>();
    if (evidence.knownExploited()) {
      clauses.add("known exploited" + evidence.kevDueDate()
          .map(d -> " (CISA KEV, due " + d + (d.isBefore(today) ? ", overdue" : "") + ")").orElse(" (CISA KEV)"));
    }
    // Three decimals: EPSS spans orders of magnitude below 0.1, where most vulnerabilities sit.
    evidence.epss().ifPresent(p -> clauses.add("EPSS "
        + BigDecimal.valueOf(p).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()));
    if (clauses.isEmpty()) {
      clauses.add("no known exploitation");
    }
    clauses.add(context.component() + " " + switch (context.reachability()) {
      case INTERNET -> "reachable from the internet";
      case ADJACENT -> "reachable from an adjacent network or radio link";
      case LOCAL -> "reachable only from the device itself";
      case PHYSICAL -> "reachable only by touching the device";
    } + (context.authenticationRequired() ? " after authentication" : ""));
    if (context.handlesHealthData()) {
      clauses.add("handles health data");
    }
    if (context.clinicalFunction()) {
      clauses.add("has a clinical function");
    }
    clauses.add("worst patient harm " + context.patientHarm().name().toLowerCase(Locale.ROOT));
    if (risk == PostmarketRisk.UNCONTROLLED) {
      clauses.add("uncontrolled risk to patients");
    }
    clauses.add("CVSS " + adjusted.base().baseScore() + " (environmental " + adjusted.environmentalScore() + ")");
    return String.join("; ", clauses);
  }

  private static String capitalise(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** The yes/no answers the decision table asks, read from the effective metrics. */
  private record Facts(
      boolean knownExploited, boolean likelyExploited, boolean remote, boolean network,
      boolean exploitable, boolean canHarmPatients) {

    static Facts of(AdjustedCvss cvss, ExploitEvidence evidence, MedicalDeviceContext context) {
      boolean v4 = !cvss.base().version().isV3();
      String av = cvss.effective("AV", "MAV");
      boolean remote = av.equals("N") || av.equals("A");
      boolean likely = evidence.epss().isPresent() && evidence.epss().getAsDouble() >= LIKELY_EXPLOITED_EPSS;
      boolean atWill = remote
          && cvss.effective("AC", "MAC").equals("L")
          && cvss.effective("PR", "MPR").equals("N")
          && cvss.effective("UI", "MUI").equals("N")
          && (!v4 || cvss.effective("AT", "MAT").equals("N"));
      boolean touchesSafety = v4
          ? List.of("VI", "VA", "SI", "SA").stream().anyMatch(m -> !cvss.effective(m, "M" + m).equals("N"))
          : !cvss.effective("I", "MI").equals("N") || !cvss.effective("A", "MA").equals("N");
      return new Facts(evidence.knownExploited(), likely, remote, av.equals("N"),
          evidence.knownExploited() || likely || atWill,
          touchesSafety && context.patientHarm().atLeast(Severity.SERIOUS));
    }
  }
}
