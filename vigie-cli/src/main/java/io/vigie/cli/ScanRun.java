package io.vigie.cli;

import io.vigie.core.sbom.Sbom;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.vex.VexDecisions;
import io.vigie.core.vuln.EpssScore;
import io.vigie.core.vuln.KevEntry;
import io.vigie.core.vuln.VulnerabilityFinding;
import io.vigie.core.vuln.VulnerabilityGate;
import io.vigie.core.vuln.VulnerabilityScan;
import io.vigie.core.vuln.cpe.CpeMode;
import io.vigie.core.vuln.csaf.CsafMatcher;
import io.vigie.core.vuln.match.MatchMerger;
import io.vigie.core.vuln.match.MatchResult;
import io.vigie.core.vuln.match.VulnerabilityMatch;
import io.vigie.core.vuln.match.VulnerabilityMatcher;
import io.vigie.core.vuln.priority.CvssScore;
import io.vigie.core.vuln.priority.ExploitEvidence;
import io.vigie.core.vuln.priority.MedicalDeviceContext;
import io.vigie.core.vuln.priority.Prioritizer;
import io.vigie.core.vuln.priority.Priority;
import io.vigie.store.vuln.VulnerabilityDatabase;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One SBOM through the vulnerability pipeline, shared by {@code scan} and {@code analyze}: match
 * (every matcher's results merged by ID and alias), enrich with KEV and EPSS, score CVSS from the
 * vectors, prioritise for the device, and apply the gate. The database is the caller's (open once
 * for several SBOMs).
 */
final class ScanRun {
  private final VulnerabilityDatabase database;
  private final VulnerabilityGate gate;
  private final LocalDate today;
  /** The OSV advisories, each read once per run (several SBOMs of one device share packages). */
  private final io.vigie.core.vuln.match.AdvisorySource advisories;
  private final VexDecisions decisions;
  private final CpeMode cpeMode;
  private final io.vigie.core.vuln.csaf.CsafAdvisorySource csafSource;

  ScanRun(VulnerabilityDatabase database, VulnerabilityGate.Policy policy, LocalDate today) {
    this(database, policy, today, VexDecisions.none(), CpeMode.OFF);
  }

  ScanRun(VulnerabilityDatabase database, VulnerabilityGate.Policy policy, LocalDate today, VexDecisions decisions) {
    this(database, policy, today, decisions, CpeMode.OFF);
  }

  /**
   * {@code decisions}: the VEX statements to apply; {@code cpeMode}: whether the components package
   * URLs cannot check are matched by CPE (opt-in).
   */
  ScanRun(VulnerabilityDatabase database, VulnerabilityGate.Policy policy, LocalDate today, VexDecisions decisions,
      CpeMode cpeMode) {
    this.cpeMode = cpeMode;
    this.database = database;
    this.decisions = decisions;
    this.gate = new VulnerabilityGate(policy);
    this.today = today;
    // Reads the names advisories cover, so that only the components some advisory names are
    // looked up (on the database thread of ScanCommand, while the SBOM is read).
    this.advisories = database.advisorySource();
    this.csafSource = database.csafSource();
  }

  /** Warns on stderr when the database is empty or older than {@code maxAgeDays}, after the upgrade notice. */
  static void warnIfStale(VulnerabilityDatabase database, String where, int maxAgeDays, PrintWriter err) {
    upgradeNotice(database, where).ifPresent(err::println);
    staleWarning(database, where, maxAgeDays).ifPresent(err::println);
  }

  /** The note to print when opening the database upgraded it: why this run took seconds more. */
  static Optional<String> upgradeNotice(VulnerabilityDatabase database, String where) {
    return database.upgradedOnOpen() ? Optional.of("note: the vulnerability database at " + where + " was upgraded"
        + " to this version of Vigie's schema on this run, once; the next runs skip it") : Optional.empty();
  }

  /** The warning to print when the database is empty or older than {@code maxAgeDays}. */
  static Optional<String> staleWarning(VulnerabilityDatabase database, String where, int maxAgeDays) {
    if (!database.hasAdvisories()) {
      return Optional.of("warning: the vulnerability database at " + where + " is empty: run `vigie db import` first");
    }
    return database.lastUpdated().flatMap(last -> {
      long days = Duration.between(last, Instant.now()).toDays();
      return days > maxAgeDays ? Optional.of("warning: the vulnerability database was last updated " + days
          + " days ago (" + last + "); findings may be missing") : Optional.empty();
    });
  }


