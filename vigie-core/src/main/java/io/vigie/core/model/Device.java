package io.vigie.core.model;

import java.util.List;
import java.util.Objects;

/** What the device is and where it is sold: the header of every report. */
public record Device(
    String name,
    String manufacturer,
    String version,
    String intendedUse,
    List<String> markets,
    String deviceClass,
    String description) {

  public Device {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(manufacturer, "manufacturer");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(intendedUse, "intendedUse");
    markets = List.copyOf(markets);
    Objects.requireNonNull(deviceClass, "deviceClass");
    Objects.requireNonNull(description, "description");
  }
}
