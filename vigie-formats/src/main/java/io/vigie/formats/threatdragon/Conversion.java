package io.vigie.formats.threatdragon;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.core.model.Actor;
import io.vigie.core.model.ActorKind;
import io.vigie.core.model.Authentication;
import io.vigie.core.model.Authorization;
import io.vigie.core.model.Component;
import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.Credentials;
import io.vigie.core.model.DataFlow;
import io.vigie.core.model.Device;
import io.vigie.core.model.DeviceModel;
import io.vigie.core.model.Encryption;
import io.vigie.core.model.FlowKind;
import io.vigie.core.model.Integrity;
import io.vigie.core.model.ManualThreat;
import io.vigie.core.model.Names;
import io.vigie.core.model.Severity;
import io.vigie.core.model.TrustLevel;
import io.vigie.core.model.TrustZone;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One import run over a Threat Dragon v2 tree whose shape {@link ThreatDragonImporter} has checked.
 * Four passes over the diagrams, so that every ID a pass needs exists before it is referenced:
 * boundary boxes (zones), then actors, processes and stores (components), then flows, then the
 * threats on all of them. Not thread-safe: one instance per file.
 */
final class Conversion {
  private static final String ACTOR = "tm.Actor";
  private static final String PROCESS = "tm.Process";
  private static final String STORE = "tm.Store";
  private static final String FLOW = "tm.Flow";
  private static final String CURVE = "tm.Boundary";
  private static final String BOX = "tm.BoundaryBox";
  private static final String TEXT = "tm.Text";
  private static final Map<String, String> TYPE_BY_SHAPE = Map.of(
      "actor", ACTOR, "process", PROCESS, "store", STORE, "flow", FLOW,
      "trust-boundary-curve", CURVE, "trust-broundary-curve", CURVE,
      "trust-boundary-box", BOX, "td-text-block", TEXT);
  /** Text Threat Dragon pre-fills in a new threat; not worth carrying into the risk file. */
  private static final Set<String> PLACEHOLDERS = Set.of(
      "Provide a description for this threat",
      "Provide remediation for this threat or a reason if status is N/A");

  private final String source;
  private final JsonNode root;
  private final IdAllocator ids = new IdAllocator();
  private final List<String> notes = new ArrayList<>();
  private final Map<String, String> idsByCell = new LinkedHashMap<>();
  private final List<TrustZone> zones = new ArrayList<>();
  private final List<Component> components = new ArrayList<>();
  private final List<ActorDraft> actors = new ArrayList<>();
  private final List<DataFlow> flows = new ArrayList<>();
  private final List<ManualThreat> threats = new ArrayList<>();
  private TrustZone systemZone;
  private TrustZone externalZone;

  /** A diagram with the Vigie ID of each of its cells, by kind of element. */
  private record Diagram(String title, JsonNode cells, List<Box> boxes, Map<String, String> nodes,
      Map<String, String> names, Map<String, String> flows) {}

  private record Box(String zone, double x, double y, double width, double height) {
    boolean contains(double px, double py) {
      return px >= x && px <= x + width && py >= y && py <= y + height;
    }
  }

  private record ActorDraft(String id, String name, ActorKind kind, String component, String description) {}

  Conversion(String source, JsonNode root) {
    this.source = source;
    this.root = root;
  }

  ThreatDragonImport run() {
    List<Diagram> diagrams = new ArrayList<>();
    JsonNode list = root.path("detail").path("diagrams");
    for (int i = 0; i < list.size(); i++) {
      JsonNode d = list.get(i);
      diagrams.add(new Diagram(label(d.path("title"), "diagram " + (i + 1)), d.path("cells"),
          new ArrayList<>(), new HashMap<>(), new HashMap<>(), new HashMap<>()));
    }
    if (diagrams.isEmpty()) {
      notes.add("the model has no diagrams: the imported model has no elements");
    }
    diagrams.forEach(this::boxes);
    diagrams.forEach(this::nodes);
    diagrams.forEach(this::flows);
    diagrams.forEach(this::threats);
    reportWhatThreatDragonDoesNotRecord();
    return new ThreatDragonImport(model(), notes, idsByCell);
  }

