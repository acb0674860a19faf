package io.vigie.core.model;

import java.util.List;
import java.util.Objects;

/**
 * Data moving from one component to another, with how it is protected. Responses travel back on
 * the same flow: model a separate flow only when the reverse direction carries other assets.
 */
public record DataFlow(
    String id,
    String name,
    String from,
    String to,
    FlowKind kind,
    String protocol,
    List<String> assets,
    Authentication authentication,
    Authorization authorization,
    Encryption encryption,
    Integrity integrity,
    String description)
    implements Element {

  public DataFlow {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(protocol, "protocol");
    assets = List.copyOf(assets);
    Objects.requireNonNull(authentication, "authentication");
    Objects.requireNonNull(authorization, "authorization");
    Objects.requireNonNull(encryption, "encryption");
    Objects.requireNonNull(integrity, "integrity");
    Objects.requireNonNull(description, "description");
  }
}
