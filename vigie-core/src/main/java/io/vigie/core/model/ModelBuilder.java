package io.vigie.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Builds a {@link DeviceModel} in code with the defaults the YAML reader applies, for importers,
 * generators and tests. Not thread-safe; the model it builds is immutable.
 *
 * <pre>{@code
 * DeviceModel m = new ModelBuilder("Pump")
 *     .zone("cloud", TrustLevel.CERTIFIED_HOSTING)
 *     .asset("vitals", DataCategory.HEALTH)
 *     .component("api", ComponentKind.API_SERVICE, "cloud", c -> c.stores("vitals"))
 *     .build();
 * }</pre>
 */
public final class ModelBuilder {
  private Device device;
  private final List<Actor> actors = new ArrayList<>();
  private final List<TrustZone> zones = new ArrayList<>();
  private final List<DataAsset> assets = new ArrayList<>();
  private final List<Component> components = new ArrayList<>();
  private final List<DataFlow> flows = new ArrayList<>();
  private final List<SecurityControl> controls = new ArrayList<>();
  private final List<Hazard> hazards = new ArrayList<>();
  private final List<ManualThreat> threats = new ArrayList<>();
  private final List<RiskOverride> overrides = new ArrayList<>();
  private final List<RiskAcceptance> acceptances = new ArrayList<>();

  public ModelBuilder(String deviceName) {
    device = new Device(deviceName, "", "", "", List.of(), "", "");
  }

  public ModelBuilder device(Device d) {
    device = d;
    return this;
  }

  public ModelBuilder actor(String id, ActorKind kind, String... uses) {
    actors.add(new Actor(id, id, kind, List.of(uses), ""));
    return this;
  }

  public ModelBuilder actor(Actor a) {
    actors.add(a);
    return this;
  }

  public ModelBuilder zone(String id, TrustLevel trust) {
    zones.add(new TrustZone(id, id, trust, false, List.of(), ""));
    return this;
  }

  public ModelBuilder zone(TrustZone z) {
    zones.add(z);
    return this;
  }

  public ModelBuilder asset(String id, DataCategory category) {
    return asset(new DataAsset(id, id, category, category.defaultConfidentiality(),
        category.defaultIntegrity(), category.defaultAvailability(), Optional.empty(), Optional.empty(), ""));
  }

  public ModelBuilder asset(DataAsset a) {
    assets.add(a);
    return this;
  }

  public ModelBuilder component(String id, ComponentKind kind, String zone) {
    return component(id, kind, zone, c -> {});
  }

  public ModelBuilder component(String id, ComponentKind kind, String zone, Consumer<ComponentSpec> spec) {
    ComponentSpec s = new ComponentSpec(id, kind, zone);
    spec.accept(s);
    components.add(s.build());
    return this;
  }

  public ModelBuilder flow(String id, String from, String to) {
    return flow(id, from, to, f -> {});
  }

  public ModelBuilder flow(String id, String from, String to, Consumer<FlowSpec> spec) {
    FlowSpec s = new FlowSpec(id, from, to);
    spec.accept(s);
    flows.add(s.build());
    return this;
  }

  public ModelBuilder control(String id, ControlCategory category, Consumer<ControlSpec> spec) {
    ControlSpec s = new ControlSpec(id, category);
    spec.accept(s);
    controls.add(s.build());
    return this;
  }

  public ModelBuilder hazard(String id, Severity severity, String... elements) {
    hazards.add(new Hazard(id, id, severity, List.of(elements), ""));
    return this;
  }

  public ModelBuilder threat(ManualThreat t) {
    threats.add(t);
    return this;
  }

  public ModelBuilder override(RiskOverride o) {
    overrides.add(o);
    return this;
  }

  public ModelBuilder acceptance(RiskAcceptance a) {
    acceptances.add(a);
    return this;
  }

  public DeviceModel build() {
    return new DeviceModel(device, actors, zones, assets, components, flows, controls, hazards,
        threats, overrides, acceptances);
  }

  /** Component attributes, with the reader's defaults. */
  public static final class ComponentSpec {
    private final String id;
    private final ComponentKind kind;
    private final String zone;
    private String name;
    private List<String> technologies = List.of();
    private List<String> stores = List.of();
    private List<String> processes = List.of();
    private Optional<String> clinicalFunction = Optional.empty();
    private Severity harm = Severity.NEGLIGIBLE;
    private List<String> hazards = List.of();
    private List<String> redundantWith = List.of();
    private Credentials credentials;
    private Optional<Reachability> exposure = Optional.empty();
    private List<String> code = List.of();
    private Optional<String> sbom = Optional.empty();
    private String description = "";

