package io.vigie.core.model;

/** Anything of the model that has a user-chosen ID and can be named in a threat or control. */
public interface Element {
  String id();

  String name();
}
