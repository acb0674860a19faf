package io.vigie.formats.sbom;

import io.vigie.core.sbom.Dependency;
import io.vigie.core.sbom.Hash;
import io.vigie.core.sbom.Sbom;
import io.vigie.core.sbom.SbomComponent;
import io.vigie.core.sbom.SbomFormat;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.OrganizationalContact;
import org.cyclonedx.model.OrganizationalEntity;

/**
 * Turns cyclonedx-core-java's model into Vigie's. Nested components (a component's own
 * {@code components}) are flattened into the list: they are parts of the device too, and the FDA
 * asks for every component, transitive ones included.
 */
final class CycloneDxMapping {
  private CycloneDxMapping() {}

  static Sbom toSbom(Bom bom, String specVersion, String source, Optional<Instant> timestampFromTree) {
    List<Problem> problems = new ArrayList<>();
    List<SbomComponent> components = new ArrayList<>();
    addAll(bom.getComponents(), "/components", components, problems, source);
    Metadata metadata = bom.getMetadata();
    Optional<SbomComponent> describes = Optional.empty();
    List<String> authors = new ArrayList<>();
    Optional<Instant> timestamp = timestampFromTree;
    if (metadata != null) {
      if (metadata.getComponent() != null) {
        describes = component(metadata.getComponent(), "/metadata/component", problems, source);
      }
      timestamp = timestamp.or(() -> Optional.ofNullable(metadata.getTimestamp()).map(java.util.Date::toInstant));
      authors.addAll(authors(metadata));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    List<Dependency> dependencies = new ArrayList<>();
    for (org.cyclonedx.model.Dependency d : nonNull(bom.getDependencies())) {
      List<String> on = nonNull(d.getDependencies()).stream().map(org.cyclonedx.model.Dependency::getRef).toList();
      dependencies.add(new Dependency(d.getRef(), on));
    }
    return new Sbom(SbomFormat.CYCLONEDX, specVersion, Inputs.opt(bom.getSerialNumber()), describes, components,
        dependencies, authors, timestamp, source);
  }

  private static void addAll(List<Component> list, String path, List<SbomComponent> out, List<Problem> problems, String source) {
    List<Component> items = nonNull(list);
    for (int i = 0; i < items.size(); i++) {
      Component c = items.get(i);
      component(c, path + "/" + i, problems, source).ifPresent(out::add);
      addAll(c.getComponents(), path + "/" + i + "/components", out, problems, source);
    }
  }

  private static Optional<SbomComponent> component(Component c, String pointer, List<Problem> problems, String source) {
    Optional<String> purl = Inputs.opt(c.getPurl());
    Optional<String> purlProblem = purl.flatMap(SbomComponent::purlProblem);
    if (purlProblem.isPresent()) {
      problems.add(Problem.at(pointer + "/purl", purlProblem.get()).located(source, 0, 0));
      return Optional.empty();
    }
    String name = c.getName() == null ? "" : c.getName();
    Optional<String> version = Inputs.opt(c.getVersion());
    // bom-ref is optional before 1.5 and in practice; the purl, else name@version, is the next best stable key.
    String ref = Inputs.opt(c.getBomRef()).or(() -> purl)
        .orElseGet(() -> version.map(v -> name + "@" + v).orElse(name));
    Optional<String> supplier = name(c.getSupplier()).or(() -> name(c.getManufacturer()));
    Optional<String> author = Inputs.opt(c.getAuthor())
        .or(() -> Inputs.opt(nonNull(c.getAuthors()).stream().map(CycloneDxMapping::contact)
            .filter(s -> !s.isBlank()).collect(Collectors.joining(", "))))
        .or(() -> Inputs.opt(c.getPublisher()));
    List<Hash> hashes = nonNull(c.getHashes()).stream()
        .filter(h -> h.getAlgorithm() != null && h.getValue() != null)
        .map(h -> new Hash(h.getAlgorithm(), h.getValue())).toList();
    return Optional.of(new SbomComponent(ref,
        Optional.ofNullable(c.getType()).map(Component.Type::getTypeName),
        Inputs.opt(c.getGroup()), name, version, purl, Inputs.opt(c.getCpe()), hashes, licenses(c.getLicenses()),
        supplier, author, Optional.ofNullable(c.getScope()).map(Component.Scope::getScopeName)));
  }

  private static List<String> licenses(LicenseChoice choice) {
    if (choice == null) {
      return List.of();
    }
    if (choice.getExpression() != null && choice.getExpression().getValue() != null) {
      return List.of(choice.getExpression().getValue());
    }
    return nonNull(choice.getLicenses()).stream()
        .map(l -> l.getId() != null ? l.getId() : l.getName())
        .filter(s -> s != null && !s.isBlank())
        .toList();
  }

  /** SBOM authors and tools, in the SPDX creator style so both formats read alike. */
  private static List<String> authors(Metadata metadata) {
    List<String> out = new ArrayList<>();
    nonNull(metadata.getAuthors()).stream().map(CycloneDxMapping::contact).filter(s -> !s.isBlank())
        .forEach(a -> out.add("Person: " + a));
    name(metadata.getManufacturer()).ifPresent(m -> out.add("Organization: " + m));
    nonNull(metadata.getTools()).forEach(t -> out.add("Tool: " + join(t.getVendor(), t.getName(), t.getVersion())));
    if (metadata.getToolChoice() != null) {
      nonNull(metadata.getToolChoice().getComponents())
          .forEach(t -> out.add("Tool: " + join(t.getGroup(), t.getName(), t.getVersion())));
      nonNull(metadata.getToolChoice().getServices())
          .forEach(t -> out.add("Tool: " + join(t.getGroup(), t.getName(), t.getVersion())));
    }
    return out;
  }

  private static String contact(OrganizationalContact c) {
    String name = c.getName() == null ? "" : c.getName();
    return c.getEmail() == null ? name : (name + " (" + c.getEmail() + ")").trim();
  }

  private static Optional<String> name(OrganizationalEntity e) {
    return e == null ? Optional.empty() : Inputs.opt(e.getName());
  }

  private static String join(String... parts) {
    return Stream.of(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(" "));
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
