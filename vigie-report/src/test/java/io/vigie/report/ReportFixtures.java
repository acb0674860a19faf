package io.vigie.report;

import io.vigie.core.analysis.Analysis;
import io.vigie.core.analysis.Analyzer;
import io.vigie.core.model.Authentication;
import io.vigie.core.model.Capability;
import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.ControlCategory;
import io.vigie.core.model.DataCategory;
import io.vigie.core.model.DeviceModel;
import io.vigie.core.model.FlowKind;
import io.vigie.core.model.ModelBuilder;
import io.vigie.core.model.Severity;
import io.vigie.core.model.TrustLevel;
import io.vigie.core.risk.RiskPolicy;
import io.vigie.core.threat.rules.BuiltInRules;
import java.util.Random;

/** Realistic models for report tests, built in code. */
final class ReportFixtures {
  private ReportFixtures() {}

  /** A post-operative follow-up platform; {@code name} lets a test inject hostile text. */
  static DeviceModel followUp(String portalName) {
    return new ModelBuilder("Post-op follow-up")
        .zone("home", TrustLevel.PATIENT_HOME)
        .zone("hds", TrustLevel.CERTIFIED_HOSTING)
        .zone("hospital", TrustLevel.HOSPITAL_NETWORK)
        .zone("sms", TrustLevel.THIRD_PARTY)
        .asset("vitals", DataCategory.HEALTH)
        .asset("thresholds", DataCategory.THERAPY)
        .asset("phone", DataCategory.PERSONAL)
        .component("patch", ComponentKind.SENSOR, "home", c -> c.processes("vitals"))
        .component("app", ComponentKind.MOBILE_APP, "home", c -> c.processes("vitals"))
        .component("api", ComponentKind.API_SERVICE, "hds", c -> c.processes("vitals", "thresholds"))
        .component("db", ComponentKind.DATABASE, "hds", c -> c.stores("vitals", "thresholds", "phone"))
        .component("alerting", ComponentKind.BACKEND_JOB, "hds",
            c -> c.clinicalFunction("raises deterioration alerts", Severity.SERIOUS).hazards("HAZ-12"))
        .component("portal", ComponentKind.WEB_PORTAL, "hospital", c -> c.name(portalName).processes("vitals"))
        .component("sms-gateway", ComponentKind.THIRD_PARTY_SERVICE, "sms", c -> c.processes("phone"))
        .hazard("HAZ-12", Severity.SERIOUS, "alerting")
        .flow("ble", "patch", "app", f -> f.protocol("ble").assets("vitals").authentication(Authentication.BLE_BONDING))
        .flow("upload", "app", "api", f -> f.assets("vitals"))
        .flow("store", "api", "db", f -> f.protocol("postgresql-tls").assets("vitals", "thresholds"))
        .flow("analyse", "db", "alerting", f -> f.assets("vitals", "thresholds"))
        .flow("to-portal", "api", "portal", f -> f.kind(FlowKind.ALERT).assets("vitals"))
        .flow("set-thresholds", "portal", "api", f -> f.kind(FlowKind.COMMAND).assets("thresholds"))
        .flow("alert-sms", "alerting", "sms-gateway", f -> f.kind(FlowKind.NOTIFICATION).protocol("http").unprotected().assets("phone"))
        .control("CTL-MFA", ControlCategory.AUTHENTICATION, c -> c.provides(Capability.MULTI_FACTOR_AUTHENTICATION, Capability.SESSION_TIMEOUT)
            .protects("portal", "set-thresholds").verifiedBy("automated-test", "TST-AUTH-012"))
        .control("CTL-REST", ControlCategory.CRYPTOGRAPHY, c -> c.provides(Capability.ENCRYPTION_AT_REST).protects("db"))
        .build();
  }

  static Analysis analyze(DeviceModel model) {
    return new Analyzer(BuiltInRules.all(), RiskPolicy.defaults()).analyze(model);
  }

  /** A fleet platform of {@code components} components and {@code flows} flows, deterministic. */
  static DeviceModel large(int components, int flows) {
    Random r = new Random(7);
    TrustLevel[] levels = TrustLevel.values();
    ComponentKind[] kinds = {ComponentKind.API_SERVICE, ComponentKind.DATABASE, ComponentKind.MOBILE_APP,
        ComponentKind.SENSOR, ComponentKind.WEB_PORTAL, ComponentKind.BACKEND_JOB};
    ModelBuilder b = new ModelBuilder("Fleet");
    for (TrustLevel t : levels) {
      b.zone("z-" + t.name().toLowerCase(java.util.Locale.ROOT), t);
    }
    b.asset("vitals", DataCategory.HEALTH);
    for (int i = 0; i < components; i++) {
      String zone = "z-" + levels[r.nextInt(levels.length)].name().toLowerCase(java.util.Locale.ROOT);
      boolean clinical = r.nextInt(10) == 0;
      b.component("c" + i, kinds[r.nextInt(kinds.length)], zone, c -> {
        c.processes("vitals");
        if (clinical) {
          c.clinicalFunction("clinical", Severity.SERIOUS);
        }
      });
    }
    for (int j = 0; j < flows; j++) {
      int a = r.nextInt(components);
      int z = (a + 1 + r.nextInt(components - 1)) % components;
      boolean plain = r.nextInt(5) == 0;
      b.flow("f" + j, "c" + a, "c" + z, f -> {
        f.assets("vitals");
        if (plain) {
          f.unprotected().protocol("http");
        }
      });
    }
    return b.build();
  }
}