  private void boxes(Diagram diagram) {
    for (JsonNode cell : diagram.cells()) {
      if (!typeOf(cell).equals(BOX)) {
        continue;
      }
      String name = label(cell.path("data").path("name"), "Trust boundary");
      String id = ids.allocate(name, "trust-boundary");
      Optional<Guesses.Guess<TrustLevel>> guess = Guesses.trust(name);
      TrustLevel trust = guess.map(Guesses.Guess::value).orElse(TrustLevel.MAKER_CLOUD);
      notes.add("zone '" + id + "': trust " + Names.of(trust) + guess.map(g -> " guessed from the word '"
          + g.word() + "' in its name").orElse(" assumed (no hint in its name): review it"));
      zones.add(new TrustZone(id, name, trust, false, List.of(),
          text(cell.path("data").path("description"), "")));
      record(cell, id);
      JsonNode at = cell.path("position");
      JsonNode size = cell.path("size");
      if (at.has("x") && at.has("y") && size.has("width") && size.has("height")) {
        diagram.boxes().add(new Box(id, at.path("x").asDouble(), at.path("y").asDouble(),
            size.path("width").asDouble(), size.path("height").asDouble()));
      }
    }
  }

  private void nodes(Diagram diagram) {
    for (JsonNode cell : diagram.cells()) {
      String type = typeOf(cell);
      if (!type.equals(ACTOR) && !type.equals(PROCESS) && !type.equals(STORE)) {
        if (!Set.of(FLOW, BOX, CURVE, TEXT).contains(type)) {
          notes.add("cell " + cellId(cell) + " in diagram '" + diagram.title() + "' skipped: unknown"
              + " type '" + type + "'");
        }
        continue;
      }
      JsonNode data = cell.path("data");
      String name = label(data.path("name"), defaultName(type));
      String id = ids.allocate(name, defaultName(type));
      Optional<String> box = boxAround(diagram, cell);
      String zone = box.orElseGet(() -> type.equals(ACTOR) ? external() : system());
      ComponentKind kind = componentKind(type, id, name, data);
      List<String> extras = new ArrayList<>();
      if (type.equals(STORE)) {
        flag(data, "isEncrypted", "Encrypted at rest (Threat Dragon).", extras);
        flag(data, "isSigned", "Signed content (Threat Dragon).", extras);
        flag(data, "storesCredentials", "Stores credentials or personal data (Threat Dragon).", extras);
        flag(data, "isALog", "Holds logs (Threat Dragon).", extras);
      }
      String privilege = text(data.path("privilegeLevel"), "");
      if (!privilege.isEmpty()) {
        extras.add("Privilege level: " + privilege + " (Threat Dragon).");
      }
      if (type.equals(ACTOR) && data.path("providesAuthentication").asBoolean(false)) {
        extras.add("Provides authentication (Threat Dragon).");
      }
      String description = describe(data, extras);
      components.add(new Component(id, name, kind, zone, List.of(), List.of(), List.of(),
          Optional.empty(), Severity.NEGLIGIBLE, List.of(), List.of(),
          kind.hasUserInterface() ? Credentials.UNIQUE : Credentials.NONE, Optional.empty(),
          List.of(), Optional.empty(), description));
      if (type.equals(ACTOR)) {
        String actorId = ids.allocate(name + " actor", "actor");
        ActorKind actorKind = Guesses.actorKind(name).map(Guesses.Guess::value).orElse(ActorKind.OTHER);
        actors.add(new ActorDraft(actorId, name, actorKind, id, description));
        notes.add("actor '" + actorId + "' (" + Names.of(actorKind) + ") is drawn in flows as"
            + " component '" + id + "' of kind other in zone '" + zone + "'");
      }
      diagram.nodes().put(cellId(cell), id);
      diagram.names().put(id, name);
      record(cell, id);
    }
  }

