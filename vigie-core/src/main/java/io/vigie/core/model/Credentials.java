package io.vigie.core.model;

/** How a component's login credentials are provisioned. */
public enum Credentials {
  /** Each user or device gets its own secret; the safe default. */
  UNIQUE,
  /** Shipped with a factory default that may not be changed. */
  DEFAULT,
  /** One account or secret shared by several people or devices. */
  SHARED,
  /** Fixed in the code or firmware. */
  HARDCODED,
  /** The component has no login. */
  NONE
}
