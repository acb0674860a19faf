package io.vigie.core.vuln.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.core.sbom.SbomComponent;
import io.vigie.core.vuln.Advisory;
import io.vigie.core.vuln.version.OsvAffected;
import io.vigie.core.vuln.version.OsvRecords;
import io.vigie.core.vuln.version.SharedData;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * End to end on a distribution's real advisories: the matcher that skips the packages above their
 * ceilings finds exactly what the matcher that reads every entry finds, for RPM versions with and
 * without the epoch their advisories give (SBOM tools often leave it out).
 */
class PackageCeilingTest {

  @Test
  void skippingWhatIsAboveTheCeilingsChangesNoResultOnAlmaLinux9() throws IOException {
    List<Advisory> advisories = new ArrayList<>();
    OsvRecords.forEachInZip(SharedData.dir("osv/AlmaLinux-all.zip"), r -> advisories.add(advisory(r)));
    Map<String, Set<String>> versionsByName = new LinkedHashMap<>();
    for (Advisory a : advisories) {
      for (OsvAffected x : a.affected()) {
        if (x.ecosystem().equals("AlmaLinux:9")) {
          Set<String> named = versionsByName.computeIfAbsent(x.packageName(), k -> new LinkedHashSet<>());
          x.ranges().forEach(r -> r.events().forEach(e -> named.add(e.version())));
        }
      }
    }
    // A third of the packages at the last two versions their advisories name (the latest fixes,
    // where the ceiling is), a third just above them (where a scan skips them), without an epoch
    // and with the one named, as an SBOM may write them; a third just above them without an epoch
    // and with an explicit epoch 0, below every fix that has one.
    List<SbomComponent> sbom = new ArrayList<>();
    int[] index = {0};
    versionsByName.forEach((name, named) -> {
      int group = index[0]++ % 3;
      Set<String> probes = new LinkedHashSet<>();
      List<String> all = new ArrayList<>(named);
      for (String v : all.subList(Math.max(0, all.size() - 2), all.size())) {
        if (v.equals("0")) {
          continue;
        }
        String bare = v.substring(v.indexOf(':') + 1);
        probes.add(group == 0 ? bare : bare + ".1");
        probes.add(group == 0 ? v : group == 1 ? v + ".1" : "0:" + bare + ".1");
      }
      for (String probe : probes) {
        if (probe.matches("[A-Za-z0-9._:~-]+")) {
          String ref = name + "@" + probe;
          String purl = "pkg:rpm/almalinux/" + name + "@" + probe.replace(":", "%3A") + "?distro=almalinux-9";
          sbom.add(new SbomComponent(ref, Optional.of("library"), Optional.empty(), name, Optional.of(probe),
              Optional.of(purl), Optional.empty(), List.of(), List.of(), Optional.empty(), Optional.empty(),
              Optional.empty()));
        }
      }
    });
    CeilingSource withCeilings = new CeilingSource(advisories);

    MatchResult skipping = new VulnerabilityMatcher(withCeilings).match(sbom);
    MatchResult reading = new VulnerabilityMatcher(withCeilings::advisoriesFor).match(sbom);

    assertThat(sbom).hasSizeGreaterThan(5_000);
    assertThat(skipping.matches()).hasSizeGreaterThan(1_000);
    assertThat(skipping.equals(reading)).as("the first difference: %s", firstDifference(skipping, reading)).isTrue();
    // Not vacuous: the ceilings spared many packages their lookup, among them ones whose every
    // fix has an epoch the SBOM's versions leave out.
    Set<String> skipped = new LinkedHashSet<>(versionsByName.keySet());
    withCeilings.asked.forEach(p -> skipped.remove(p.name()));
    long withEpochs = skipped.stream().filter(name -> versionsByName.get(name).stream()
        .allMatch(v -> v.equals("0") || v.matches("[1-9][0-9]*:.*"))).count();
    System.out.printf("ceilings: %d of %d AlmaLinux 9 packages not looked up, %d of them with epochs in every"
        + " version their advisories name%n", skipped.size(), versionsByName.size(), withEpochs);
    assertThat(skipped).hasSizeGreaterThan(400);
    assertThat(withEpochs).isGreaterThan(100);
  }

  /** Where two results part, in a line: a whole result is too long to read in a failure. */
  private static String firstDifference(MatchResult a, MatchResult b) {
    for (int i = 0; i < Math.min(a.matches().size(), b.matches().size()); i++) {
      if (!a.matches().get(i).equals(b.matches().get(i))) {
        return "match " + i + ": " + a.matches().get(i) + " against " + b.matches().get(i);
      }
    }
    return a.matches().size() + " against " + b.matches().size() + " matches; not checked " + a.notChecked() + " against "
        + b.notChecked();
  }

  private static Advisory advisory(JsonNode r) {
    List<OsvAffected> affected = new ArrayList<>();
    r.path("affected").forEach(node -> affected.add(OsvRecords.affected(node)));
    List<String> related = new ArrayList<>();
    r.path("related").forEach(x -> related.add(x.asText()));
    return new Advisory(r.path("id").asText(), List.of(), r.path("summary").asText(), Optional.empty(),
        Instant.parse(r.path("modified").asText()), Optional.empty(), affected, List.of(), "AlmaLinux-all.zip",
        r.path("id").asText() + ".json", related);
  }
}
