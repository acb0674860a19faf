package io.vigie.formats.threatdragon;

import io.vigie.core.model.ActorKind;
import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.TrustLevel;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What Threat Dragon does not record but Vigie's rules need, guessed from the words of an element's
 * name (then its description): the kind of a process, the role of an actor, the trust of a boundary
 * box. Each table is ordered: the first entry with a matching word wins, so "Web Service" is an API
 * service before it is a web app. Every guess is reported as a note for a person to review.
 */
final class Guesses {
  private Guesses() {}

  /** A guess and the word that led to it. */
  record Guess<T>(T value, String word) {}

  private static final List<Map.Entry<ComponentKind, List<String>>> COMPONENT_KINDS = List.of(
      Map.entry(ComponentKind.DATABASE, List.of("database", "db", "sql", "postgres", "mysql",
          "mongodb", "mongo", "redis", "oracle", "sqlite", "datastore")),
      Map.entry(ComponentKind.MESSAGE_QUEUE, List.of("queue", "kafka", "mq", "rabbitmq", "broker")),
      Map.entry(ComponentKind.FILE_STORAGE, List.of("bucket", "s3", "storage", "filesystem")),
      Map.entry(ComponentKind.IDENTITY_PROVIDER, List.of("identity", "idp", "sso", "oauth", "ldap",
          "keycloak")),
      Map.entry(ComponentKind.UPDATE_SERVER, List.of("update", "updates", "ota")),
      Map.entry(ComponentKind.GATEWAY, List.of("gateway", "hub", "bridge")),
      Map.entry(ComponentKind.SENSOR, List.of("sensor", "cgm")),
      Map.entry(ComponentKind.EMBEDDED_DEVICE, List.of("device", "firmware", "embedded", "pump",
          "implant", "pacemaker")),
      Map.entry(ComponentKind.MOBILE_APP, List.of("mobile", "android", "ios", "smartphone", "phone")),
      Map.entry(ComponentKind.API_SERVICE, List.of("api", "rest", "service", "microservice",
          "backend", "server", "rpc", "graphql")),
      Map.entry(ComponentKind.WEB_PORTAL, List.of("portal")),
      Map.entry(ComponentKind.WEB_APP, List.of("web", "browser", "frontend", "ui", "website")),
      Map.entry(ComponentKind.BACKEND_JOB, List.of("worker", "job", "batch", "daemon", "cron",
          "scheduler")),
      Map.entry(ComponentKind.CLINICAL_WORKSTATION, List.of("workstation")),
      Map.entry(ComponentKind.THIRD_PARTY_SERVICE, List.of("cdn", "saas", "thirdparty")));

  private static final List<Map.Entry<ActorKind, List<String>>> ACTOR_KINDS = List.of(
      Map.entry(ActorKind.PATIENT, List.of("patient", "patients")),
      Map.entry(ActorKind.CAREGIVER, List.of("caregiver", "carer", "family")),
      Map.entry(ActorKind.CLINICIAN, List.of("clinician", "doctor", "physician", "nurse",
          "surgeon", "hcp", "cardiologist", "clinical")),
      Map.entry(ActorKind.SUPPORT_TECHNICIAN, List.of("technician", "support", "maintenance")),
      Map.entry(ActorKind.ADMINISTRATOR, List.of("admin", "administrator", "administrators",
          "operator", "privilege", "privileged")),
      Map.entry(ActorKind.EXTERNAL_SYSTEM, List.of("system", "service", "server", "partner")));

  private static final List<Map.Entry<TrustLevel, List<String>>> TRUST_LEVELS = List.of(
      Map.entry(TrustLevel.INTERNET, List.of("internet", "public", "dmz", "untrusted")),
      Map.entry(TrustLevel.THIRD_PARTY, List.of("third", "thirdparty", "vendor", "partner",
          "external", "saas")),
      Map.entry(TrustLevel.CERTIFIED_HOSTING, List.of("hds", "certified")),
      Map.entry(TrustLevel.HOSPITAL_NETWORK, List.of("hospital", "clinic", "clinical")),
      Map.entry(TrustLevel.PATIENT_HOME, List.of("home", "patient")),
      Map.entry(TrustLevel.DEVICE_INTERNAL, List.of("device", "internal", "embedded", "firmware",
          "host", "local")),
      Map.entry(TrustLevel.MAKER_CLOUD, List.of("cloud", "aws", "azure", "gcp", "datacenter",
          "backend", "server", "servers")));

  static Optional<Guess<ComponentKind>> componentKind(String name, String description) {
    return first(COMPONENT_KINDS, name).or(() -> first(COMPONENT_KINDS, description));
  }

  static Optional<Guess<ActorKind>> actorKind(String name) {
    return first(ACTOR_KINDS, name);
  }

  static Optional<Guess<TrustLevel>> trust(String boundaryName) {
    return first(TRUST_LEVELS, boundaryName);
  }

  private static <T> Optional<Guess<T>> first(List<Map.Entry<T, List<String>>> table, String text) {
    List<String> words = words(text);
    for (Map.Entry<T, List<String>> entry : table) {
      for (String keyword : entry.getValue()) {
        for (String word : words) {
          if (matches(word, keyword)) {
            return Optional.of(new Guess<>(entry.getKey(), word));
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whole words only ("api" must not match "capital"), but long keywords also match as a prefix
   * (plurals, "PostgresSQL") and "sql" as a suffix ("MySQL", "NoSQL").
   */
  private static boolean matches(String word, String keyword) {
    return word.equals(keyword)
        || keyword.length() >= 5 && word.startsWith(keyword)
        || keyword.equals("sql") && word.endsWith("sql");
  }

  private static List<String> words(String text) {
    return Arrays.stream(text.toLowerCase(Locale.ROOT).replace("third party", "thirdparty")
            .replace("third-party", "thirdparty").split("[^a-z0-9]+"))
        .filter(w -> !w.isEmpty())
        .toList();
  }
}
