package io.vigie.core.vuln.version;

import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;

/** Builds the one error every scheme raises for text that is not one of its versions. */
final class InvalidVersion {
  private InvalidVersion() {}

  static InvalidInputException of(String scheme, String text, String why) {
    return new InvalidInputException(
        Problem.at("version", "'" + text + "' is not a valid " + scheme + " version: " + why));
  }

  /** The other side of a comparison must come from the same scheme. */
  static <T extends Version> T sameScheme(Version self, Version other, Class<T> type) {
    if (type.isInstance(other) && other.scheme().name().equals(self.scheme().name())) {
      return type.cast(other);
    }
    throw new IllegalArgumentException(
        "cannot compare "
            + self.scheme().name()
            + " version '"
            + self.text()
            + "' with "
            + other.scheme().name()
            + " version '"
            + other.text()
            + "'");
  }
}