  private ComponentKind componentKind(String type, String id, String name, JsonNode data) {
    if (type.equals(STORE)) {
      return ComponentKind.DATABASE;
    }
    if (type.equals(ACTOR)) {
      return ComponentKind.OTHER;
    }
    if (data.path("isWebApplication").asBoolean(false)) {
      return ComponentKind.WEB_APP;
    }
    Optional<Guesses.Guess<ComponentKind>> guess =
        Guesses.componentKind(name, text(data.path("description"), ""));
    ComponentKind kind = guess.map(Guesses.Guess::value).orElse(ComponentKind.OTHER);
    notes.add("component '" + id + "': kind " + Names.of(kind) + guess.map(g -> " guessed from the"
        + " word '" + g.word() + "'").orElse(" (no keyword in its name or description)"));
    return kind;
  }

  private void flows(Diagram diagram) {
    for (JsonNode cell : diagram.cells()) {
      if (!typeOf(cell).equals(FLOW)) {
        continue;
      }
      JsonNode data = cell.path("data");
      String label = label(data.path("name"), "");
      String shown = "flow " + (label.isEmpty() ? cellId(cell) : "'" + label + "'") + " in diagram '"
          + diagram.title() + "'";
      String from = diagram.nodes().get(cell.path("source").path("cell").asText(""));
      String to = diagram.nodes().get(cell.path("target").path("cell").asText(""));
      if (from == null || to == null) {
        notes.add(shown + " skipped: its " + (from == null ? "source" : "target")
            + " is not connected to an actor, process or store");
        continue;
      }
      if (from.equals(to)) {
        notes.add(shown + " skipped: it goes from '" + from + "' back to itself");
        continue;
      }
      String name = label.isEmpty()
          ? diagram.names().get(from) + " to " + diagram.names().get(to) : label;
      String id = ids.allocate(label.isEmpty() ? from + " to " + to : label, "flow");
      String protocol = text(data.path("protocol"), "unspecified");
      boolean encrypted = data.path("isEncrypted").asBoolean(false);
      if (!encrypted && protocol.toLowerCase(Locale.ROOT).matches(".*(https|tls|ssl|wss).*")) {
        notes.add("flow '" + id + "': protocol '" + protocol + "' suggests TLS but Threat Dragon"
            + " does not mark it encrypted; imported with encryption none: review it");
      }
      List<String> extras = new ArrayList<>();
      flag(data, "isPublicNetwork", "Crosses a public network (Threat Dragon).", extras);
      flag(data, "isBidirectional", "Bidirectional (Threat Dragon).", extras);
      flows.add(new DataFlow(id, name, from, to, FlowKind.DATA, protocol, List.of(),
          Authentication.NONE, Authorization.NONE,
          encrypted ? Encryption.TRANSPORT : Encryption.NONE,
          encrypted ? Integrity.TRANSPORT : Integrity.NONE, describe(data, extras)));
      diagram.flows().put(cellId(cell), id);
      diagram.names().put(id, name);
      record(cell, id);
    }
  }

  private void threats(Diagram diagram) {
    for (JsonNode cell : diagram.cells()) {
      JsonNode list = cell.path("data").path("threats");
      if (!list.isArray() || list.isEmpty()) {
        continue;
      }
      String element = elementOf(diagram, cell);
      if (element == null) {
        notes.add(list.size() + " threat(s) on cell " + cellId(cell) + " in diagram '"
            + diagram.title() + "' skipped: the cell was not imported as an element");
        continue;
      }
      for (int i = 0; i < list.size(); i++) {
        threat(element, diagram.names().getOrDefault(element, element), list.get(i), i);
      }
    }
  }

