package io.vigie.core.validation;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong with an input, located as precisely as the input allows.
 *
 * <p>{@code field} is a path into the document such as {@code flows[3].to} (empty for problems
 * about the document as a whole); {@code line} and {@code column} are 1-based and 0 when unknown
 * (the core validator knows paths, not positions: the reader that parsed the file fills them in).
 */
public record Problem(
    String source, int line, int column, String field, String message, Optional<String> suggestion) {

  public Problem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(suggestion, "suggestion");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column are 1-based, or 0 when unknown");
    }
  }

  /** A problem known only by its field path; a reader locates it later. */
  public static Problem at(String field, String message) {
    return new Problem("", 0, 0, field, message, Optional.empty());
  }

  public Problem withSuggestion(String text) {
    return new Problem(source, line, column, field, message, Optional.of(text));
  }

  public Problem located(String newSource, int newLine, int newColumn) {
    return new Problem(newSource, newLine, newColumn, field, message, suggestion);
  }

  /** {@code file:line:column: field: message (did you mean …?)}, the shape compilers use. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    if (!source.isEmpty()) {
      out.append(source);
      if (line > 0) {
        out.append(':').append(line);
        if (column > 0) {
          out.append(':').append(column);
        }
      }
      out.append(": ");
    }
    if (!field.isEmpty()) {
      out.append(field).append(": ");
    }
    out.append(message);
    suggestion.ifPresent(s -> out.append(" (did you mean '").append(s).append("'?)"));
    return out.toString();
  }
}
