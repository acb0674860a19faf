package io.vigie.formats.vex;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.vigie.core.model.Names;
import io.vigie.core.vex.AppliedVex;
import io.vigie.core.vex.VexStatement;
import io.vigie.core.vex.VexStatus;
import io.vigie.core.vuln.VulnerabilityFinding;
import io.vigie.core.vuln.VulnerabilityScan;
import io.vigie.core.vuln.match.VulnerabilityMatch;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.OrganizationalContact;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.vulnerability.Vulnerability;

/**
 * Writes CycloneDX 1.6 JSON VEX with cyclonedx-core-java: the product as the metadata component,
 * one component per assessed component and version, and one {@code vulnerabilities[]} entry per
 * statement with its {@code analysis} (state, justification, response, detail, firstIssued /
 * lastUpdated) and {@code affects[].ref}. Who decided, the scope and the origin go into {@code
 * vigie:vex:*} properties, which CycloneDX has no field for. Deterministic: the serial number is
 * derived from the content, so the same statements give the same file.
 */
public final class CycloneDxVexWriter {

  /** A VEX document of these statements (an export of one release). */
  public String write(List<VexStatement> statements, VexExport export) {
    Bom bom = bom(export.product(), export.release(), export.author(), export.timestamp());
    Map<String, Component> components = new LinkedHashMap<>();
    List<Vulnerability> vulnerabilities = new ArrayList<>();
    for (VexStatement s : statements) {
      boolean range = s.componentVersion().startsWith("vers:");
      String version = range ? "" : s.componentVersion();
      Component c = components.computeIfAbsent(s.component() + "@" + version,
          k -> component(s.component(), version, "component-" + (components.size() + 1)));
      vulnerabilities.add(vulnerability(s, c.getBomRef(), range ? Optional.of(s.componentVersion()) : Optional.empty()));
    }
    bom.setComponents(new ArrayList<>(components.values()));
    bom.setVulnerabilities(vulnerabilities);
    return generate(bom);
  }

  /**
   * {@code vigie scan --format cyclonedx-vex}: every finding of the scan with its VEX analysis;
   * a finding no statement covers is {@code in_triage} ("found by the scan, not yet assessed").
   */
  public String writeScan(VulnerabilityScan scan, String product, String release, Instant now) {
    Bom bom = bom(product, release, "vigie scan", now);
    Map<String, Component> components = new LinkedHashMap<>();
    List<Vulnerability> vulnerabilities = new ArrayList<>();
    for (VulnerabilityFinding f : scan.findings()) {
      VulnerabilityMatch m = f.match();
      Component c = components.computeIfAbsent(m.componentRef(), ref -> {
        Component x = new Component();
        x.setType(Component.Type.LIBRARY);
        x.setName(m.componentName() == null || m.componentName().isBlank() ? ref : m.componentName());
        if (m.version() != null && !m.version().isBlank()) {
          x.setVersion(m.version());
        }
        if (m.purl() != null && !m.purl().isBlank()) {
          x.setPurl(m.purl());
        }
        x.setBomRef(ref.isBlank() ? "component-" + (components.size() + 1) : ref);
        return x;
      });
      Vulnerability v;
      if (f.vex().isPresent()) {
        v = vulnerability(f.vex().get().statement(), c.getBomRef(), Optional.empty());
        v.getProperties().add(new Property("vigie:vex:applied", f.vex().get().explanation()));
      } else {
        v = new Vulnerability();
        v.setId(m.id());
        Vulnerability.Analysis a = new Vulnerability.Analysis();
        a.setState(Vulnerability.Analysis.State.IN_TRIAGE);
        a.setDetail("Found by vigie scan; no VEX decision recorded yet.");
        v.setAnalysis(a);
        v.setAffects(List.of(affect(c.getBomRef(), Optional.empty())));
        v.setProperties(new ArrayList<>());
      }
      v.setId(m.id());
      if (m.summary() != null && !m.summary().isBlank()) {
        v.setDescription(m.summary());
      }
      List<Vulnerability.Reference> refs = new ArrayList<>();
      for (String alias : m.ids()) {
        if (!alias.equals(m.id())) {
          Vulnerability.Reference r = new Vulnerability.Reference();
          r.setId(alias);
          Vulnerability.Source src = new Vulnerability.Source();
          src.setName(alias.substring(0, Math.max(1, alias.indexOf('-'))));
          r.setSource(src);
          refs.add(r);
        }
      }
      if (!refs.isEmpty()) {
        v.setReferences(refs);
      }
      v.getProperties().add(new Property("vigie:known-exploited", Boolean.toString(f.knownExploited())));
      f.priority().ifPresent(p -> v.getProperties().add(new Property("vigie:priority", Names.of(p.priorityClass()))));
      vulnerabilities.add(v);
    }
    bom.setComponents(new ArrayList<>(components.values()));
    bom.setVulnerabilities(vulnerabilities);
    return generate(bom);
  }

