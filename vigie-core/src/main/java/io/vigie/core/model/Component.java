package io.vigie.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A part of the system: an app, a service, a database, a device, a third-party service. It lives
 * in one trust zone, stores and processes data assets, may carry a clinical function with the
 * severity of the harm its failure can cause (ISO 14971), and maps to source code through globs so
 * that a change to a file can be traced to it.
 */
public record Component(
    String id,
    String name,
    ComponentKind kind,
    String zone,
    List<String> technologies,
    List<String> stores,
    List<String> processes,
    Optional<String> clinicalFunction,
    Severity harmSeverity,
    List<String> hazards,
    List<String> redundantWith,
    Credentials credentials,
    Optional<Reachability> exposure,
    List<String> code,
    Optional<String> sbom,
    String description)
    implements Element {

  public Component {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(zone, "zone");
    technologies = List.copyOf(technologies);
    stores = List.copyOf(stores);
    processes = List.copyOf(processes);
    Objects.requireNonNull(clinicalFunction, "clinicalFunction");
    Objects.requireNonNull(harmSeverity, "harmSeverity");
    hazards = List.copyOf(hazards);
    redundantWith = List.copyOf(redundantWith);
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(exposure, "exposure");
    code = List.copyOf(code);
    Objects.requireNonNull(sbom, "sbom");
    Objects.requireNonNull(description, "description");
  }

  /** Every asset the component stores or processes, stored ones first, without repeats. */
  public List<String> handles() {
    return java.util.stream.Stream.concat(stores.stream(), processes.stream()).distinct().toList();
  }
}
