package io.vigie.formats.sbom;

import io.vigie.core.sbom.Dependency;
import io.vigie.core.sbom.Hash;
import io.vigie.core.sbom.Sbom;
import io.vigie.core.sbom.SbomComponent;
import io.vigie.core.sbom.SbomFormat;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.spdx.core.InvalidSPDXAnalysisException;
import org.spdx.library.SpdxModelFactory;
import org.spdx.library.model.v2.ExternalRef;
import org.spdx.library.model.v2.Relationship;
import org.spdx.library.model.v2.SpdxDocument;
import org.spdx.library.model.v2.SpdxElement;
import org.spdx.library.model.v2.SpdxPackage;
import org.spdx.library.model.v2.enumerations.RelationshipType;
import org.spdx.library.model.v2.license.AnyLicenseInfo;
import org.spdx.storage.IModelStore;

/**
 * Turns java-spdx-library's SPDX 2.x model into Vigie's, for both the JSON and tag-value readers.
 * Only packages are components (SPDX files and snippets are not what the FDA lists). The package
 * the document DESCRIBES is the described component, the device or product itself. Dependency edges
 * come from DEPENDS_ON, CONTAINS, STATIC_LINK, DYNAMIC_LINK and the *_DEPENDENCY_OF / CONTAINED_BY
 * relationships (reversed).
 */
final class SpdxMapping {
  private static final Set<RelationshipType> FORWARD = Set.of(RelationshipType.DEPENDS_ON, RelationshipType.CONTAINS,
      RelationshipType.STATIC_LINK, RelationshipType.DYNAMIC_LINK);
  private static final Set<RelationshipType> REVERSED = Set.of(RelationshipType.DEPENDENCY_OF,
      RelationshipType.BUILD_DEPENDENCY_OF, RelationshipType.DEV_DEPENDENCY_OF, RelationshipType.OPTIONAL_DEPENDENCY_OF,
      RelationshipType.PROVIDED_DEPENDENCY_OF, RelationshipType.TEST_DEPENDENCY_OF, RelationshipType.RUNTIME_DEPENDENCY_OF,
      RelationshipType.CONTAINED_BY);

  private SpdxMapping() {}

  static Sbom toSbom(SpdxDocument doc, IModelStore store, String source) throws InvalidSPDXAnalysisException {
    List<String> invalid = doc.verify();
    if (!invalid.isEmpty()) {
      throw new InvalidInputException(invalid.stream().limit(CycloneDxXmlSchemas.MAX_PROBLEMS)
          .map(m -> Problem.at("", "does not follow the SPDX specification: " + m).located(source, 0, 0)).toList());
    }
    List<SpdxPackage> packages = new ArrayList<>();
    SpdxModelFactory.getSpdxObjects(store, null, "Package", doc.getDocumentUri(), null)
        .forEach(o -> packages.add((SpdxPackage) o));
    // The store keeps no document order; sorting by SPDXID makes the result reproducible.
    packages.sort(Comparator.comparing(SpdxPackage::getId));
    Optional<String> describedId = doc.getDocumentDescribes().stream()
        .filter(e -> e instanceof SpdxPackage).map(SpdxElement::getId).findFirst();

    List<Problem> problems = new ArrayList<>();
    List<SbomComponent> components = new ArrayList<>();
    Optional<SbomComponent> describes = Optional.empty();
    Map<String, Set<String>> edges = new LinkedHashMap<>();
    addEdges(doc, edges);
    for (SpdxPackage p : packages) {
      addEdges(p, edges);
      Optional<SbomComponent> c = component(p, problems, source);
      if (describedId.isPresent() && describedId.get().equals(p.getId())) {
        describes = c;
      } else {
        c.ifPresent(components::add);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    List<Dependency> dependencies = edges.entrySet().stream()
        .map(e -> new Dependency(e.getKey(), List.copyOf(e.getValue()))).toList();
    String created = doc.getCreationInfo().getCreated();
    Optional<Instant> timestamp;
    try {
      timestamp = Optional.of(Instant.parse(created));
    } catch (DateTimeParseException | NullPointerException e) {
      timestamp = Optional.empty();
    }
    return new Sbom(SbomFormat.SPDX, doc.getSpecVersion(), Inputs.opt(doc.getDocumentUri()), describes, components,
        dependencies, List.copyOf(doc.getCreationInfo().getCreators()), timestamp, source);
  }

  private static void addEdges(SpdxElement from, Map<String, Set<String>> edges) throws InvalidSPDXAnalysisException {
    for (Relationship r : from.getRelationships()) {
      Optional<SpdxElement> to = r.getRelatedSpdxElement();
      if (to.isEmpty()) {
        continue;
      }
      if (FORWARD.contains(r.getRelationshipType())) {
        edges.computeIfAbsent(from.getId(), k -> new LinkedHashSet<>()).add(to.get().getId());
      } else if (REVERSED.contains(r.getRelationshipType())) {
        edges.computeIfAbsent(to.get().getId(), k -> new LinkedHashSet<>()).add(from.getId());
      }
    }
  }

  private static Optional<SbomComponent> component(SpdxPackage p, List<Problem> problems, String source)
      throws InvalidSPDXAnalysisException {
    Optional<String> purl = Optional.empty();
    Optional<String> cpe = Optional.empty();
    for (ExternalRef ref : p.getExternalRefs()) {
      String type = ref.getReferenceType().getIndividualURI();
      if (type.endsWith("purl") && purl.isEmpty()) {
        purl = Inputs.opt(ref.getReferenceLocator());
      } else if ((type.endsWith("cpe23Type") || type.endsWith("cpe22Type")) && cpe.isEmpty()) {
        cpe = Inputs.opt(ref.getReferenceLocator());
      }
    }
    Optional<String> purlProblem = purl.flatMap(SbomComponent::purlProblem);
    if (purlProblem.isPresent()) {
      problems.add(Problem.at(p.getId() + ".externalRefs.purl", purlProblem.get()).located(source, 0, 0));
      return Optional.empty();
    }
    List<Hash> hashes = new ArrayList<>();
    for (var checksum : p.getChecksums()) {
      hashes.add(new Hash(checksum.getAlgorithm().name(), checksum.getValue()));
    }
    Set<String> licenses = new LinkedHashSet<>();
    license(p.getLicenseDeclared()).ifPresent(licenses::add);
    license(p.getLicenseConcluded()).ifPresent(licenses::add);
    return Optional.of(new SbomComponent(p.getId(),
        p.getPrimaryPurpose().map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-')),
        Optional.empty(), p.getName().orElse(""), p.getVersionInfo().flatMap(Inputs::opt), purl, cpe, hashes,
        List.copyOf(licenses), party(p.getSupplier()), party(p.getOriginator()), Optional.empty()));
  }

  private static Optional<String> license(AnyLicenseInfo info) {
    if (info == null) {
      return Optional.empty();
    }
    String text = info.toString();
    return text == null || text.isBlank() || text.equals("NOASSERTION") || text.equals("NONE")
        ? Optional.empty() : Optional.of(text);
  }

  /** "Organization: Acme (a@b)" → "Acme (a@b)"; NOASSERTION → absent. */
  private static Optional<String> party(Optional<String> value) {
    return value.map(v -> v.replaceFirst("^(Organization|Person|Tool)\\s*:\\s*", "").trim())
        .filter(v -> !v.isBlank() && !v.equals("NOASSERTION"));
  }
}