  private void threat(String element, String elementName, JsonNode t, int index) {
    String title = label(t.path("title"), "Threat on " + elementName);
    String description = meaningful(t.path("description"));
    String type = text(t.path("type"), "");
    ThreatCategories.Category category =
        ThreatCategories.of(type, text(t.path("cardSuit"), ""), title, description);
    String id = ids.allocate(element + " " + threatSuffix(t, index), element + " threat");
    if (category.guessed()) {
      notes.add("threat '" + id + "': Threat Dragon type '" + (type.isEmpty() ? "(none)" : type)
          + "' has no STRIDE equivalent; category guessed " + Names.of(category.stride()));
    }
    List<String> facts = new ArrayList<>();
    String model = text(t.path("modelType"), "");
    facts.add((model.isEmpty() ? "" : model + " ") + "threat" + (type.isEmpty() ? "" : " of type " + type));
    for (String key : List.of("status", "severity", "score")) {
      String value = text(t.path(key), "");
      if (!value.isEmpty()) {
        facts.add(key + " " + value);
      }
    }
    StringBuilder text = new StringBuilder(description);
    if (text.length() > 0) {
      text.append("\n\n");
    }
    text.append("Threat Dragon: ").append(String.join(", ", facts)).append('.');
    String mitigation = meaningful(t.path("mitigation"));
    if (!mitigation.isEmpty()) {
      text.append("\nMitigation: ").append(mitigation);
    }
    threats.add(new ManualThreat(id, title, category.stride(), category.privacy(), List.of(element),
        List.of(), List.of(), List.of(), text.toString()));
  }

  /** The TD threat number when it has one, else a short form of its ID, else its position. */
  private static String threatSuffix(JsonNode t, int index) {
    if (t.path("number").canConvertToInt() && t.path("number").isNumber()) {
      return "t" + t.path("number").asInt();
    }
    String tdId = text(t.path("id"), text(t.path("threatId"), ""));
    if (tdId.matches("[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}")) {
      return tdId.substring(0, 8);
    }
    return tdId.isEmpty() ? "t" + (index + 1) : tdId;
  }

  private String elementOf(Diagram diagram, JsonNode cell) {
    String id = cellId(cell);
    String element = diagram.nodes().getOrDefault(id, diagram.flows().get(id));
    if (element == null && typeOf(cell).equals(BOX)) {
      element = idsByCell.get(id);
    }
    return element;
  }

  private Optional<String> boxAround(Diagram diagram, JsonNode cell) {
    JsonNode at = cell.path("position");
    JsonNode size = cell.path("size");
    if (!at.has("x") || !at.has("y")) {
      return Optional.empty();
    }
    double cx = at.path("x").asDouble() + size.path("width").asDouble() / 2;
    double cy = at.path("y").asDouble() + size.path("height").asDouble() / 2;
    // Nested boxes: the innermost (smallest) box holding the element's centre is its zone.
    Box best = null;
    for (Box b : diagram.boxes()) {
      if (b.contains(cx, cy) && (best == null || b.width() * b.height() < best.width() * best.height())) {
        best = b;
      }
    }
    return Optional.ofNullable(best).map(Box::zone);
  }

  private String system() {
    if (systemZone == null) {
      String id = ids.allocate("system", "system");
      systemZone = new TrustZone(id, "System", TrustLevel.MAKER_CLOUD, false, List.of(),
          "Processes and stores drawn outside every trust boundary box in Threat Dragon.");
      notes.add("zone '" + id + "' (trust maker-cloud, assumed) holds the processes and stores"
          + " drawn outside every trust boundary box");
    }
    return systemZone.id();
  }

  private String external() {
    if (externalZone == null) {
      String id = ids.allocate("external", "external");
      externalZone = new TrustZone(id, "External", TrustLevel.INTERNET, false, List.of(),
          "Actors drawn outside every trust boundary box in Threat Dragon.");
      notes.add("zone '" + id + "' (trust internet) holds the actors drawn outside every trust"
          + " boundary box");
    }
    return externalZone.id();
  }

  private void reportWhatThreatDragonDoesNotRecord() {
    long curves = 0;
    for (JsonNode d : root.path("detail").path("diagrams")) {
      for (JsonNode cell : d.path("cells")) {
        curves += typeOf(cell).equals(CURVE) ? 1 : 0;
      }
    }
    if (curves > 0) {
      notes.add(curves + " trust boundary curve(s) ignored: a curve encloses no area, so it cannot"
          + " tell which zone an element is in; draw boundary boxes, or assign zones by hand");
    }
    if (!components.isEmpty()) {
      notes.add("every component has harm severity negligible and no clinical function: Threat"
          + " Dragon records no clinical information; set them where a failure can hurt a patient");
      notes.add("no data assets: Threat Dragon does not model data; declare assets and list them on"
          + " components and flows");
      notes.add("component credentials follow the model reader's defaults (unique for components"
          + " with a user interface, none otherwise): Threat Dragon does not record them; review");
    }
    if (!flows.isEmpty()) {
      notes.add("every flow has authentication none and authorization none, and encryption and"
          + " integrity from Threat Dragon's 'encrypted' flag only: review each flow");
    }
  }

