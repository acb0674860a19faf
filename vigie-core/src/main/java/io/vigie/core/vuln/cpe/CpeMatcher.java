package io.vigie.core.vuln.cpe;

import io.vigie.core.sbom.SbomComponent;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.vuln.match.MatchConfidence;
import io.vigie.core.vuln.match.MatchMerger;
import io.vigie.core.vuln.match.MatchMethod;
import io.vigie.core.vuln.match.NotChecked;
import io.vigie.core.vuln.match.VulnerabilityMatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Matches SBOM components to NVD records by CPE, for what package URLs cannot cover (operating
 * systems, firmware, C libraries). For each component to check: take its CPE from the SBOM
 * (confidence MEDIUM) or, in {@link CpeMode#GUESS}, build one from its supplier and name (LOW); ask
 * the source for the records that name that vendor and product; evaluate each record's
 * configurations with {@link CpeApplicability} against the component's CPE and every CPE the SBOM
 * shows. A match whose configuration needs a platform the SBOM does not show is lowered to LOW.
 * Every match's rule names the CPE used, the criterion and where it is in the record, and the
 * version bound that held. Rejected records never match. Pure: the source does the I/O.
 */
public final class CpeMatcher {
  private final CpeCandidateSource source;
  private final CpeMode mode;

  public CpeMatcher(CpeCandidateSource source, CpeMode mode) {
    this.source = source;
    this.mode = mode;
  }

  /**
   * @param toCheck the components to match (those package URLs could not check)
   * @param all every component of the SBOM, whose CPEs can satisfy a configuration's platform
   */
  public CpeMatchResult match(List<SbomComponent> toCheck, List<SbomComponent> all) {
    if (mode == CpeMode.OFF) {
      return new CpeMatchResult(List.of(), List.of(), Set.of());
    }
    List<Cpe> cpes = new ArrayList<>();
    for (SbomComponent c : all) {
      c.cpe().flatMap(CpeMatcher::tryParse).ifPresent(cpes::add);
    }
    CpeEnvironment environment = new CpeEnvironment(cpes);
    Map<String, List<NvdCve>> cache = new HashMap<>();
    List<VulnerabilityMatch> matches = new ArrayList<>();
    List<NotChecked> notChecked = new ArrayList<>();
    Set<String> checked = new LinkedHashSet<>();
    for (SbomComponent c : toCheck) {
      List<Identity> identities = new ArrayList<>();
      if (c.cpe().isPresent()) {
        try {
          identities.add(new Identity(Cpe.parse(c.cpe().get()), MatchConfidence.MEDIUM, "from the SBOM"));
        } catch (InvalidInputException e) {
          notChecked.add(new NotChecked(c.ref(), c.nameAndVersion(), e.problems().get(0).message()));
          continue;
        }
      } else if (mode == CpeMode.GUESS) {
        identities.addAll(guess(c));
        if (identities.isEmpty()) {
          notChecked.add(new NotChecked(c.ref(), c.nameAndVersion(),
              "no CPE in the SBOM, and no supplier or version to guess one from"));
          continue;
        }
      } else {
        notChecked.add(new NotChecked(c.ref(), c.nameAndVersion(),
            "no CPE in the SBOM (--cpe guess builds one from the supplier and name, at low confidence)"));
        continue;
      }
      List<String> undecided = new ArrayList<>();
      for (Identity id : identities) {
        List<NvdCve> candidates = cache.computeIfAbsent(id.cpe.vendor().bound() + "\u0000" + id.cpe.product().bound(),
            k -> source.candidates(id.cpe.vendor().bound(), id.cpe.product().bound()));
        for (NvdCve cve : candidates) {
          if (cve.isRejected()) {
            continue;
          }
          CpeApplicability.Verdict v = CpeApplicability.evaluate(cve.configurations(), id.cpe, environment);
          if (v instanceof CpeApplicability.Applies a) {
            matches.add(match(c, id, cve, a));
          } else if (v instanceof CpeApplicability.NotEvaluable ne) {
            undecided.add(cve.id() + " (" + String.join("; ", ne.reasons()) + ")");
          }
        }
      }
      if (undecided.isEmpty()) {
        checked.add(c.ref());
      } else {
        notChecked.add(new NotChecked(c.ref(), c.nameAndVersion(), "CPE: " + undecided.size()
            + " NVD record(s) could not be evaluated: " + String.join(", ", undecided)));
      }
    }
    return new CpeMatchResult(MatchMerger.merge(matches), notChecked, checked);
  }

  /** A CPE to match the component by, how sure it is, and where it came from (for the rule text). */
  private record Identity(Cpe cpe, MatchConfidence confidence, String origin) {}

  private static VulnerabilityMatch match(SbomComponent c, Identity id, NvdCve cve, CpeApplicability.Applies a) {
    MatchConfidence confidence = a.certain() ? id.confidence : MatchConfidence.LOW;
    StringBuilder rule = new StringBuilder("CPE ").append(id.cpe).append(' ').append(id.origin)
        .append(" matches ").append(a.path()).append(' ').append(a.criterion().describe())
        .append(": ").append(a.versionRule());
    if (!a.platformsMet().isEmpty()) {
      rule.append("; platform shown in the SBOM: ").append(String.join(", ", a.platformsMet()));
    }
    if (!a.certain()) {
      rule.append("; the configuration also needs ").append(String.join(" or ", a.platformsNotShown()))
          .append(", which the SBOM does not show: confidence lowered to low");
    }
    String version = id.cpe.version().kind() == CpeValue.Kind.VALUE ? id.cpe.version().logical() : c.version().orElse("");
    return new VulnerabilityMatch(c.ref(), c.nameAndVersion(), version, c.purl().orElse(""), cve.id(), List.of(cve.id()),
        cve.description(), cve.cvssVectors(), List.of(new VulnerabilityMatch.Provenance(cve.id(), cve.source(),
            cve.id() + " " + a.path(), MatchMethod.CPE, confidence, rule.toString())));
  }

  /**
   * Candidate CPEs from the supplier (else author or group) and the name, with the component's
   * version: lower-case, spaces as {@code _}, as the NVD dictionary spells most names. Firmware is
   * tried as application and operating system, since NVD files it under either.
   */
  static List<Identity> guess(SbomComponent c) {
    Optional<String> vendor = c.supplier().or(c::author).or(c::group).map(CpeMatcher::dictionaryWord)
        .filter(s -> !s.isEmpty());
    String product = dictionaryWord(c.name());
    Optional<String> version = c.version().filter(v -> !v.isBlank());
    if (vendor.isEmpty() || product.isEmpty() || version.isEmpty()) {
      return List.of();
    }
    List<String> parts = switch (c.type().orElse("library")) {
      case "operating-system" -> List.of("o");
      case "device", "hardware" -> List.of("h");
      case "firmware" -> List.of("a", "o");
      default -> List.of("a");
    };
    String origin = "guessed from supplier '" + c.supplier().or(c::author).or(c::group).orElse("") + "' and name '" + c.name() + "'";
    List<Identity> out = new ArrayList<>();
    for (String part : parts) {
      String text = "cpe:2.3:" + part + ":" + vendor.get() + ":" + product + ":" + escape(version.get()) + ":*:*:*:*:*:*:*";
      tryParse(text).ifPresent(cpe -> out.add(new Identity(cpe, MatchConfidence.LOW, origin)));
    }
    return out;
  }

  private static String dictionaryWord(String s) {
    String lower = s.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", "_");
    return lower.replaceAll("[^a-z0-9._-]", "");
  }

  /** A version as a formatted-string value: every character but letters, digits, {@code . - _} escaped. */
  private static String escape(String version) {
    StringBuilder out = new StringBuilder();
    for (char ch : version.toCharArray()) {
      if (Character.isLetterOrDigit(ch) && ch < 0x80 || ch == '.' || ch == '-' || ch == '_') {
        out.append(ch);
      } else {
        out.append('\\').append(ch);
      }
    }
    return out.toString();
  }

  private static Optional<Cpe> tryParse(String text) {
    try {
      return Optional.of(Cpe.parse(text));
    } catch (InvalidInputException e) {
      return Optional.empty();
    }
  }
}