  /** {@link #scan(Sbom, String, MedicalDeviceContext, String, String)} for the product the SBOM describes. */
  VulnerabilityScan scan(Sbom bom, String label, MedicalDeviceContext context) {
    return scan(bom, label, context, bom.describes().map(d -> d.name()).orElse(label),
        bom.describes().flatMap(d -> d.version()).orElse(""));
  }

  /** The SBOM's findings, with the VEX decisions that hold for {@code product} at {@code release}. */
  VulnerabilityScan scan(Sbom bom, String label, MedicalDeviceContext context, String product, String release) {
    MatchResult osv = new VulnerabilityMatcher(advisories).match(bom.components());
    List<VulnerabilityMatch> all = new ArrayList<>(osv.matches());
    List<VulnerabilityMatch> csaf = new CsafMatcher(csafSource).match(bom.components()).matches();
    all.addAll(csaf);
    // A component a CSAF advisory names was checked, by its maker's advisory: it is no longer
    // "not checked" for want of a package URL.
    Set<String> csafChecked = new java.util.HashSet<>();
    csaf.forEach(m -> csafChecked.add(m.componentRef()));
    CpeStep.Outcome cpe = CpeStep.run(database, cpeMode, bom, osv.notChecked());
    all.addAll(cpe.matches());
    List<io.vigie.core.vuln.match.NotChecked> notChecked = cpe.notChecked().stream()
        .filter(n -> !csafChecked.contains(n.componentRef())).toList();
    List<VulnerabilityMatch> merged = MatchMerger.merge(all);
    // KEV and EPSS for every CVE of every finding in two queries, not two per CVE.
    List<String> cves = merged.stream().flatMap(m -> m.ids().stream()).filter(id -> id.startsWith("CVE-")).toList();
    java.util.Map<String, KevEntry> kevs = database.kevEntries(cves);
    java.util.Map<String, EpssScore> epss = database.epssScores(cves);
    List<VulnerabilityFinding> findings = new ArrayList<>(merged.size());
    for (VulnerabilityMatch m : merged) {
      VulnerabilityFinding f = enrich(m, context, kevs, epss);
      String component = m.purl() != null && !m.purl().isBlank() ? m.purl() : m.componentName();
      findings.add(f.withVex(decisions.decide(new java.util.HashSet<>(m.ids()), component,
          m.version() == null ? "" : m.version(), product, release)));
    }
    String subject = bom.describes().map(d -> d.nameAndVersion()).orElse(label);
    return new VulnerabilityScan(label, subject, osv.components(), findings, notChecked, gate.reasons(findings));
  }

  private VulnerabilityFinding enrich(VulnerabilityMatch m, MedicalDeviceContext context,
      java.util.Map<String, KevEntry> kevs, java.util.Map<String, EpssScore> scores) {
    Optional<KevEntry> kev = Optional.empty();
    Optional<EpssScore> epss = Optional.empty();
    for (String id : m.ids()) {
      if (id.startsWith("CVE-")) {
        kev = kev.or(() -> Optional.ofNullable(kevs.get(id)));
        epss = epss.or(() -> Optional.ofNullable(scores.get(id)));
      }
    }
    Optional<CvssScore> cvss = Optional.empty();
    for (String vector : m.cvssVectors()) {
      try {
        CvssScore s = CvssScore.parse(vector);
        if (cvss.isEmpty() || s.baseScore() > cvss.get().baseScore()) {
          cvss = Optional.of(s);
        }
      } catch (InvalidInputException e) {
        // A vector the calculator refuses is left out; the others still score the finding.
      }
    }
    ExploitEvidence evidence = kev.map(k -> ExploitEvidence.kev(k.dueDate())).orElse(ExploitEvidence.none());
    if (epss.isPresent()) {
      evidence = evidence.withEpss(epss.get().probability());
    }
    ExploitEvidence finalEvidence = evidence;
    Optional<Priority> priority = cvss.map(c -> new Prioritizer().prioritize(c, finalEvidence, context, today));
    return new VulnerabilityFinding(m, kev, epss, cvss, priority, context);
  }
}
