package io.vigie.formats.model;

import io.vigie.core.model.Actor;
import io.vigie.core.model.ActorKind;
import io.vigie.core.model.Authentication;
import io.vigie.core.model.Authorization;
import io.vigie.core.model.Capability;
import io.vigie.core.model.Component;
import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.ControlCategory;
import io.vigie.core.model.ControlStatus;
import io.vigie.core.model.Credentials;
import io.vigie.core.model.DataAsset;
import io.vigie.core.model.DataCategory;
import io.vigie.core.model.DataFlow;
import io.vigie.core.model.Device;
import io.vigie.core.model.DeviceModel;
import io.vigie.core.model.Encryption;
import io.vigie.core.model.Exploitability;
import io.vigie.core.model.FlowKind;
import io.vigie.core.model.Hazard;
import io.vigie.core.model.Integrity;
import io.vigie.core.model.Linddun;
import io.vigie.core.model.ManualThreat;
import io.vigie.core.model.ModelValidator;
import io.vigie.core.model.Need;
import io.vigie.core.model.Reachability;
import io.vigie.core.model.RiskAcceptance;
import io.vigie.core.model.RiskOverride;
import io.vigie.core.model.SecurityControl;
import io.vigie.core.model.Severity;
import io.vigie.core.model.Stride;
import io.vigie.core.model.TrustLevel;
import io.vigie.core.model.TrustZone;
import io.vigie.core.model.Verification;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a Vigie device model from YAML (the format documented in {@code docs/model.md} and by
 * {@code vigie schema}) and checks it, reporting every problem at once with file, line, column,
 * field path, what was expected and, for a misspelt name, the likely intended one.
 *
 * <p>Hostile or broken input fails with {@link InvalidInputException}, never another exception:
 * files over {@value #MAX_BYTES} bytes, binary or non-UTF-8 content, empty files, several
 * documents, nesting deeper than {@link YamlTree#MAX_DEPTH}, alias bombs. Thread-safe (stateless).
 */
public final class ModelYamlReader {
  /** 32 MiB: a 1,000-component, 5,000-flow model is about 2 MiB. */
  public static final long MAX_BYTES = 32L * 1024 * 1024;

  /** The format version this reader understands. */
  public static final int FORMAT_VERSION = 1;

  static final Set<String> TOP = Set.of("vigie", "device", "actors", "zones", "assets",
      "components", "flows", "controls", "hazards", "threats", "overrides", "acceptances");
  static final Set<String> DEVICE = Set.of("name", "manufacturer", "version", "intendedUse",
      "markets", "deviceClass", "description");
  static final Set<String> ACTOR = Set.of("id", "name", "kind", "uses", "description");
  static final Set<String> ZONE = Set.of("id", "name", "trust", "certifiedHealthDataHost",
      "certifications", "description");
  static final Set<String> ASSET = Set.of("id", "name", "category", "confidentiality",
      "integrity", "availability", "legalBasis", "consent", "description");
  static final Set<String> COMPONENT = Set.of("id", "name", "kind", "zone", "technologies",
      "stores", "processes", "clinicalFunction", "harmSeverity", "hazards", "redundantWith",
      "credentials", "exposure", "code", "sbom", "description");
  static final Set<String> FLOW = Set.of("id", "name", "from", "to", "kind", "protocol",
      "assets", "authentication", "authorization", "encryption", "integrity", "description");
  static final Set<String> CONTROL = Set.of("id", "name", "category", "provides", "protects",
      "status", "verification", "description");
  static final Set<String> VERIFICATION = Set.of("method", "reference", "description");
  static final Set<String> HAZARD = Set.of("id", "title", "severity", "elements", "description");
  static final Set<String> THREAT = Set.of("id", "title", "category", "privacy", "elements",
      "mitigations", "cwe", "capec", "description");
  static final Set<String> OVERRIDE = Set.of("threat", "exploitability", "severity", "rationale");
  static final Set<String> ACCEPTANCE = Set.of("threat", "rationale", "acceptedBy", "date");

  /** Reads and checks the model in {@code file}. */
  public DeviceModel read(Path file) {
    String source = file.toString();
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw fail(source, "the file is " + size / (1024 * 1024) + " MiB; a device model is at most " + MAX_BYTES / (1024 * 1024) + " MiB");
      }
      if (Files.isDirectory(file)) {
        throw fail(source, "is a folder; expected a YAML file");
      }
      byte[] bytes;
      // FileInputStream: its bounded readNBytes reads in one call sized by the file (see the SBOM
      // reader's Inputs). Bounded: the file may grow between the size check and the read.
      try (InputStream in = new java.io.FileInputStream(file.toFile())) {
        bytes = in.readNBytes((int) MAX_BYTES + 1);
      }
      if (bytes.length > MAX_BYTES) {
        throw fail(source, "the file is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
      }
      return read(bytes, source);
    } catch (NoSuchFileException e) {
      throw fail(source, "no such file");
    } catch (IOException e) {
      throw fail(source, "cannot be read: " + e.getMessage());
    }
  }

  /** Reads and checks a model from bytes; {@code source} names it in problems. */
  public DeviceModel read(byte[] bytes, String source) {
    return read(bytes, source, false);
  }

  /**
   * The same as {@link #read(byte[], String)}, with the positions of every field remembered during
   * the first walk, as before a valid model's walk skipped them: slower, the same result; kept to
   * prove that.
   */
  DeviceModel readRememberingPositions(byte[] bytes, String source) {
    return read(bytes, source, true);
  }

  private DeviceModel read(byte[] bytes, String source, boolean positionsFirst) {
    if (bytes.length > MAX_BYTES) {
      throw fail(source, "the content is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
    }
    String text = decode(bytes, source);
    Optional<YNode> root = YamlTree.parse(text, source);
    if (root.isEmpty() || root.get() instanceof YNode.Scalar s && s.isNull()) {
      throw fail(source, "the file is empty; expected a device model (run `vigie schema` for its format, or see docs/model.md)");
    }
    // Without positions: only a model with structural problems needs them, and it is walked again.
    Walk walk = new Walk(source, positionsFirst);
    DeviceModel model = model(walk, root.get());
    if (!walk.problems().isEmpty()) {
      throw new InvalidInputException(sorted(walk.problems()));
    }
    List<Problem> structural = ModelValidator.validate(model);
    if (!structural.isEmpty()) {
      Walk located = walk;
      if (!positionsFirst) {
        located = new Walk(source);
        model(located, root.get());
      }
      throw new InvalidInputException(sorted(structural.stream().map(located::locate).toList()));
    }
    return model;
  }

  private static List<Problem> sorted(List<Problem> problems) {
    return problems.stream()
        .sorted(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column))
        .toList();
  }

  private static String decode(byte[] bytes, String source) {
    for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
      if (bytes[i] == 0) {
        throw fail(source, "is a binary file (it contains NUL bytes); expected a YAML text file");
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw fail(source, "is not UTF-8 text; save the model as UTF-8");
    }
  }

  private static InvalidInputException fail(String source, String message) {
    return new InvalidInputException(new Problem(source, 0, 0, "", message, Optional.empty()));
  }

  private DeviceModel model(Walk walk, YNode root) {
    Walk.Fields top = walk.fields(root, "", TOP);
    Optional<String> version = top.optText("vigie");
    if (version.isPresent() && !version.get().equals(String.valueOf(FORMAT_VERSION))) {
      walk.problem(top.node(), "vigie", "format version '" + version.get() + "' is not supported; this Vigie reads version " + FORMAT_VERSION);
    }
    return new DeviceModel(
        device(top.mapping("device", DEVICE)),
        top.list("actors", ACTOR, ModelYamlReader::actor),
        top.list("zones", ZONE, ModelYamlReader::zone),
        top.list("assets", ASSET, ModelYamlReader::asset),
        top.list("components", COMPONENT, ModelYamlReader::component),
        top.list("flows", FLOW, ModelYamlReader::flow),
        top.list("controls", CONTROL, ModelYamlReader::control),
        top.list("hazards", HAZARD, ModelYamlReader::hazard),
        top.list("threats", THREAT, ModelYamlReader::threat),
        top.list("overrides", OVERRIDE, f -> override(walk, f)),
        top.list("acceptances", ACCEPTANCE, f -> acceptance(walk, f)));
  }

  private static Device device(Walk.Fields f) {
    return new Device(f.text("name"), f.text("manufacturer", ""), f.text("version", ""),
        f.text("intendedUse", ""), f.texts("markets"), f.text("deviceClass", ""), f.text("description", ""));
  }

  private static Actor actor(Walk.Fields f) {
    String id = f.id("id");
    return new Actor(id, f.text("name", id), f.enumeration("kind", ActorKind.class, ActorKind.OTHER),
        f.texts("uses"), f.text("description", ""));
  }

  private static TrustZone zone(Walk.Fields f) {
    String id = f.id("id");
    return new TrustZone(id, f.text("name", id), f.enumeration("trust", TrustLevel.class),
        f.bool("certifiedHealthDataHost", false), f.texts("certifications"), f.text("description", ""));
  }

  private static DataAsset asset(Walk.Fields f) {
    String id = f.id("id");
    DataCategory category = f.enumeration("category", DataCategory.class);
    return new DataAsset(id, f.text("name", id), category,
        f.enumeration("confidentiality", Need.class, category.defaultConfidentiality()),
        f.enumeration("integrity", Need.class, category.defaultIntegrity()),
        f.enumeration("availability", Need.class, category.defaultAvailability()),
        f.optText("legalBasis"), f.optText("consent"), f.text("description", ""));
  }

  private static Component component(Walk.Fields f) {
    String id = f.id("id");
    ComponentKind kind = f.enumeration("kind", ComponentKind.class);
    return new Component(id, f.text("name", id), kind, f.text("zone"), f.texts("technologies"),
        f.texts("stores"), f.texts("processes"), f.optText("clinicalFunction"),
        f.enumeration("harmSeverity", Severity.class, Severity.NEGLIGIBLE), f.texts("hazards"),
        f.texts("redundantWith"),
        f.enumeration("credentials", Credentials.class, kind.hasUserInterface() ? Credentials.UNIQUE : Credentials.NONE),
        f.optEnumeration("exposure", Reachability.class), f.texts("code"), f.optText("sbom"),
        f.text("description", ""));
  }

  private static DataFlow flow(Walk.Fields f) {
    String id = f.id("id");
    return new DataFlow(id, f.text("name", id), f.text("from"), f.text("to"),
        f.enumeration("kind", FlowKind.class, FlowKind.DATA), f.text("protocol"), f.texts("assets"),
        f.enumeration("authentication", Authentication.class, Authentication.NONE),
        f.enumeration("authorization", Authorization.class, Authorization.NONE),
        f.enumeration("encryption", Encryption.class, Encryption.NONE),
        f.enumeration("integrity", Integrity.class, Integrity.NONE), f.text("description", ""));
  }

  private static SecurityControl control(Walk.Fields f) {
    String id = f.id("id");
    return new SecurityControl(id, f.text("name", id), f.enumeration("category", ControlCategory.class),
        f.enumerations("provides", Capability.class), f.texts("protects"),
        f.enumeration("status", ControlStatus.class, ControlStatus.IMPLEMENTED),
        f.list("verification", VERIFICATION, v -> new Verification(v.text("method"), v.text("reference"), v.text("description", ""))),
        f.text("description", ""));
  }

  private static Hazard hazard(Walk.Fields f) {
    return new Hazard(f.id("id"), f.text("title"), f.enumeration("severity", Severity.class),
        f.texts("elements"), f.text("description", ""));
  }

  private static ManualThreat threat(Walk.Fields f) {
    return new ManualThreat(f.id("id"), f.text("title"), f.enumeration("category", Stride.class),
        f.optEnumeration("privacy", Linddun.class), f.texts("elements"),
        f.enumerations("mitigations", Capability.class), f.integers("cwe"), f.integers("capec"),
        f.text("description", ""));
  }

  private static RiskOverride override(Walk walk, Walk.Fields f) {
    RiskOverride o = new RiskOverride(f.text("threat"), f.optEnumeration("exploitability", Exploitability.class),
        f.optEnumeration("severity", Severity.class), f.text("rationale"));
    if (!f.has("exploitability") && !f.has("severity")) {
      walk.problem(f.node(), f.path(), "an override changes exploitability, severity or both; it sets neither");
    }
    return o;
  }

  private static RiskAcceptance acceptance(Walk walk, Walk.Fields f) {
    String date = f.text("date");
    if (!date.isEmpty()) {
      try {
        LocalDate.parse(date);
      } catch (DateTimeParseException e) {
        walk.problem(f.node(), f.path() + ".date", "date '" + date + "' is not a date in the form YYYY-MM-DD");
      }
    }
    return new RiskAcceptance(f.text("threat"), f.text("rationale"), f.text("acceptedBy"), date);
  }
}