    ComponentSpec(String id, ComponentKind kind, String zone) {
      this.id = id;
      this.kind = kind;
      this.zone = zone;
      this.name = id;
      this.credentials = kind.hasUserInterface() ? Credentials.UNIQUE : Credentials.NONE;
    }

    public ComponentSpec name(String v) { name = v; return this; }
    public ComponentSpec technologies(String... v) { technologies = Arrays.asList(v); return this; }
    public ComponentSpec stores(String... v) { stores = Arrays.asList(v); return this; }
    public ComponentSpec processes(String... v) { processes = Arrays.asList(v); return this; }
    public ComponentSpec clinicalFunction(String v, Severity harmSeverity) {
      clinicalFunction = Optional.of(v);
      harm = harmSeverity;
      return this;
    }
    public ComponentSpec harm(Severity v) { harm = v; return this; }
    public ComponentSpec hazards(String... v) { hazards = Arrays.asList(v); return this; }
    public ComponentSpec redundantWith(String... v) { redundantWith = Arrays.asList(v); return this; }
    public ComponentSpec credentials(Credentials v) { credentials = v; return this; }
    public ComponentSpec exposure(Reachability v) { exposure = Optional.of(v); return this; }
    public ComponentSpec code(String... v) { code = Arrays.asList(v); return this; }
    public ComponentSpec sbom(String v) { sbom = Optional.of(v); return this; }
    public ComponentSpec description(String v) { description = v; return this; }

    Component build() {
      return new Component(id, name, kind, zone, technologies, stores, processes, clinicalFunction,
          harm, hazards, redundantWith, credentials, exposure, code, sbom, description);
    }
  }

  /** Flow attributes; by default HTTPS with TLS, token authentication and role-based access. */
  public static final class FlowSpec {
    private final String id;
    private final String from;
    private final String to;
    private String name;
    private FlowKind kind = FlowKind.DATA;
    private String protocol = "https";
    private List<String> assets = List.of();
    private Authentication authentication = Authentication.TOKEN;
    private Authorization authorization = Authorization.ROLE_BASED;
    private Encryption encryption = Encryption.TRANSPORT;
    private Integrity integrity = Integrity.TRANSPORT;
    private String description = "";

    FlowSpec(String id, String from, String to) {
      this.id = id;
      this.from = from;
      this.to = to;
      this.name = id;
    }

    public FlowSpec name(String v) { name = v; return this; }
    public FlowSpec kind(FlowKind v) { kind = v; return this; }
    public FlowSpec protocol(String v) { protocol = v; return this; }
    public FlowSpec assets(String... v) { assets = Arrays.asList(v); return this; }
    public FlowSpec authentication(Authentication v) { authentication = v; return this; }
    public FlowSpec authorization(Authorization v) { authorization = v; return this; }
    public FlowSpec encryption(Encryption v) { encryption = v; return this; }
    public FlowSpec integrity(Integrity v) { integrity = v; return this; }
    public FlowSpec description(String v) { description = v; return this; }

    /** No protection at all: plain text, no authentication, no access control. */
    public FlowSpec unprotected() {
      authentication = Authentication.NONE;
      authorization = Authorization.NONE;
      encryption = Encryption.NONE;
      integrity = Integrity.NONE;
      return this;
    }

    DataFlow build() {
      return new DataFlow(id, name, from, to, kind, protocol, assets, authentication,
          authorization, encryption, integrity, description);
    }
  }

  /** Control attributes; implemented and unverified by default. */
  public static final class ControlSpec {
    private final String id;
    private final ControlCategory category;
    private String name;
    private List<Capability> provides = List.of();
    private List<String> protects = List.of();
    private ControlStatus status = ControlStatus.IMPLEMENTED;
    private final List<Verification> verification = new ArrayList<>();
    private String description = "";

    ControlSpec(String id, ControlCategory category) {
      this.id = id;
      this.category = category;
      this.name = id;
    }

    public ControlSpec name(String v) { name = v; return this; }
    public ControlSpec provides(Capability... v) { provides = Arrays.asList(v); return this; }
    public ControlSpec protects(String... v) { protects = Arrays.asList(v); return this; }
    public ControlSpec planned() { status = ControlStatus.PLANNED; return this; }
    public ControlSpec verifiedBy(String method, String reference) {
      verification.add(new Verification(method, reference, ""));
      return this;
    }
    public ControlSpec description(String v) { description = v; return this; }

    SecurityControl build() {
      return new SecurityControl(id, name, category, provides, protects, status, verification, description);
    }
  }
}