  private DeviceModel model() {
    List<TrustZone> allZones = new ArrayList<>(zones);
    Optional.ofNullable(systemZone).ifPresent(allZones::add);
    Optional.ofNullable(externalZone).ifPresent(allZones::add);
    List<Actor> allActors = actors.stream().map(a -> new Actor(a.id(), a.name(), a.kind(),
        usedBy(a.component()), a.description())).toList();
    JsonNode summary = root.path("summary");
    String name = label(summary.path("title"), fileName());
    String owner = text(summary.path("owner"), "");
    String description = text(summary.path("description"), "")
        + (owner.isEmpty() ? "" : "\nThreat model owner (Threat Dragon): " + owner);
    Device device = new Device(name, "", "", "", List.of(), "", description.strip());
    return new DeviceModel(device, allActors, allZones, List.of(), components, flows, List.of(),
        List.of(), threats, List.of(), List.of());
  }

  /** The components an actor's component exchanges data with, in flow order. */
  private List<String> usedBy(String component) {
    Set<String> used = new LinkedHashSet<>();
    for (DataFlow f : flows) {
      if (f.from().equals(component)) {
        used.add(f.to());
      } else if (f.to().equals(component)) {
        used.add(f.from());
      }
    }
    return List.copyOf(used);
  }

  private void record(JsonNode cell, String id) {
    String cellId = cellId(cell);
    if (!cellId.isEmpty() && idsByCell.putIfAbsent(cellId, id) != null) {
      notes.add("cell ID " + cellId + " is used more than once in the file; the ID map keeps its"
          + " first element");
    }
  }

  private String fileName() {
    String name = source.replace('\\', '/');
    return name.substring(name.lastIndexOf('/') + 1).replaceFirst("\\.json$", "");
  }

  private static String describe(JsonNode data, List<String> extras) {
    List<String> parts = new ArrayList<>();
    String description = text(data.path("description"), "");
    if (!description.isEmpty()) {
      parts.add(description);
    }
    if (data.path("outOfScope").asBoolean(false)) {
      String reason = text(data.path("reasonOutOfScope"), "");
      parts.add("Out of scope in Threat Dragon" + (reason.isEmpty() ? "." : ": " + reason));
    }
    parts.addAll(extras);
    return String.join("\n", parts);
  }

  private static void flag(JsonNode data, String key, String sentence, List<String> into) {
    if (data.path(key).asBoolean(false)) {
      into.add(sentence);
    }
  }

  private static String typeOf(JsonNode cell) {
    String type = cell.path("data").path("type").asText("");
    return type.isEmpty() ? TYPE_BY_SHAPE.getOrDefault(cell.path("shape").asText(""), "") : type;
  }

  private static String defaultName(String type) {
    return switch (type) {
      case ACTOR -> "Actor";
      case STORE -> "Store";
      default -> "Process";
    };
  }

  private static String cellId(JsonNode cell) {
    return cell.path("id").asText("");
  }

  /** A name or title, with runs of white space (TD names hold line breaks) made single spaces. */
  private static String label(JsonNode node, String fallback) {
    return text(node, fallback).replaceAll("\\s+", " ");
  }

  /** A text field, trimmed; {@code fallback} when absent, null, blank or not a value. */
  private static String text(JsonNode node, String fallback) {
    String value = node.isValueNode() && !node.isNull() ? node.asText().strip() : "";
    return value.isEmpty() ? fallback : value;
  }

  private static String meaningful(JsonNode node) {
    String value = node.isValueNode() && !node.isNull() ? node.asText().strip() : "";
    return PLACEHOLDERS.contains(value) ? "" : value;
  }
}