  private static Bom bom(String product, String release, String author, Instant timestamp) {
    Bom bom = new Bom();
    bom.setVersion(1);
    Metadata meta = new Metadata();
    meta.setTimestamp(Date.from(timestamp));
    OrganizationalContact who = new OrganizationalContact();
    who.setName(author);
    meta.setAuthors(List.of(who));
    Component subject = new Component();
    subject.setType(Component.Type.APPLICATION);
    subject.setName(product);
    if (!release.isBlank()) {
      subject.setVersion(release);
    }
    subject.setBomRef("product");
    meta.setComponent(subject);
    bom.setMetadata(meta);
    return bom;
  }

  private static Component component(String identity, String version, String bomRef) {
    Component c = new Component();
    c.setType(Component.Type.LIBRARY);
    c.setBomRef(bomRef);
    if (identity.startsWith("pkg:")) {
      try {
        PackageURL p = new PackageURL(identity);
        c.setName(p.getName());
        c.setPurl(new PackageURL(p.getType(), p.getNamespace(), p.getName(), version.isEmpty() ? null : version, null,
            null).canonicalize());
      } catch (MalformedPackageURLException e) {
        c.setName(identity);
      }
    } else {
      c.setName(identity);
    }
    if (!version.isEmpty()) {
      c.setVersion(version);
    }
    return c;
  }

  private static Vulnerability vulnerability(VexStatement s, String ref, Optional<String> range) {
    Vulnerability v = new Vulnerability();
    v.setId(s.vulnerability());
    Vulnerability.Analysis a = new Vulnerability.Analysis();
    String impact = s.impact().orElse("");
    Optional<String> keptState = CycloneDxVexMapping.kept(impact, "state");
    a.setState(Vulnerability.Analysis.State.fromString(keptState.orElse(CycloneDxVexMapping.stateWord(s.status()))));
    s.justification().ifPresent(j -> a.setJustification(Vulnerability.Analysis.Justification.fromString(
        CycloneDxVexMapping.kept(impact, "justification").orElse(CycloneDxVexMapping.justificationWord(j)))));
    String detail = CycloneDxVexMapping.withoutKept(impact);
    if (!detail.isBlank()) {
      a.setDetail(detail);
    }
    s.action().ifPresent(action -> {
      List<Vulnerability.Analysis.Response> responses = new ArrayList<>();
      String rest = action;
      if (action.startsWith("response: ")) {
        int end = action.indexOf(';');
        String words = end < 0 ? action.substring(10) : action.substring(10, end);
        for (String w : words.split(",")) {
          Vulnerability.Analysis.Response r = Vulnerability.Analysis.Response.fromString(w.trim());
          if (r != null) {
            responses.add(r);
          }
        }
        rest = end < 0 ? "" : action.substring(end + 1).trim();
      }
      if (!responses.isEmpty()) {
        a.setResponses(responses);
      }
      if (!rest.isBlank()) {
        v.setRecommendation(rest);
      }
      if (responses.isEmpty() && rest.isBlank()) {
        v.setRecommendation(action);
      }
    });
    a.setFirstIssued(Date.from(s.timestamp()));
    a.setLastUpdated(Date.from(s.timestamp()));
    v.setAnalysis(a);
    v.setAffects(List.of(affect(ref, range)));
    List<Property> props = new ArrayList<>();
    props.add(new Property("vigie:vex:author", s.author()));
    props.add(new Property("vigie:vex:scope", s.scope().describe()));
    props.add(new Property("vigie:vex:origin", s.origin()));
    v.setProperties(props);
    return v;
  }

  private static Vulnerability.Affect affect(String ref, Optional<String> range) {
    Vulnerability.Affect affect = new Vulnerability.Affect();
    affect.setRef(ref);
    range.ifPresent(r -> {
      Vulnerability.Version version = new Vulnerability.Version();
      version.setRange(r);
      affect.setVersions(List.of(version));
    });
    return affect;
  }

  private static String generate(Bom bom) {
    try {
      String unnumbered = BomGeneratorFactory.createJson(Version.VERSION_16, bom).toJsonString();
      bom.setSerialNumber("urn:uuid:" + UUID.nameUUIDFromBytes(unnumbered.getBytes(StandardCharsets.UTF_8)));
      return BomGeneratorFactory.createJson(Version.VERSION_16, bom).toJsonString();
    } catch (GeneratorException e) {
      throw new IllegalStateException("cannot write CycloneDX VEX", e);
    }
  }
}
