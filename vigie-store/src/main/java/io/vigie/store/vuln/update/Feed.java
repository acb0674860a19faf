package io.vigie.store.vuln.update;

import java.net.URI;
import java.util.Objects;

/** One feed to update: its name ({@code osv:PyPI}, {@code kev}), kind, the URL to fetch and the file name to import it as. */
public record Feed(String name, FeedKind kind, URI url, String fileName) {
  public Feed {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(fileName, "fileName");
  }
}
